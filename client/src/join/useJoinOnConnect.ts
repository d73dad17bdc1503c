import { useEffect, useRef } from 'react';
import type { Session } from '../socket/index.js';

/**
 * Sends `{ kind: 'join', name }` once per connection: after the first sync, and again after
 * every reconnect (a new socket is a new presence for the server). Nothing while the link
 * opens another role (the page explains that) or before a name is given.
 */
export function useJoinOnConnect(session: Session, name: string | null, roleMatches: boolean): void {
  const joinedAs = useRef<string | null>(null);
  const { status, send } = session;
  useEffect(() => {
    if (status !== 'connected') {
      joinedAs.current = null;
      return;
    }
    if (!name || !roleMatches || joinedAs.current === name) return;
    joinedAs.current = name;
    void send({ kind: 'join', name });
  }, [status, name, roleMatches, send]);
}
