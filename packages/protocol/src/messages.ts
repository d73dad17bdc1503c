// zod schemas of every inbound message. The server parses each message with these before
// anything else; a failure is answered `input/invalid` and changes nothing.
import { z } from 'zod';
import { GENERIC_EFFECTS, HINT_MODES } from '@ecoute/engine';
import type { Input, InputKind, Role } from '@ecoute/engine';

import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './constants.js';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/);

export const roleSchema = z.enum(['listener', 'trainer', 'observer', 'callerActor']);

const text = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

/** The Socket.IO handshake's `auth` object: binds the socket to one session and one role. */
export const handshakeAuthSchema = z.object({
  sessionId: z.string().min(1).max(64),
  token: z.string().min(1).max(128),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const inputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pickup') }).strict(),
  z.object({ kind: z.literal('move'), move: id }).strict(),
  z.object({ kind: z.literal('say'), text: z.string().trim().min(1).max(MAX_TEXT_LENGTH) }).strict(),
  z.object({ kind: z.literal('hangup') }).strict(),
  z.object({ kind: z.literal('inject'), inject: id }).strict(),
  z.object({ kind: z.literal('pause') }).strict(),
  z.object({ kind: z.literal('resume') }).strict(),
  z.object({ kind: z.literal('end') }).strict(),
  z.object({ kind: z.literal('join'), name: z.string().trim().min(1).max(MAX_NAME_LENGTH) }).strict(),
  z.object({ kind: z.literal('hold') }).strict(),
  z.object({ kind: z.literal('unhold') }).strict(),
  z.object({ kind: z.literal('note'), text, shared: z.boolean() }).strict(),
  z.object({ kind: z.literal('whisper'), text }).strict(),
  z.object({ kind: z.literal('adlib'), text }).strict(),
  z.object({ kind: z.literal('effect'), effect: z.enum(GENERIC_EFFECTS) }).strict(),
  z
    .object({
      kind: z.literal('bookmark'),
      comment: z.string().trim().max(MAX_TEXT_LENGTH),
      // The session time « Marquer ce moment » was pressed (the server keeps it within the call so far).
      moment: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('projector'), on: z.boolean() }).strict(),
  z.object({ kind: z.literal('speak'), text, line: id.optional() }).strict(),
  // Free speech: `interpret` is recorded by the server (no role may send it); the trainer's
  // `correct` gets its `applied` from the server too (whatever the client sent).
  z
    .object({
      kind: z.literal('interpret'),
      n: z.number().int().min(0),
      text,
      move: id.nullable(),
      score: z.number().min(0).max(1),
      runnerUp: z
        .object({ move: id, score: z.number().min(0).max(1) })
        .strict()
        .nullable(),
      understood: z.boolean(),
      askMs: z.number().int().positive().optional(),
      // The moves offered when the sentence was said (absent from sessions recorded before it).
      offered: z.array(id).optional(),
      // Read as the phone's hold or resume, done as the button does it (absent before it was).
      phone: z.enum(['hold', 'unhold']).optional(),
      // The listener speaking for the caller's silence timers (absent before it was recorded).
      acted: z.boolean().optional(),
      // Not understood, sent to the machine as the listener's words, `say` (absent before it was).
      say: z.boolean().optional(),
      // Waiting for the pick: the silence timers it restarts count from the wait's end (absent before).
      silenceAfterPick: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('correct'),
      n: z.number().int().min(0),
      move: id,
      applied: z.boolean(),
      // Set by the server too, whatever the client sent: the phone's hold or resume it applies.
      phone: z.enum(['hold', 'unhold']).optional(),
      // Set by the server too: an applied move that restarts the caller's silence timers.
      acted: z.boolean().optional(),
    })
    .strict(),
]);
// The schema and the engine's Input type must describe the same messages.
type SchemaInput = z.infer<typeof inputSchema>;
type _SameInput = [SchemaInput] extends [Input] ? ([Input] extends [SchemaInput] ? true : never) : never;
export const _sameInput: _SameInput = true;

/** Which roles may send each kind of input. Everything else is `auth/forbidden_role`. */
export const inputRoles: Record<InputKind, readonly Role[]> = {
  pickup: ['listener'],
  move: ['listener'],
  say: ['listener'],
  hangup: ['listener'],
  // The caller actor triggers the scenario's injects as their own reactions (only sessions
  // created with a caller actor have that role's link).
  inject: ['trainer', 'callerActor'],
  pause: ['trainer'],
  resume: ['trainer'],
  end: ['trainer'],
  join: ['listener', 'trainer', 'observer', 'callerActor'],
  hold: ['listener'],
  unhold: ['listener'],
  note: ['listener'],
  whisper: ['trainer'],
  adlib: ['trainer'],
  effect: ['trainer'],
  bookmark: ['trainer'],
  projector: ['trainer'],
  speak: ['callerActor'],
  interpret: [],
  correct: ['trainer'],
};

export function mayRoleSend(role: Role, kind: InputKind): boolean {
  return inputRoles[kind].includes(role);
}

/** `session:sync` asks for everything visible after `after` (0: from the start). */
export const syncRequestSchema = z.object({ after: z.number().int().min(0) }).strict();
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/** REST: create a session from a scenario (latest version when `version` is absent). */
export const createSessionSchema = z
  .object({
    scenarioId: id,
    version: z.number().int().positive().optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** A learner plays the caller (a fourth link, `callerActor`); the machine suggests the lines. */
    callerActor: z.boolean().optional(),
    /** How much the listener's console suggests: `guided` (default), `no_hints`, `free_speech`. */
    hintMode: z.enum(HINT_MODES).optional(),
    /** Free speech: a sentence not understood goes to the trainer to pick its move (with a timeout). */
    askTrainer: z.boolean().optional(),
  })
  .strict();
export type CreateSessionRequest = z.infer<typeof createSessionSchema>;
