import type { SessionStatus } from '../socket/index.js';
import { useI18n } from '../i18n/index.js';
import type { I18n } from '../i18n/I18nContext.js';
import { ErrorAlert } from './ErrorAlert.js';

/** Why the session cannot be followed (an error code), or null. */
export function sessionFailure(
  status: SessionStatus,
  errorCode: string | undefined,
  wrongRole: boolean,
): string | null {
  return status === 'error' ? (errorCode ?? 'client/unknown') : wrongRole ? 'client/wrong_role' : null;
}

/** Connecting or reconnecting, in words, or null. */
export function sessionProgress(
  status: SessionStatus,
  errorCode: string | undefined,
  t: I18n['t'],
): string | null {
  if (status !== 'connecting') return null;
  return errorCode === 'client/network' ? t('session.reconnecting') : t('session.connecting');
}

/**
 * Connecting, reconnecting, or why the session cannot be followed (by error code): before a role
 * page's console (the join, a link without its token). The consoles say the same in their own two
 * regions (`SessionNotices`).
 */
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
  const failure = sessionFailure(status, errorCode, wrongRole);
  const progress = sessionProgress(status, errorCode, t);
  return (
    <div className="session-status">
      <p role="status" className={progress ? 'notice' : 'notice notice--empty'}>
        {progress}
      </p>
      <ErrorAlert code={failure} />
    </div>
  );
}
