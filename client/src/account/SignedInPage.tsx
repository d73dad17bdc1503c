// A page for the organisation's members (sessions, classes, badges, the library, the organisation):
// signed out, it says so under its heading with a sign-in link, and asks the server nothing
// else (its lists answered 401s before, and showed their empty states and forms); signed in, its
// content, given who is signed in. An account whose role may not use the page (`MEMBER_PAGES`,
// the server's policy) reads once what the page is for and whose it is, and nothing else: no
// form, no empty list, no sign-in link (she is signed in).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MEMBER_PAGES, memberMayUse } from '@ecoute/protocol';
import type { AccountMe, MemberPage, MemberRoleName } from '@ecoute/protocol';
import type { MessageKey } from '../i18n/fr.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { accountApi } from './accountApi.js';
import { useAccount } from './useAccount.js';

/** What each page refused to a role is for, in a sentence (the library is every member's). */
const PURPOSE_KEYS: Record<MemberPage, MessageKey | null> = {
  sessions: 'sessions.purpose',
  classes: 'classroom.purpose',
  badges: 'badges.purpose',
  library: null,
  organisation: 'account.organization.purpose',
};

const YOUR_ROLE_KEYS: Record<MemberRoleName, MessageKey> = {
  admin: 'account.page.yourRole.admin',
  trainer: 'account.page.yourRole.trainer',
  author: 'account.page.yourRole.author',
};

export function SignedInPage({
  heading,
  page,
  className,
  accounts = accountApi,
  children,
}: {
  heading: string;
  /** The page, for whose it is: another role reads so instead of its content. */
  page: MemberPage;
  className?: string;
  accounts?: Pick<typeof accountApi, 'me'>;
  children: (me: AccountMe) => ReactNode;
}) {
  const { t } = useI18n();
  const account = useAccount(accounts);
  if (account.status === 'loading') return <p role="status">{t('account.loading')}</p>;
  if (account.status === 'signed-in') {
    if (memberMayUse(page, account.me.role)) return <>{children(account.me)}</>;
    const purpose = PURPOSE_KEYS[page];
    const adminsOnly = MEMBER_PAGES[page].roles.every((role) => role === 'admin');
    return (
      <div className={className}>
        <h1>{heading}</h1>
        {purpose ? <p>{t(purpose)}</p> : null}
        <p>
          {t('account.page.notForRole', {
            who: t(adminsOnly ? 'account.page.for.admins' : 'account.page.for.trainersAdmins'),
            role: t(YOUR_ROLE_KEYS[account.me.role]),
          })}
        </p>
        <p>
          <Link to="/">{t('nav.back.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={className}>
      <h1>{heading}</h1>
      {account.status === 'failed' ? (
        <ErrorAlert code={account.code} />
      ) : (
        <p>{t('error.auth/sign_in_required')}</p>
      )}
      <p>
        <Link className="button" to="/connexion">
          {t('account.signIn.heading')}
        </Link>
      </p>
    </div>
  );
}
