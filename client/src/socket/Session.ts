import type { Input, RoleView, ScenarioGraph, ScenarioLabels, TimelineEntry } from '@ecoute/engine';
import type { Presence, SeatState } from '@ecoute/protocol';
import type { ClientFailure } from './clientFailure.js';
import type { SendResult } from './sessionConnection.js';
import type { SessionStatus } from './sessionState.js';

/** What a role page reads of its session, from the real socket or from a test's fake. */
export interface Session {
  status: SessionStatus;
  errorCode?: string;
  entries: TimelineEntry[];
  view: RoleView | null;
  /** Names of the scenario's ids this role may know (from the last sync). */
  labels: ScenarioLabels | null;
  /** The scenario's state graph (trainer; observers in projector mode), once known. */
  graph: ScenarioGraph | null;
  /** Who is connected, per role. */
  presence: Presence | null;
  send: (input: Input) => Promise<SendResult>;
  /** This page's seat on its link (null: not known yet, or a role without seats). */
  seat: SeatState | null;
  /** « Prendre la main » or « Suivre en lecture seule ». */
  setSeat: (action: 'take' | 'follow') => Promise<{ ok: true } | { ok: false; code: string } | ClientFailure>;
}
