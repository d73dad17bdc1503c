// `/organisation`, for administrators: the members (and a password-reset link for each), the
// invitations (a link to hand over; no mail server), the retention period, and the RGPD
// requests about one learner pseudonym (export, erasure), and the organisation's activity log.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_RETENTION_DAYS, MEMBER_ROLES } from '@ecoute/protocol';
import type { MemberRoleName, OrganizationSummary } from '@ecoute/protocol';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';
import { CopyLink } from '../ui/CopyLink.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { SignedInPage } from './SignedInPage.js';
import { LtiRegistrationPanel } from '../lti/LtiRegistrationPanel.js';
import { AuditLog } from './AuditLog.js';
import { Field } from './Field.js';
import { useFocusFragment } from '../ui/useFocusFragment.js';
import { MEMBER_ROLE_KEYS } from './memberRoleKeys.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import './members.css';
import { CardTable } from '../ui/CardTable.js';

/** Where a message shows: by the form that caused it (on a phone the top is a screen away). */
type Place = 'page' | 'members' | 'invite' | 'retention' | 'learner';

/** The page's one message: an error code, or a sentence of the catalogue already worded. */
type Notice = { place: Place; code: string } | { place: Place; text: string };

function isMemberRole(role: string): role is MemberRoleName {
  return (MEMBER_ROLES as readonly string[]).includes(role);
}

export function OrganizationPage({
  api = accountApi,
  origin = window.location.origin,
}: {
  api?: typeof accountApi;
  origin?: string;
}) {
  const { t } = useI18n();
  useDocumentTitle(t('account.organization.heading'));
  return (
    <SignedInPage
      heading={t('account.organization.heading')}
      page="organisation"
      className="account"
      accounts={api}
    >
      {() => <Organization api={api} origin={origin} />}
    </SignedInPage>
  );
}

function Organization({ api, origin }: { api: typeof accountApi; origin: string }) {
  const { t, lang } = useI18n();
  const [organization, setOrganization] = useState<OrganizationSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The activity log reads again after each action of the page (it records them). */
  const [acted, setActed] = useState(0);
  const [shared, setShared] = useState<{ label: string; url: string } | null>(null);
  const sharedPanel = useRef<HTMLElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRoleName>('trainer');
  const [days, setDays] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  /** What the erasure would take, said in its question (`eraseConfirm`) before anything goes. */
  const [found, setFound] = useState<{ sessions: number; badges: number }>({ sessions: 0, badges: 0 });

  const load = useCallback(() => {
    void api.organization().then((result) => {
      if (result.ok) {
        setOrganization(result.data);
        setDays(String(result.data.retentionDays));
      } else setNotice({ place: 'page', code: result.code });
    });
  }, [api]);
  useEffect(load, [load]);
  // `#invite-heading`, `#lti-heading` (the first steps' links): that section, once the page shows it.
  useFocusFragment(organization !== null);
  // A new link shows at the top of the page, far above the button that made it (a phone's screen
  // away): focus goes to it, so the person sees it and a screen reader reads it.
  useEffect(() => {
    if (shared) sharedPanel.current?.focus();
  }, [shared]);

  /** Each action starts afresh: the message of an earlier one goes. */
  function begin(): void {
    setNotice(null);
  }
  function failed(place: Place, code: string): void {
    setNotice({ place, code });
    setActed((n) => n + 1);
  }
  function done(place: Place, text: string): void {
    setNotice({ place, text });
    setActed((n) => n + 1);
  }

  async function invite(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    begin();
    const result = await api.invite({ email, role });
    if (!result.ok) return failed('invite', result.code);
    setActed((n) => n + 1);
    setShared({
      label: t('account.organization.invitationFor', { email }),
      url: `${origin}${result.data.link}`,
    });
    setEmail('');
    load();
  }

  async function resetLink(userId: string, name: string): Promise<void> {
    begin();
    const result = await api.resetLink(userId);
    if (!result.ok) return failed('members', result.code);
    setActed((n) => n + 1);
    setShared({ label: t('account.organization.resetFor', { name }), url: `${origin}${result.data.link}` });
  }

  async function saveRetention(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    begin();
    const result = await api.setRetention(Number(days));
    if (!result.ok) return failed('retention', result.code);
    done('retention', t('account.organization.retentionSaved', { days: result.data.retentionDays }));
  }

  /** « 2 séances et 1 badge »: the counts of what a request found or took (`count.*`). */
  function counts(found: { sessions: number; badges: number }) {
    return {
      sessions: t(`account.organization.count.sessions.${pluralForm(lang, found.sessions)}`, {
        count: found.sessions,
      }),
      badges: t(`account.organization.count.badges.${pluralForm(lang, found.badges)}`, {
        count: found.badges,
      }),
    };
  }

  /**
   * The erase button (`learnerErase`) asks first, the erasure cannot be undone: with a pseudonym to
   * erase, and once the server said what it finds under it (nothing: `notFound`, no question).
   */
  async function askErase(): Promise<boolean> {
    begin();
    if (!pseudonym.trim()) {
      done('learner', t('account.organization.pseudonymMissing'));
      return false;
    }
    const result = await api.findLearner(pseudonym);
    if (!result.ok) {
      failed('learner', result.code);
      return false;
    }
    if (result.data.sessions + result.data.badges === 0) {
      done('learner', t('account.organization.notFound', { pseudonym: pseudonym.trim() }));
      return false;
    }
    setFound(result.data);
    return true;
  }

  async function erase(): Promise<void> {
    const result = await api.eraseLearner(pseudonym);
    if (!result.ok) return failed('learner', result.code);
    const taken = { sessions: result.data.sessions.length, badges: result.data.badges };
    const said = t('account.organization.erased', { ...counts(taken), pseudonym: pseudonym.trim() });
    done('learner', taken.badges > 0 ? `${said} ${t('account.organization.erasedBadges')}` : said);
  }

  async function exportLearner(): Promise<void> {
    begin();
    if (!pseudonym.trim()) return done('learner', t('account.organization.pseudonymMissing'));
    const result = await api.exportLearner(pseudonym);
    if (!result.ok) return failed('learner', result.code);
    const exported = { sessions: result.data.sessions.length, badges: result.data.badges.length };
    // Nothing under this pseudonym: said, rather than an empty file read as « no data ».
    if (exported.sessions + exported.badges === 0)
      return done('learner', t('account.organization.notFound', { pseudonym: pseudonym.trim() }));
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(result.data, null, 2)], { type: 'application/json' }),
    );
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'ecoute-pseudonyme.json';
    anchor.click();
    URL.revokeObjectURL(url);
    done('learner', t('account.organization.exported', counts(exported)));
  }

  /** The message of `place` (its alert and status regions are always there, empty or not). */
  const noticeAt = (place: Place) => (
    <>
      <ErrorAlert code={notice?.place === place && 'code' in notice ? notice.code : null} />
      <p role="status">{notice?.place === place && 'text' in notice ? notice.text : ''}</p>
    </>
  );

  return (
    <div className="account">
      <h1>{t('account.organization.heading')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      {noticeAt('page')}
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
            {noticeAt('members')}
            <ScrollTable name={t('account.organization.members')}>
              <CardTable
                className="members-table"
                columns={[
                  { name: t('account.name'), cell: (member) => member.name },
                  { name: t('account.email'), cell: (member) => member.email },
                  { name: t('account.role'), cell: (member) => t(MEMBER_ROLE_KEYS[member.role]) },
                  {
                    name: t('account.organization.actions'),
                    cell: (member) => (
                      <button type="button" onClick={() => void resetLink(member.userId, member.name)}>
                        {t('account.organization.resetLink', { name: member.name })}
                      </button>
                    ),
                  },
                ]}
                rows={organization.members}
                rowKey={(member) => member.userId}
              />
            </ScrollTable>
          </section>
          <section className="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('account.organization.invite')}</h2>
            {noticeAt('invite')}
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
                      {t('account.organization.pendingItem', {
                        email: invitation.email,
                        role: isMemberRole(invitation.role)
                          ? t(MEMBER_ROLE_KEYS[invitation.role])
                          : invitation.role,
                        date: formatDate(t, invitation.expiresAt),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="retention-heading">
            <h2 id="retention-heading">{t('account.organization.retention')}</h2>
            {noticeAt('retention')}
            <form className="account-form" onSubmit={(event) => void saveRetention(event)}>
              <Field
                label={t('account.organization.retentionDays')}
                name="retention"
                type="number"
                min={0}
                max={MAX_RETENTION_DAYS}
                hint={t('account.organization.retentionHint', {
                  max: MAX_RETENTION_DAYS,
                  days: organization.defaultRetentionDays,
                })}
                value={days}
                onChange={setDays}
              />
              <button type="submit">{t('account.save')}</button>
            </form>
          </section>
          <section className="panel" aria-labelledby="learner-heading">
            <h2 id="learner-heading">{t('account.organization.learner')}</h2>
            <p>{t('account.organization.learnerIntro')}</p>
            {noticeAt('learner')}
            <Field
              label={t('account.organization.pseudonym')}
              hint={t('account.organization.pseudonymHint')}
              name="pseudonym"
              value={pseudonym}
              onChange={setPseudonym}
            />
            <div className="organization__learner-actions">
              <button type="button" onClick={() => void exportLearner()}>
                {t('account.organization.learnerExport')}
              </button>
              <ConfirmAction
                onAsk={askErase}
                question={
                  t('account.organization.eraseConfirm', { ...counts(found), pseudonym: pseudonym.trim() }) +
                  (found.badges > 0 ? ` ${t('account.organization.eraseConfirmBadges')}` : '')
                }
                yes={t('account.organization.eraseYes')}
                no={t('debrief.cancel')}
                onConfirm={erase}
              >
                {t('account.organization.learnerErase')}
              </ConfirmAction>
            </div>
          </section>
          <LtiRegistrationPanel />
          <AuditLog api={api} version={acted} />
        </>
      ) : null}
    </div>
  );
}
