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
    const current = createSessionConnection(factory.current({ sessionId, token }), {
      page: seatPageId(sessionId),
    });
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

/**
 * This tab's id for the seat of its link, kept for the tab (sessionStorage): a reload keeps the
 * seat; another tab or device draws its own (a duplicated tab inherits it and takes the seat over,
 * the first tab being told so).
 */
function seatPageId(sessionId: string): string | undefined {
  const key = `ecoute.page.${sessionId}`;
  try {
    const known = window.sessionStorage.getItem(key);
    if (known) return known;
    const drawn = `p-${globalThis.crypto?.randomUUID?.() ?? String(Math.random()).slice(2)}`;
    window.sessionStorage.setItem(key, drawn);
    return drawn;
  } catch {
    return undefined;
  }
}
