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

/** A request URL without the values of query parameters that may carry a secret. */
export function safeUrl(url: string | undefined): string {
  return clientText((url ?? '').replace(/([?&](?:token|k|access_token|key)=)[^&#]*/gi, '$1[redacted]'), 500);
}
