// The one fake of a role's session for page tests: no socket, inputs recorded, acks chosen.
import type { Input, RoleView, ScenarioGraph, ScenarioLabels, TimelineEntry } from '@ecoute/engine';
import type { Presence, SeatState } from '@ecoute/protocol';
import type { Session, SendResult, SessionStatus } from '../socket/index.js';

export interface FakeSession extends Session {
  /** Every input the page sent, in order. */
  sent: Input[];
  /** Every seat action the page asked, in order. */
  seatActions: ('take' | 'follow')[];
}

export function fakeSession(
  options: {
    status?: SessionStatus;
    errorCode?: string;
    view?: RoleView | null;
    entries?: TimelineEntry[];
    labels?: ScenarioLabels | null;
    graph?: ScenarioGraph | null;
    presence?: Presence | null;
    seat?: SeatState | null;
    /** The ack for each input; accepted by default. */
    ack?: (input: Input) => SendResult;
  } = {},
): FakeSession {
  const sent: Input[] = [];
  const seatActions: ('take' | 'follow')[] = [];
  const ack = options.ack ?? (() => ({ ok: true, seq: sent.length }));
  return {
    status: options.status ?? 'connected',
    errorCode: options.errorCode,
    view: options.view ?? null,
    entries: options.entries ?? [],
    labels: options.labels ?? null,
    graph: options.graph ?? null,
    presence: options.presence ?? null,
    sent,
    seat: options.seat ?? null,
    seatActions,
    setSeat: (action) => {
      seatActions.push(action);
      return Promise.resolve({ ok: true as const });
    },
    send: (input) => {
      sent.push(input);
      return Promise.resolve(ack(input));
    },
  };
}
