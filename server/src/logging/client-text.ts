// A string a client gave us (a session id from a handshake, a URL, a header), made safe to put in
// a log: control characters (C0, DEL, C1), line and paragraph separators and bidirectional
// overrides are written as \uXXXX escapes, so that a newline cannot forge a log line nor an escape
// sequence repaint a terminal; and it is cut to a bounded length.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const CLIENT_TEXT_MAX = 200;

export function clientText(value: unknown, max = CLIENT_TEXT_MAX): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Query parameters whose values are never logged: tokens and keys (a role link's, LTI's), a
 * group session's join code, a learner's pseudonym (a filter of the sessions list: personal data),
 * the hints and tokens an LTI platform sends.
 */
const SECRET_QUERY =
  /([?&](?:token|k|access_token|key|registration_token|code|learner|login_hint|lti_message_hint|id_token|state|nonce)=)[^&#]*/gi;

/**
 * Paths whose last part is itself the secret: an invitation's id (whoever holds it creates the
 * account), an LTI registration's key.
 */
const SECRET_PATH = /^(\/api\/account\/invitations\/|\/lti\/register\/)[^/?#]+/i;

/** A request URL without the secrets it may carry (values of some query parameters, some paths). */
export function safeUrl(url: string | undefined): string {
  return clientText(
    (url ?? '').replace(SECRET_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]'),
    500,
  );
}
