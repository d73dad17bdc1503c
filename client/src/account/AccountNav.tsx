import { Link, useNavigate } from 'react-router';
import { MEMBER_PAGES, memberMayUse } from '@ecoute/protocol';
import type { AccountMe, MemberPage } from '@ecoute/protocol';
import type { MessageKey } from '../i18n/fr.js';
import { useI18n } from '../i18n/index.js';
import { accountApi } from './accountApi.js';
import { MEMBER_ROLE_KEYS } from './memberRoleKeys.js';
import './accountNav.css';

/** The organisation's pages of the menu, in its order; each shown to the roles that may use it. */
const NAV: readonly { page: MemberPage; label: MessageKey }[] = [
  { page: 'sessions', label: 'account.nav.sessions' },
  { page: 'classes', label: 'classroom.nav' },
  { page: 'badges', label: 'badges.nav' },
  { page: 'library', label: 'library.heading' },
  { page: 'organisation', label: 'account.organization.heading' },
];

/** Who is signed in, in which organisation, and the pages of their role (`MEMBER_PAGES`). */
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
        {NAV.filter(({ page }) => memberMayUse(page, me.role)).map(({ page, label }) => (
          <li key={page}>
            <Link to={MEMBER_PAGES[page].path}>{t(label)}</Link>
          </li>
        ))}
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
