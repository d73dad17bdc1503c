// The timeline store: append-only, one transaction per batch (an input and its observations),
// `seq` per session with no gap. The session runtime depends on this interface only.
import type { TimelineEntry } from '@ecoute/engine';

export interface TimelineStore {
  /**
   * Appends the entries in one transaction; they must continue the session's seq without a gap.
   * With `epoch` (several processes, cluster/), refused with `TimelineFencedError` in that same
   * transaction unless the session's lease still holds that epoch.
   */
  append(sessionId: string, entries: readonly TimelineEntry[], epoch?: number): Promise<void>;
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

/** The writer's lease epoch is not the session's any more: another process owns the session. */
export class TimelineFencedError extends Error {
  readonly code = 'timeline/fenced';
  constructor(sessionId: string, epoch: number, current: number | null) {
    super(`timeline ${sessionId}: epoch ${epoch} is stale (lease epoch ${current ?? 'none'})`);
  }
}

/** The store as one owner of one session sees it: every append carries its epoch. */
export function fencedStore(store: TimelineStore, epoch: number): TimelineStore {
  return {
    append: (sessionId, entries) => store.append(sessionId, entries, epoch),
    read: (sessionId, after, upTo) => store.read(sessionId, after, upTo),
    lastSeq: (sessionId) => store.lastSeq(sessionId),
  };
}

export const TIMELINE_STORE = Symbol('TIMELINE_STORE');
