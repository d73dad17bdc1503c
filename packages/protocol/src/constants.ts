// Plain constants of the wire contract, in a module of their own so that a client importing
// them does not pull in the zod schemas (the package is marked side-effect free).

// 2: sync answers are paged (`RoleSnapshot.more`).
export const PROTOCOL_VERSION = 2;

/** Longest free text a listener may type in one message ("Ce que je dis"). */
export const MAX_TEXT_LENGTH = 2000;
/** Largest Socket.IO message the server accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Longest display name (a first name or a pseudonym) given when joining a session. */
export const MAX_NAME_LENGTH = 40;
