import type { SessionStatus } from '../socket/index.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from './ErrorAlert.js';

/** Connecting, reconnecting, or why the session cannot be followed (by error code). */
export function SessionStatusNotice({
  status,
  errorCode,
  wrongRole,
}: {
  status: SessionStatus;
  errorCode?: string;
  wrongRole: boolean;
}) {
  const { t } = useI18n();
  const failure =
    status === 'error' ? (errorCode ?? 'client/unknown') : wrongRole ? 'client/wrong_role' : null;
  const progress =
    status !== 'connecting'
      ? null
      : errorCode === 'client/network'
        ? t('session.reconnecting')
        : t('session.connecting');
  return (
    <div className="session-status">
      <p role="status" className={progress ? 'notice' : 'notice notice--empty'}>
        {progress}
      </p>
      <ErrorAlert code={failure} />
    </div>
  );
}
