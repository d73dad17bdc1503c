// The seat of a role link: the same listener link opened twice (a second tab, a second device)
// has one page that acts — the seat holder — and the others read. A page asks with
// `session:seat` ({ action }) and is told its seat in the ack; the server pushes `session:seat`
// to a page whose seat changed because of another one (taken over).
import { z } from 'zod';
import type { Role } from '@ecoute/engine';
import type { Ack } from './errors.js';

/** The roles whose link has one seat: only its holder's inputs are accepted. */
export const SEATED_ROLES: readonly Role[] = ['listener'];

export const SEAT_ACTIONS = ['claim', 'take', 'follow'] as const;

/**
 * What a page asks: `claim` on every connection (the seat if it is free, or if this same page —
 * `page`, an id it drew at load — held it before a reconnect), `take` (« Prendre la main »: the
 * holder becomes a reader), `follow` (« Suivre en lecture seule »).
 */
export const seatRequestSchema = z
  .object({
    action: z.enum(SEAT_ACTIONS),
    page: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export type SeatRequest = z.infer<typeof seatRequestSchema>;

export const SEAT_STATUSES = ['holder', 'occupied', 'reader'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

/**
 * A page's seat: `holder` (it acts), `occupied` (another page holds it: this one has not chosen
 * yet), `reader` (it follows read-only; `takenOver` when another page took the seat from it).
 */
export const seatStateSchema = z
  .object({
    status: z.enum(SEAT_STATUSES),
    takenOver: z.literal(true).optional(),
  })
  .strict();
export type SeatState = z.infer<typeof seatStateSchema>;

export type SeatAck = Ack<{ seat: SeatState }>;
