// `/confidentialite`: `account.privacy.heading` — what Écoute keeps, why, and how long
// (the organisation's retention period when signed in, else the server's default).
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { useAccount } from './useAccount.js';

const ITEMS = ['accounts', 'sessions', 'links', 'badges', 'audit'] as const;

export function PrivacyPage({ api = accountApi }: { api?: typeof accountApi }) {
  const { t } = useI18n();
  const account = useAccount(api);
  useDocumentTitle(t('account.privacy.heading'));
  const days = account.status === 'signed-in' ? account.me.retentionDays : null;
  return (
    <div className="account privacy">
      <h1>{t('account.privacy.heading')}</h1>
      <p>{t('account.privacy.intro')}</p>
      <section className="panel" aria-labelledby="kept-heading">
        <h2 id="kept-heading">{t('account.privacy.kept')}</h2>
        <dl>
          {ITEMS.map((item) => (
            <div key={item}>
              <dt>{t(`account.privacy.${item}.what`)}</dt>
              <dd>{t(`account.privacy.${item}.why`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="long-heading">
        <h2 id="long-heading">{t('account.privacy.howLong')}</h2>
        <p>
          {days === null
            ? t('account.privacy.retentionDefault')
            : days === 0
              ? t('account.privacy.retentionForever')
              : t('account.privacy.retention', { days })}
        </p>
      </section>
      <section className="panel" aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t('account.privacy.rights')}</h2>
        <p>{t('account.privacy.rightsText')}</p>
      </section>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
    </div>
  );
}
