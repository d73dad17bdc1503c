import { Link, useNavigate } from 'react-router';
import type { AccountMe } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { accountApi } from './accountApi.js';
import { MEMBER_ROLE_KEYS } from './memberRoleKeys.js';
import './accountNav.css';

/** Who is signed in, in which organisation, and the pages of their role. */
export function AccountNav({ me, api = accountApi }: { me: AccountMe; api?: typeof accountApi }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <nav className="account-nav" aria-label={t('account.nav.label')}>
      <p>
        {t('account.nav.who', {
          name: me.name,
          role: t(MEMBER_ROLE_KEYS[me.role]),
          organization: me.organizationName,
        })}
      </p>
      <ul>
        <li>
          <Link to="/sessions">{t('account.nav.sessions')}</Link>
        </li>
        {me.role !== 'author' ? (
          <>
            <li>
              <Link to="/classes">{t('classroom.nav')}</Link>
            </li>
            <li>
              <Link to="/badges">{t('badges.nav')}</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to="/bibliotheque">{t('library.heading')}</Link>
        </li>
        {me.role === 'admin' ? (
          <li>
            <Link to="/organisation">{t('account.organization.heading')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/confidentialite">{t('account.privacy.heading')}</Link>
        </li>
        <li>
          <button type="button" onClick={() => void api.signOut().then(() => navigate('/connexion'))}>
            {t('account.signOut')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
