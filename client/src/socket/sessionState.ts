// The pure state of one role's connection to a session: what has been seen (up to `seq`) and
// how updates, gaps and syncs change it. The socket code only dispatches actions into this.
import type { RoleView, ScenarioGraph, ScenarioLabels, TimelineEntry } from '@ecoute/engine';
import type { Presence, RoleSnapshot, RoleUpdate, SeatState } from '@ecoute/protocol';

export type SessionStatus = 'connecting' | 'connected' | 'error';

export interface SessionState {
  status: SessionStatus;
  /** Why the session is in error, or why (re)connecting is taking long. */
  errorCode?: string;
  /** The last timeline seq this client has caught up with (entries it may not see included). */
  seq: number;
  /** The visible entries, in seq order, without duplicates. */
  entries: TimelineEntry[];
  view: RoleView | null;
  labels: ScenarioLabels | null;
  /** The state graph, once a sync brought it (trainer; observers in projector mode). */
  graph: ScenarioGraph | null;
  /** Who is connected, per role, as the server last said. */
  presence: Presence | null;
  /**
   * This page's seat on its link (a link opened twice: one page acts, the others read); null
   * until the server answered the claim.
   */
  seat: SeatState | null;
  /** An update skipped past `seq`: entries are missing until a sync fills them in. */
  needsResync: boolean;
}

export type SessionAction =
  | { type: 'connecting'; errorCode?: string }
  | { type: 'synced'; snapshot: RoleSnapshot }
  | { type: 'update'; update: RoleUpdate }
  | { type: 'failed'; errorCode: string }
  | { type: 'presence'; presence: Presence }
  | { type: 'seat'; seat: SeatState };

export const initialSessionState: SessionState = {
  status: 'connecting',
  seq: 0,
  entries: [],
  view: null,
  labels: null,
  graph: null,
  presence: null,
  seat: null,
  needsResync: false,
};

/** `entries` plus those of `incoming` it does not hold yet, kept in seq order. */
export function mergeEntries(entries: TimelineEntry[], incoming: TimelineEntry[]): TimelineEntry[] {
  if (incoming.length === 0) return entries;
  const known = new Set(entries.map((entry) => entry.seq));
  const fresh = incoming.filter((entry) => !known.has(entry.seq));
  if (fresh.length === 0) return entries;
  const merged = [...entries, ...fresh];
  const last = entries[entries.length - 1];
  const inOrder = fresh.every((entry, i) =>
    i === 0 ? last === undefined || entry.seq > last.seq : entry.seq > (fresh[i - 1]?.seq ?? -1),
  );
  return inOrder ? merged : merged.sort((a, b) => a.seq - b.seq);
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'connecting':
      if (state.status === 'error') return state;
      return { ...state, status: 'connecting', errorCode: action.errorCode };

    case 'failed':
      return { ...state, status: 'error', errorCode: action.errorCode };

    case 'synced': {
      const { snapshot } = action;
      // An update may have overtaken the sync's answer: the newest view wins.
      const newer = snapshot.seq >= state.seq;
      const seq = Math.max(state.seq, snapshot.seq);
      return {
        ...state,
        status: 'connected',
        errorCode: undefined,
        seq,
        entries: mergeEntries(state.entries, snapshot.entries),
        view: newer ? snapshot.view : (state.view ?? snapshot.view),
        labels: snapshot.labels,
        // The graph does not change during a session: keep the one known if a sync has none.
        graph: snapshot.graph ?? state.graph,
        // A paged answer (`more`): the rest is asked for at once, page after page.
        needsResync: snapshot.more === true,
      };
    }

    case 'presence':
      return { ...state, presence: action.presence };

    case 'seat':
      return { ...state, seat: action.seat };

    case 'update': {
      const { update } = action;
      // Already seen (e.g. covered by a sync that crossed it): nothing new.
      if (update.to <= state.seq) return state;
      // Something between our seq and the update's start was missed: a sync must fill it.
      if (update.from > state.seq) return { ...state, needsResync: true };
      return {
        ...state,
        seq: update.to,
        entries: mergeEntries(state.entries, update.entries),
        // Absent: the view did not change but for its time.
        view: update.view ?? (state.view ? { ...state.view, t: update.t } : null),
        // Present only when this role's graph changed (projector mode switched for observers).
        ...(update.graph ? { graph: update.graph } : {}),
      };
    }
  }
}
