// One role's live link to a session: syncs on every (re)connect, applies pushed updates, and
// resyncs from its last seq when an update shows a gap. Framework-free; `useSession` wraps it.
import type { Input } from '@ecoute/engine';
import type { InputAck } from '@ecoute/protocol';
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
  close(): void;
}

export interface SessionConnectionOptions {
  /** Delay before asking again when a sync got no answer in time. */
  syncRetryMs?: number;
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

  transport.onConnect(requestSync);
  transport.onDisconnect((willRetry) => {
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
  transport.onPresence((presence) => dispatch({ type: 'presence', presence }));
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
    close() {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      transport.close();
    },
  };
}
