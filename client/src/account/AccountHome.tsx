// `/`: the trainer's home, `account.nav.home`. Signed out: the way to sign in (learners never come
// here: they open their role link). Signed in: who and which organisation, the pages of their
// role, and the session creation of HomePage; an author, who may not start sessions, gets the
// way to the library instead (the form answered them with a refusal, out of sight). An
// administrator also gets the organisation's first steps under the pitch (`FirstSteps`, a chunk of
// its own: the other members never load it).
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { HomePage } from '../home/HomePage.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { accountApi } from './accountApi.js';
import { AccountNav } from './AccountNav.js';
import { useAccount } from './useAccount.js';
import type { FirstStepsApi } from './FirstSteps.js';

const FirstSteps = lazy(() => import('./FirstSteps.js').then((m) => ({ default: m.FirstSteps })));

export function AccountHome({
  api = accountApi,
  firstSteps,
}: {
  api?: typeof accountApi;
  /** What tells the administrator's first steps done (the server's answers unless given). */
  firstSteps?: FirstStepsApi;
}) {
  const { t } = useI18n();
  const account = useAccount(api);
  if (account.status === 'loading') return <p role="status">{t('account.loading')}</p>;
  if (account.status === 'failed') return <ErrorAlert code={account.code} />;
  if (account.status === 'signed-out')
    return (
      <div className="home">
        <h1>{t('app.name')}</h1>
        <p className="pitch">{t('app.pitch')}</p>
        <section className="panel" aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">{t('account.home.signedOut')}</h2>
          <p>
            <Link to="/connexion" className="button button--big">
              {t('account.signIn.heading')}
            </Link>
          </p>
          <p className="muted">{t('account.home.learners')}</p>
        </section>
        <p>
          <Link to="/confidentialite">{t('account.privacy.heading')}</Link>
        </p>
      </div>
    );
  return (
    <>
      <AccountNav me={account.me} api={api} />
      {account.me.role === 'author' ? (
        <AuthorHome />
      ) : (
        <HomePage>
          {account.me.role === 'admin' ? (
            <Suspense fallback={null}>
              <FirstSteps me={account.me} {...(firstSteps ? { api: firstSteps } : {})} />
            </Suspense>
          ) : null}
        </HomePage>
      )}
    </>
  );
}

function AuthorHome() {
  const { t } = useI18n();
  return (
    <div className="home">
      <h1>{t('app.name')}</h1>
      <p className="pitch">{t('app.pitch')}</p>
      <section className="panel" aria-labelledby="author-heading">
        <h2 id="author-heading">{t('account.home.author.heading')}</h2>
        <p>{t('account.home.author.text')}</p>
        <p>
          <Link to="/bibliotheque" className="button button--big">
            {t('account.home.author.library')}
          </Link>
        </p>
      </section>
    </div>
  );
}
