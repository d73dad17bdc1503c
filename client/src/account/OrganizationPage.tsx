// `/organisation`, for administrators: the members (and a password-reset link for each), the
// invitations (a link to hand over; no mail server), the retention period, and the RGPD
// requests about one learner pseudonym (export, erasure), and the organisation's activity log.
import { joinParts } from '../i18n/joinParts.js';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MEMBER_ROLES } from '@ecoute/protocol';
import type { MemberRoleName, OrganizationSummary } from '@ecoute/protocol';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { CopyLink } from '../ui/CopyLink.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { LtiRegistrationPanel } from '../lti/LtiRegistrationPanel.js';
import { AuditLog } from './AuditLog.js';
import { Field } from './Field.js';
import { MEMBER_ROLE_KEYS } from './memberRoleKeys.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import './members.css';

export function OrganizationPage({
  api = accountApi,
  origin = window.location.origin,
}: {
  api?: typeof accountApi;
  origin?: string;
}) {
  const { t, lang } = useI18n();
  const [organization, setOrganization] = useState<OrganizationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [shared, setShared] = useState<{ label: string; url: string } | null>(null);
  const sharedPanel = useRef<HTMLElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRoleName>('trainer');
  const [days, setDays] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  useDocumentTitle(t('account.organization.heading'));

  const load = useCallback(() => {
    void api.organization().then((result) => {
      if (result.ok) {
        setOrganization(result.data);
        setDays(String(result.data.retentionDays));
      } else setError(result.code);
    });
  }, [api]);
  useEffect(load, [load]);
  // A new link shows at the top of the page, far above the button that made it (a phone's screen
  // away): focus goes to it, so the person sees it and a screen reader reads it.
  useEffect(() => {
    if (shared) sharedPanel.current?.focus();
  }, [shared]);

  async function invite(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    const result = await api.invite({ email, role });
    if (!result.ok) return setError(result.code);
    setShared({
      label: t('account.organization.invitationFor', { email }),
      url: `${origin}${result.data.link}`,
    });
    setEmail('');
    load();
  }

  async function resetLink(userId: string, name: string): Promise<void> {
    const result = await api.resetLink(userId);
    if (!result.ok) return setError(result.code);
    setShared({ label: t('account.organization.resetFor', { name }), url: `${origin}${result.data.link}` });
  }

  async function saveRetention(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = await api.setRetention(Number(days));
    if (!result.ok) return setError(result.code);
    setStatus(t('account.organization.retentionSaved', { days: result.data.retentionDays }));
  }

  async function learner(kind: 'export' | 'erase'): Promise<void> {
    if (!pseudonym.trim()) return;
    if (kind === 'erase') {
      const result = await api.eraseLearner(pseudonym);
      if (!result.ok) return setError(result.code);
      setStatus(
        t(`account.organization.erased.${pluralForm(lang, result.data.sessions.length)}`, {
          count: result.data.sessions.length,
        }),
      );
      return;
    }
    const result = await api.exportLearner(pseudonym);
    if (!result.ok) return setError(result.code);
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(result.data, null, 2)], { type: 'application/json' }),
    );
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'ecoute-pseudonyme.json';
    anchor.click();
    URL.revokeObjectURL(url);
    setStatus(t('account.organization.exported'));
  }

  return (
    <div className="account">
      <h1>{t('account.organization.heading')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      <ErrorAlert code={error} />
      <p role="status">{status}</p>
      {shared ? (
        <section
          ref={sharedPanel}
          tabIndex={-1}
          className="panel"
          aria-label={t('account.organization.linkToShare')}
        >
          <p>{t('account.organization.shareHint')}</p>
          <CopyLink roleLabel={shared.label} url={shared.url} />
        </section>
      ) : null}
      {organization ? (
        <>
          <p className="pitch">{organization.name}</p>
          <section className="panel" aria-labelledby="members-heading">
            <h2 id="members-heading">{t('account.organization.members')}</h2>
            <ScrollTable name={t('account.organization.members')}>
              <table className="members-table">
                <thead>
                  <tr>
                    <th scope="col">{t('account.name')}</th>
                    <th scope="col">{t('account.email')}</th>
                    <th scope="col">{t('account.role')}</th>
                    <th scope="col">{t('account.organization.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {organization.members.map((member) => (
                    <tr key={member.userId}>
                      <td data-label={t('account.name')}>{member.name}</td>
                      <td data-label={t('account.email')}>{member.email}</td>
                      <td data-label={t('account.role')}>{t(MEMBER_ROLE_KEYS[member.role])}</td>
                      <td data-label={t('account.organization.actions')}>
                        <button type="button" onClick={() => void resetLink(member.userId, member.name)}>
                          {t('account.organization.resetLink', { name: member.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
          <section className="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('account.organization.invite')}</h2>
            <form className="account-form" onSubmit={(event) => void invite(event)}>
              <Field label={t('account.email')} name="email" type="email" value={email} onChange={setEmail} />
              <div className="account-field form-field">
                <label htmlFor="invite-role">{t('account.role')}</label>
                <select
                  id="invite-role"
                  value={role}
                  onChange={(event) => setRole(event.target.value as MemberRoleName)}
                >
                  {MEMBER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(MEMBER_ROLE_KEYS[r])}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('account.organization.inviteSubmit')}</button>
            </form>
            {organization.invitations.length > 0 ? (
              <>
                <h3>{t('account.organization.pending')}</h3>
                <ul>
                  {organization.invitations.map((invitation) => (
                    <li key={invitation.id}>
                      {joinParts(t, [invitation.email, formatDate(t, invitation.expiresAt)], 'dash')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="retention-heading">
            <h2 id="retention-heading">{t('account.organization.retention')}</h2>
            <form className="account-form" onSubmit={(event) => void saveRetention(event)}>
              <Field
                label={t('account.organization.retentionDays')}
                name="retention"
                type="number"
                hint={t('account.organization.retentionHint', { days: organization.defaultRetentionDays })}
                value={days}
                onChange={setDays}
              />
              <button type="submit">{t('account.save')}</button>
            </form>
          </section>
          <section className="panel" aria-labelledby="learner-heading">
            <h2 id="learner-heading">{t('account.organization.learner')}</h2>
            <p>{t('account.organization.learnerIntro')}</p>
            <Field
              label={t('account.organization.pseudonym')}
              name="pseudonym"
              value={pseudonym}
              onChange={setPseudonym}
            />
            <p className="organization__learner-actions">
              <button type="button" onClick={() => void learner('export')}>
                {t('account.organization.learnerExport')}
              </button>
              <button type="button" className="button--danger" onClick={() => void learner('erase')}>
                {t('account.organization.learnerErase')}
              </button>
            </p>
          </section>
          <LtiRegistrationPanel />
          <AuditLog api={api} />
        </>
      ) : null}
    </div>
  );
}
