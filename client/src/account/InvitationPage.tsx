// `/invitation#i=<id>`: someone invited by an administrator makes their account (name and
// password; the address is the invitation's) and joins the organisation.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { InvitationSummary } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { Field } from './Field.js';
import { NewPasswordField } from './NewPasswordField.js';
import { MEMBER_ROLE_KEYS } from './memberRoleKeys.js';

export function InvitationPage({ api = accountApi }: { api?: typeof accountApi }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [id] = useState(() => new URLSearchParams(hash.replace(/^#/, '')).get('i'));
  const [invitation, setInvitation] = useState<InvitationSummary | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(id ? null : 'account/invitation_invalid');
  const errorId = useId();
  useDocumentTitle(t('account.invitation.heading'));

  useEffect(() => {
    if (!id) return;
    void api.invitation(id).then((result) => {
      if (result.ok) setInvitation(result.data);
      else setError(result.code);
    });
  }, [api, id]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!id) return;
    setError(null);
    const result = await api.accept(id, { name, password });
    if (result.ok) void navigate('/');
    else setError(result.code);
  }

  return (
    <div className="account">
      <h1>{t('account.invitation.heading')}</h1>
      {invitation ? (
        <>
          <p>
            {t('account.invitation.intro', {
              organization: invitation.organizationName,
              // Inside a sentence the role's name is lower-cased, not capitalised as on its own.
              role: t(MEMBER_ROLE_KEYS[invitation.role]).toLocaleLowerCase(lang),
              email: invitation.email,
            })}
          </p>
          <form className="panel account-form" onSubmit={(event) => void submit(event)}>
            <Field
              errorId={error ? errorId : undefined}
              label={t('account.name')}
              name="name"
              autoComplete="name"
              value={name}
              onChange={setName}
            />
            <NewPasswordField
              errorId={error ? errorId : undefined}
              label={t('account.password')}
              value={password}
              onChange={setPassword}
            />
            <ErrorAlert code={error} id={errorId} />
            <button type="submit" className="button--big">
              {t('account.invitation.submit')}
            </button>
          </form>
        </>
      ) : (
        <ErrorAlert code={error} id={errorId} />
      )}
    </div>
  );
}
