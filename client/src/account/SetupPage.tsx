// `/setup#k=<token>`: the first boot. The one-time link printed by the server creates the first
// administrator and their organisation, then opens `account.nav.home`. Once an organisation exists,
// the page says so (`account.setup.done`) and links to the sign-in, without its form.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { readRoleToken } from '../app/readRoleToken.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { Field } from './Field.js';
import { NewPasswordField } from './NewPasswordField.js';

export function SetupPage({ api = accountApi }: { api?: typeof accountApi }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [token] = useState(() => readRoleToken(hash));
  const [organizationName, setOrganizationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'account/setup_invalid');
  const errorId = useId();
  // Asked on arrival: a link opened again once the organisation exists (a new one is drawn at each
  // start) said so only after the four fields were filled in.
  const [installed, setInstalled] = useState(false);
  useEffect(() => {
    let live = true;
    void api.setupStatus().then((status) => {
      if (live && status.ok && !status.data.needed) setInstalled(true);
    });
    return () => {
      live = false;
    };
  }, [api]);
  useDocumentTitle(t('account.setup.heading'));

  if (installed)
    return (
      <div className="account">
        <h1>{t('account.setup.heading')}</h1>
        <p role="status">{t('account.setup.done')}</p>
        <p>
          <Link to="/connexion">{t('account.signIn.heading')}</Link>
        </p>
      </div>
    );

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    setError(null);
    const result = await api.setup({ token, organizationName, name, email, password });
    if (result.ok) void navigate('/');
    else setError(result.code);
  }

  return (
    <div className="account">
      <h1>{t('account.setup.heading')}</h1>
      <p>{t('account.setup.intro')}</p>
      <form className="panel account-form" onSubmit={(event) => void submit(event)}>
        <Field
          errorId={error ? errorId : undefined}
          label={t('account.organizationName')}
          name="organization"
          value={organizationName}
          onChange={setOrganizationName}
        />
        <Field
          errorId={error ? errorId : undefined}
          label={t('account.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <Field
          errorId={error ? errorId : undefined}
          label={t('account.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <NewPasswordField
          errorId={error ? errorId : undefined}
          label={t('account.password')}
          value={password}
          onChange={setPassword}
        />
        <ErrorAlert code={error} id={errorId} />
        <button type="submit" className="button--big" disabled={!token}>
          {t('account.setup.submit')}
        </button>
      </form>
    </div>
  );
}
