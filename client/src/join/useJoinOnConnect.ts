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
  // A second page of a link joins only once it holds the seat (« Prendre la main »).
  const seated = session.seat === null || session.seat.status === 'holder';
  useEffect(() => {
    if (status !== 'connected' || !seated) {
      joinedAs.current = null;
      return;
    }
    if (!name || !roleMatches || joinedAs.current === name) return;
    joinedAs.current = name;
    void send({ kind: 'join', name });
  }, [status, seated, name, roleMatches, send]);
}
