import { useContext } from 'react';
import type { Session } from './Session.js';
import { SessionContext } from './SessionContext.js';

export function useSessionContext(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSessionContext must be used inside <SessionContext>');
  return session;
}
