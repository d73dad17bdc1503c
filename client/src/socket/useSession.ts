import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '@ecoute/engine';
import { clientFailure } from './clientFailure.js';
import { createSessionConnection, type SendResult, type SessionConnection } from './sessionConnection.js';
import { initialSessionState, type SessionState } from './sessionState.js';
import type { Session } from './Session.js';
import { createSocketTransport } from './socketTransport.js';
import type { SessionTransport } from './sessionTransport.js';

export interface SessionLink {
  sessionId: string;
  token: string;
}

/**
 * Connects to a session with a role link's token, keeps its entries and view up to date, and
 * sends inputs. One connection per (sessionId, token); closed when the component unmounts.
 */
export function useSession(
  link: SessionLink,
  makeTransport: (link: SessionLink) => SessionTransport = createSocketTransport,
): Session {
  const { sessionId, token } = link;
  const [state, setState] = useState<SessionState>(initialSessionState);
  const connection = useRef<SessionConnection | null>(null);
  const factory = useRef(makeTransport);

  useEffect(() => {
    const current = createSessionConnection(factory.current({ sessionId, token }));
    connection.current = current;
    setState(current.getState());
    const unsubscribe = current.subscribe(setState);
    return () => {
      unsubscribe();
      current.close();
      connection.current = null;
    };
  }, [sessionId, token]);

  const send = useCallback(
    (input: Input): Promise<SendResult> =>
      connection.current?.send(input) ?? Promise.resolve(clientFailure('client/offline')),
    [],
  );

  const setSeat = useCallback(
    (action: 'take' | 'follow') =>
      connection.current?.seat(action) ?? Promise.resolve(clientFailure('client/offline')),
    [],
  );

  return useMemo(
    () => ({
      status: state.status,
      errorCode: state.errorCode,
      entries: state.entries,
      view: state.view,
      labels: state.labels,
      graph: state.graph,
      presence: state.presence,
      seat: state.seat,
      send,
      setSeat,
    }),
    [state, send, setSeat],
  );
}
