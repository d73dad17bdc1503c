import type { RoleView } from '@ecoute/engine';
import type { Session } from '../socket/index.js';
import { CallStatusBar } from './CallStatusBar.js';
import { SessionStatusNotice } from './SessionStatusNotice.js';
import { waitingForListener } from './listenerJoined.js';

/**
 * The top of every role page: the call status bar, and what is wrong with the connection if
 * anything (`view` is the session's view when it is this page's role, else null).
 */
export function SessionNotices({ session, view }: { session: Session; view: RoleView | null }) {
  return (
    <>
      <CallStatusBar
        view={view}
        entries={session.entries}
        status={session.status}
        errorCode={session.errorCode}
        waiting={view !== null && waitingForListener(view, session.presence)}
      />
      <SessionStatusNotice
        status={session.status}
        errorCode={session.errorCode}
        wrongRole={session.view !== null && view === null}
      />
    </>
  );
}
