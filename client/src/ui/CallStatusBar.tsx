import type { RoleView, TimelineEntry } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { SessionStatus } from '../socket/index.js';
import { useRef } from 'react';
import { CallTimer } from './CallTimer.js';
import { callPaused } from './callPaused.js';
import { useStickyHeight } from './useStickyHeight.js';
import './callStatusBar.css';

/**
 * The call's state in a few words, as the phone shows it; `waiting`: no listener has joined yet
 * (`waitingForListener`), the phone is not ringing for anyone.
 */
export function callStatusKey(view: Pick<RoleView, 'phase' | 'onHold'>, waiting = false): MessageKey {
  if (view.phase === 'ringing') return waiting ? 'phone.waitingListener' : 'phone.ringing';
  if (view.phase === 'ended') return 'phone.ended';
  return view.onHold ? 'phone.onHold' : 'phone.connected';
}

/** The same, shorter, for the status bar. */
function barStatusKey(view: Pick<RoleView, 'phase' | 'onHold'>, waiting: boolean): MessageKey {
  if (view.phase === 'ringing') return waiting ? 'status.waitingListener' : 'status.ringing';
  if (view.phase === 'ended') return 'status.ended';
  return view.onHold ? 'status.onHold' : 'status.connected';
}

/**
 * The call status, always in sight (it sticks to the top of the window): ringing, in call, on
 * hold or ended, the call time, a suspended session, and the connection to the server.
 */
export function CallStatusBar({
  view,
  entries,
  status,
  errorCode,
  waiting = false,
}: {
  view: RoleView | null;
  entries: TimelineEntry[];
  status: SessionStatus;
  errorCode?: string | undefined;
  /** No listener has joined yet (`waitingForListener`). */
  waiting?: boolean;
}) {
  const { t } = useI18n();
  const barRef = useRef<HTMLDivElement>(null);
  // Its height kept free above a focused control (`scroll-padding-top`, callStatusBar.css).
  useStickyHeight(barRef, '--call-status-height');
  const connection =
    status === 'connected'
      ? 'connected'
      : status === 'error'
        ? 'error'
        : errorCode === 'client/network'
          ? 'reconnecting'
          : 'connecting';
  const connectionKey: Record<typeof connection, MessageKey> = {
    connected: 'connection.connected',
    reconnecting: 'connection.reconnecting',
    connecting: 'connection.connecting',
    error: 'connection.error',
  };
  return (
    <div className="call-status-bar" role="group" aria-label={t('status.label')} ref={barRef}>
      {view ? (
        <span
          className={`call-status__phase call-status__phase--${view.phase}${view.onHold ? ' call-status__phase--hold' : ''}${waiting && view.phase === 'ringing' ? ' call-status__phase--waiting' : ''}`}
        >
          {t(barStatusKey(view, waiting))}
        </span>
      ) : null}
      {view ? <CallTimer entries={entries} view={view} /> : null}
      {/* An ended call is no longer paused: the phase wins. */}
      {callPaused(view) ? <span className="call-status__paused">{t('status.paused')}</span> : null}
      <span className={`call-status__connection call-status__connection--${connection}`}>
        <span className="call-status__dot" aria-hidden="true" />
        <span className="call-status__connection-text">{t(connectionKey[connection])}</span>
      </span>
    </div>
  );
}
