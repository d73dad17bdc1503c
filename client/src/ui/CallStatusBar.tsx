import type { RoleView, TimelineEntry } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { SessionStatus } from '../socket/index.js';
import { CallTimer } from './CallTimer.js';

/** The call's state in a few words, as the phone shows it. */
export function callStatusKey(view: Pick<RoleView, 'phase' | 'onHold'>): MessageKey {
  if (view.phase === 'ringing') return 'phone.ringing';
  if (view.phase === 'ended') return 'phone.ended';
  return view.onHold ? 'phone.onHold' : 'phone.connected';
}

/** The same, shorter, for the status bar. */
function barStatusKey(view: Pick<RoleView, 'phase' | 'onHold'>): MessageKey {
  if (view.phase === 'ringing') return 'status.ringing';
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
}: {
  view: RoleView | null;
  entries: TimelineEntry[];
  status: SessionStatus;
  errorCode?: string | undefined;
}) {
  const { t } = useI18n();
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
    <div className="call-status-bar" role="group" aria-label={t('status.label')}>
      {view ? (
        <span
          className={`call-status__phase call-status__phase--${view.phase}${view.onHold ? ' call-status__phase--hold' : ''}`}
        >
          {t(barStatusKey(view))}
        </span>
      ) : null}
      {view ? <CallTimer entries={entries} view={view} /> : null}
      {view?.paused ? <span className="call-status__paused">{t('status.paused')}</span> : null}
      <span className={`call-status__connection call-status__connection--${connection}`}>
        <span className="call-status__dot" aria-hidden="true" />
        {t(connectionKey[connection])}
      </span>
    </div>
  );
}
