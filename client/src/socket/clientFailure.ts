import type { ErrorCode } from '@ecoute/protocol';

/** Failures the client itself detects; they share the `namespace/reason` form of `ErrorCode`. */
export type ClientErrorCode =
  | 'client/network'
  | 'client/timeout'
  | 'client/offline'
  | 'client/disconnected'
  | 'client/missing_token'
  | 'client/wrong_role'
  | 'client/unknown';

export interface ClientFailure {
  ok: false;
  code: ClientErrorCode;
  message: string;
}

/** Any code the UI may have to explain: the wire's or the client's. */
export type AnyErrorCode = ErrorCode | ClientErrorCode;

export function clientFailure(code: ClientErrorCode): ClientFailure {
  // The message is for logs; people read the catalogue's text for the code.
  return { ok: false, code, message: code };
}
