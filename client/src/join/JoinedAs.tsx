import { useI18n } from '../i18n/index.js';
import { useJoined } from './JoinContext.js';

/** « Vous : Camille — Changer de nom », under a role page's title. */
export function JoinedAs() {
  const { t } = useI18n();
  const joined = useJoined();
  if (!joined) return null;
  return (
    <p className="joined-as">
      {t('join.as', { name: joined.name })}{' '}
      <button type="button" className="button--link" onClick={joined.rename}>
        {t('join.rename')}
      </button>
    </p>
  );
}
