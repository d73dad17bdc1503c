import type { ReactNode } from 'react';
import type { RoleView } from '@ecoute/engine';
import { errorMessageKey, useI18n } from '../i18n/index.js';
import type { Session } from '../socket/index.js';
import { CallStatusBar } from './CallStatusBar.js';
import { callPaused } from './callPaused.js';
import { sessionFailure, sessionProgress } from './SessionStatusNotice.js';
import { waitingForListener } from './listenerJoined.js';

/**
 * The top of every role page: the call status bar, then the page's two live regions — one polite
 * (`role=status`: connecting, the pause, and what the page adds: the listener's read-only seat, why
 * a key did nothing), one assertive (`role=alert`: why the session cannot be followed, a refused
 * input, `inputError`). Both are in the page from the start (a region must be there before it
 * speaks), empty and taking no room until they have something to say; each notice in them is an
 * element of its own, added when it comes (said then) and removed when it goes. They were six
 * regions, five of them empty, met one after the other by a screen reader browsing the page.
 * `view` is the session's view when it is this page's role, else null.
 */
export function SessionNotices({
  session,
  view,
  inputError = null,
  children,
}: {
  session: Session;
  view: RoleView | null;
  /** The page's last refused input (`useSendInput`'s `errorCode`). */
  inputError?: string | null;
  /** The page's own polite notices, each an element present only while it has something to say. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const failure = sessionFailure(session.status, session.errorCode, session.view !== null && view === null);
  const progress = sessionProgress(session.status, session.errorCode, t);
  return (
    <>
      <CallStatusBar
        view={view}
        entries={session.entries}
        status={session.status}
        errorCode={session.errorCode}
        waiting={view !== null && waitingForListener(view, session.presence)}
      />
      <div role="status" className="session-notices">
        {progress ? <p className="notice">{progress}</p> : null}
        {/* An ended call is no longer paused: the phase wins (callPaused). */}
        {callPaused(view) ? <p className="banner banner--paused">{t('session.paused')}</p> : null}
        {children}
      </div>
      <div role="alert" className="session-alerts">
        {failure ? <p className="alert alert--error">{t(errorMessageKey(failure))}</p> : null}
        {inputError ? <p className="alert alert--error">{t(errorMessageKey(inputError))}</p> : null}
      </div>
    </>
  );
}
