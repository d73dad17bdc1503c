// One role's live link to a session: syncs on every (re)connect, applies pushed updates, and
// resyncs from its last seq when an update shows a gap. Framework-free; `useSession` wraps it.
import type { Input } from '@ecoute/engine';
import type { InputAck, SeatAck } from '@ecoute/protocol';
import { clientFailure, type ClientFailure } from './clientFailure.js';
import {
  initialSessionState,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from './sessionState.js';
import type { SessionTransport } from './sessionTransport.js';

export type SendResult = InputAck | ClientFailure;

export interface SessionConnection {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  send(input: Input): Promise<SendResult>;
  /** « Prendre la main » (`take`) or « Suivre en lecture seule » (`follow`) on a link opened twice. */
  seat(action: 'take' | 'follow'): Promise<SeatAck | ClientFailure>;
  close(): void;
}

export interface SessionConnectionOptions {
  /** Delay before asking again when a sync got no answer in time. */
  syncRetryMs?: number;
  /** This page's id for its seat (drawn once per page load by default). */
  page?: string;
}

export function createSessionConnection(
  transport: SessionTransport,
  options: SessionConnectionOptions = {},
): SessionConnection {
  const syncRetryMs = options.syncRetryMs ?? 2_000;
  let state = initialSessionState;
  const listeners = new Set<(state: SessionState) => void>();
  let closed = false;
  let syncing = false;
  /** A gap or a reconnect happened while a sync was in flight: ask again once it answers. */
  let syncAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const page = options.page ?? drawPageId();
  /** The reader chose « Suivre en lecture seule »: after a reconnect it follows again. */
  let following = false;
  /** Why the server closed this page for good (`session:closed`): its disconnect says no more. */
  let closedWith: string | null = null;

  function askSeat(action: 'claim' | 'take' | 'follow'): Promise<SeatAck | ClientFailure> {
    if (closed || !transport.isConnected()) return Promise.resolve(clientFailure('client/offline'));
    return transport.seat({ action, page }).then((result) => {
      if (closed || !result.ok) return result;
      following = action === 'follow' || (following && action === 'claim');
      if (action === 'claim' && following && result.seat.status === 'occupied') return askSeat('follow');
      dispatch({ type: 'seat', seat: result.seat });
      return result;
    });
  }

  function dispatch(action: SessionAction): void {
    const next = sessionReducer(state, action);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  }

  function requestSync(): void {
    if (closed || state.status === 'error') return;
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    syncAgain = false;
    void transport.sync({ after: state.seq }).then((result) => {
      syncing = false;
      if (closed) return;
      if (result.ok) {
        dispatch({ type: 'synced', snapshot: result.snapshot });
      } else if (result.code === 'client/timeout' || result.code === 'input/rate_limited') {
        // No answer in time, or the server's budget spent (big timelines come in pages): later.
        retryTimer = setTimeout(requestSync, syncRetryMs);
        return;
      } else {
        dispatch({ type: 'failed', errorCode: result.code });
        return;
      }
      if (syncAgain || state.needsResync) requestSync();
    });
  }

  transport.onConnect(() => {
    // The seat first: the server reads this page's inputs only once it holds it.
    void askSeat('claim');
    requestSync();
  });
  transport.onDisconnect((willRetry) => {
    if (closedWith !== null) return;
    dispatch(
      willRetry
        ? { type: 'connecting', errorCode: 'client/network' }
        : { type: 'failed', errorCode: 'client/disconnected' },
    );
  });
  transport.onConnectError((code, willRetry) => {
    dispatch(
      willRetry ? { type: 'connecting', errorCode: 'client/network' } : { type: 'failed', errorCode: code },
    );
  });
  transport.onUpdate((update) => {
    dispatch({ type: 'update', update });
    if (state.needsResync) requestSync();
  });
  transport.onClosed((code) => {
    closedWith = code;
    dispatch({ type: 'failed', errorCode: code });
  });
  transport.onPresence((presence) => dispatch({ type: 'presence', presence }));
  transport.onSeat((seat) => {
    following = false;
    dispatch({ type: 'seat', seat });
  });
  transport.open();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(input) {
      if (closed || !transport.isConnected()) return Promise.resolve(clientFailure('client/offline'));
      return transport.input(input);
    },
    seat(action) {
      if (action === 'take') following = false;
      return askSeat(action);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      transport.close();
    },
  };
}

/** A page's id for its seat: random, drawn at load (a reload is a new page; a reconnect is not). */
function drawPageId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`.replace('.', '');
  return `p-${random}`;
}
