// The timeline store: append-only, one transaction per batch (an input and its observations),
// `seq` per session with no gap. The session runtime depends on this interface only.
import type { TimelineEntry } from '@ecoute/engine';

export interface TimelineStore {
  /** Appends the entries in one transaction; they must continue the session's seq without a gap. */
  append(sessionId: string, entries: readonly TimelineEntry[]): Promise<void>;
  /** Entries with seq in (after, upTo], in seq order. */
  read(sessionId: string, after?: number, upTo?: number): Promise<TimelineEntry[]>;
  /** The last seq of a session, 0 when it has none. */
  lastSeq(sessionId: string): Promise<number>;
}

export class TimelineGapError extends Error {
  readonly code = 'timeline/gap';
  constructor(sessionId: string, expected: number, got: number) {
    super(`timeline ${sessionId}: expected seq ${expected}, got ${got}`);
  }
}

export const TIMELINE_STORE = Symbol('TIMELINE_STORE');
