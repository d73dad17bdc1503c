// A page for the organisation's members (sessions, classes, badges, the library, the organisation):
// signed out, it says so under its heading with a sign-in link, and asks the server nothing
// else (its lists answered 401s before, and showed their empty states and forms); signed in, its
// content, given who is signed in.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AccountMe } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { accountApi } from './accountApi.js';
import { useAccount } from './useAccount.js';

export function SignedInPage({
  heading,
  className,
  accounts = accountApi,
  children,
}: {
  heading: string;
  className?: string;
  accounts?: Pick<typeof accountApi, 'me'>;
  children: (me: AccountMe) => ReactNode;
}) {
  const { t } = useI18n();
  const account = useAccount(accounts);
  if (account.status === 'loading') return <p role="status">{t('account.loading')}</p>;
  if (account.status === 'signed-in') return <>{children(account.me)}</>;
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
