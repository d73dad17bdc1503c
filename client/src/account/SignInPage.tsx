// `/connexion`: a trainer, author or administrator signs in (better-auth's route sets the
// HttpOnly cookie); then `account.nav.home`.
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { Field } from './Field.js';

export function SignInPage({ api = accountApi }: { api?: typeof accountApi }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('account.signIn.heading'));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.signIn(email, password);
    setBusy(false);
    if (result.ok) void navigate('/');
    else setError(result.code);
  }

  return (
    <div className="account">
      <h1>{t('account.signIn.heading')}</h1>
      <form className="panel account-form" onSubmit={(event) => void submit(event)}>
        <Field
          errorId={error ? errorId : undefined}
          label={t('account.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <Field
          errorId={error ? errorId : undefined}
          label={t('account.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <ErrorAlert code={error} id={errorId} />
        <button type="submit" className="button--big" aria-disabled={busy}>
          {t('account.signIn.submit')}
        </button>
      </form>
      <p className="muted">{t('account.signIn.help')}</p>
    </div>
  );
}
