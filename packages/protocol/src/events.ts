// Socket.IO event names and typed event maps, shared by the server gateway and the client.
import type { RoleView, TimelineEntry, Role, ScenarioGraph, ScenarioLabels } from '@ecoute/engine';
import type { Ack, ErrorCode } from './errors.js';
import type { SeatAck, SeatState } from './seats.js';

export const ClientEvent = {
  Input: 'session:input',
  Sync: 'session:sync',
  /** The seat of a role link opened twice (`seats.ts`). */
  Seat: 'session:seat',
} as const;

export const ServerEvent = {
  Update: 'session:update',
  Presence: 'session:presence',
  /** A page's seat changed because of another page (taken over). */
  Seat: 'session:seat',
  /**
   * The server closes this page's connection for good, with the reason: its role link was
   * renewed (a group session's trainer freed the learner's place, `class/place_freed`), or the
   * learner took her place back from another device while this page left `session:probe`
   * unanswered (`class/taken_over`). The page shows the reason and does not reconnect.
   */
  Closed: 'session:closed',
  /**
   * Asked of a listener's or caller actor's pages when a group session's join names the learner
   * who holds that role: a page answers at once (the ack); one that does not answer in time is a
   * dead device's (its network gone without a close). Sent only then, never on a call's traffic.
   */
  Probe: 'session:probe',
} as const;

/** `session:closed`: why the page was closed. */
export interface SessionClosed {
  code: ErrorCode;
}

/** Who is in the session now, per role, with the names they gave (sent to every role). */
export interface Participant {
  role: Role;
  name: string | null;
  /** Open connections with this role (two tabs of one link count two). */
  connections: number;
}
export interface Presence {
  participants: Participant[];
}

/**
 * What a role receives after each durable change: the entries it may see in (from, to], and
 * its current view. A client whose last seq is not `from` has missed something and syncs.
 */
export interface RoleUpdate {
  from: number;
  to: number;
  entries: TimelineEntry[];
  /** The session time of this update (the view's `t`). */
  t: number;
  /**
   * The role's view, present only when it changed since the role's previous update (or since
   * the runtime started) other than by its time `t`: absent, it is the last view with `t` above.
   * Most inputs (a sentence said) change no view: the update then carries the entries alone.
   */
  view?: RoleView;
  /**
   * Present only when this role's graph changes: observers get the graph when projector mode
   * is switched on and `null` when it is switched off (absent: unchanged since the snapshot).
   */
  graph?: ScenarioGraph | null;
}

/**
 * A role state: the visible entries after the requested seq up to `seq`, and the current view.
 * Answers are paged: with `more`, `seq` is the last seq this page covers and the client asks
 * again `{ after: seq }` for the rest (the view is the current one on every page).
 */
export interface RoleSnapshot {
  sessionId: string;
  role: Role;
  seq: number;
  /** Present when entries after `seq` are left for the next page. */
  more?: true;
  entries: TimelineEntry[];
  view: RoleView;
  /** Names of the scenario's ids this role may know, to show any past entry by its label. */
  labels: ScenarioLabels;
  /**
   * The state graph, for the trainer (and observers in projector mode), on the last page;
   * null otherwise (a client keeps the one it has).
   */
  graph: ScenarioGraph | null;
}

export type InputAck = Ack<{ seq: number }>;
export type SyncAck = Ack<{ snapshot: RoleSnapshot }>;

export interface ClientToServerEvents {
  'session:input': (input: unknown, ack: (result: InputAck) => void) => void;
  'session:sync': (request: unknown, ack: (result: SyncAck) => void) => void;
  'session:seat': (request: unknown, ack: (result: SeatAck) => void) => void;
}

export interface ServerToClientEvents {
  'session:update': (update: RoleUpdate) => void;
  'session:presence': (presence: Presence) => void;
  'session:seat': (seat: SeatState) => void;
  'session:closed': (closed: SessionClosed) => void;
  'session:probe': (ack: (alive: true) => void) => void;
}
