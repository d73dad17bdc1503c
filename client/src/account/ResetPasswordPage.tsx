// `/reset-password#k=<token>`: a password-reset link made by an administrator (valid 24 h, once).
import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { readRoleToken } from '../app/readRoleToken.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { NewPasswordField } from './NewPasswordField.js';

export function ResetPasswordPage({ api = accountApi }: { api?: typeof accountApi }) {
  const { t } = useI18n();
  const { hash } = useLocation();
  const [token] = useState(() => readRoleToken(hash));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'client/missing_token');
  const errorId = useId();
  const [done, setDone] = useState(false);
  useDocumentTitle(t('account.reset.heading'));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    setError(null);
    const result = await api.resetPassword(token, password);
    if (result.ok) setDone(true);
    else setError(result.code === 'client/unknown' ? 'client/reset_invalid' : result.code);
  }

  return (
    <div className="account">
      <h1>{t('account.reset.heading')}</h1>
      {done ? (
        <p role="status">
          {t('account.reset.done')} <Link to="/connexion">{t('account.signIn.heading')}</Link>
        </p>
      ) : (
        <form className="panel account-form" onSubmit={(event) => void submit(event)}>
          <NewPasswordField
            errorId={error ? errorId : undefined}
            label={t('account.newPassword')}
            value={password}
            onChange={setPassword}
          />
          <ErrorAlert code={error} id={errorId} />
          <button type="submit" className="button--big" disabled={!token}>
            {t('account.reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
