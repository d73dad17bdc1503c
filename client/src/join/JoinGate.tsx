import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Role } from '@ecoute/engine';
import { MAX_NAME_LENGTH } from '@ecoute/protocol';
import { accountApi } from '../account/accountApi.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { useSessionContext } from '../socket/index.js';
import { ROLE_KEYS } from '../ui/roleKeys.js';
import { SessionStatusNotice } from '../ui/SessionStatusNotice.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { readDisplayName, saveDisplayName } from './displayName.js';
import { JoinContext, type Joined } from './JoinContext.js';
import type { LinkName } from './linkName.js';
import { useJoinOnConnect } from './useJoinOnConnect.js';
import './join.css';

/** What each role does in the call, said on the join page under its name. */
const ROLE_DOES: Record<Role, MessageKey> = {
  listener: 'join.does.listener',
  observer: 'join.does.observer',
  callerActor: 'join.does.callerActor',
  trainer: 'join.does.trainer',
};

/**
 * A role page asks first for a display name (a pseudonym is fine), remembered for this session
 * and role; then shows the page and joins the session under that name on every connection.
 * A link that gives the name (`given`: an LTI launch) is not asked: the name the person chose
 * earlier on this page wins, else the given one is kept as theirs.
 */
export function JoinGate({
  role,
  sessionId,
  given = null,
  account = accountApi,
  children,
}: {
  role: Role;
  sessionId: string;
  given?: LinkName | null;
  /** Who is signed in: a signed-in trainer joins the console under their account's name. */
  account?: Pick<typeof accountApi, 'me'>;
  children: ReactNode;
}) {
  const session = useSessionContext();
  const [name, setName] = useState(() => readDisplayName(sessionId, role) ?? given?.name ?? null);
  // A trainer with no name yet: asked only once the account is known not to give one.
  const [accountChecked, setAccountChecked] = useState(() => role !== 'trainer' || name !== null);
  useEffect(() => {
    if (accountChecked) return;
    let current = true;
    void account.me().then((result) => {
      if (!current) return;
      const accountName = result.ok ? result.data.name.trim() : '';
      if (accountName && readDisplayName(sessionId, role) === null) {
        saveDisplayName(sessionId, role, accountName);
        setName(accountName);
      }
      setAccountChecked(true);
    });
    return () => {
      current = false;
    };
  }, [accountChecked, account, sessionId, role]);
  useEffect(() => {
    if (given && readDisplayName(sessionId, role) === null) saveDisplayName(sessionId, role, given.name);
  }, [given, sessionId, role]);
  const [editing, setEditing] = useState(false);
  const wrongRole = session.view !== null && session.view.role !== role;
  useJoinOnConnect(session, editing ? null : name, !wrongRole);

  const joined = useMemo<Joined | null>(
    () =>
      name
        ? { name, assigned: given?.pseudonym === true && given.name === name, rename: () => setEditing(true) }
        : null,
    [name, given],
  );

  // A refused link or a link of another role: the page itself says so, no name to ask.
  const asking = (name === null || editing) && session.status !== 'error' && !wrongRole;

  // The form is gone once joined: focus goes to the page's title, never to the page itself.
  const justJoined = useRef(false);
  useEffect(() => {
    if (asking || !justJoined.current) return;
    let frames = 0;
    let handle = 0;
    const focusTitle = (): void => {
      const title = document.querySelector<HTMLElement>('.role-page h1');
      if (title) {
        justJoined.current = false;
        focusQuietly(title);
      } else if (frames++ < 60) handle = requestAnimationFrame(focusTitle);
    };
    focusTitle();
    return () => cancelAnimationFrame(handle);
  }, [asking, session.view]);
  if (asking && !accountChecked) return null;
  if (asking) {
    return (
      <JoinForm
        role={role}
        initial={name ?? ''}
        onJoin={(chosen) => {
          justJoined.current = true;
          saveDisplayName(sessionId, role, chosen);
          setName(chosen);
          setEditing(false);
        }}
      />
    );
  }
  return <JoinContext value={joined}>{children}</JoinContext>;
}

function JoinForm({
  role,
  initial,
  onJoin,
}: {
  role: Role;
  initial: string;
  onJoin: (name: string) => void;
}) {
  const { t } = useI18n();
  const session = useSessionContext();
  const [value, setValue] = useState(initial);
  const fieldId = useId();
  const hintId = useId();
  const roleLabel = t(ROLE_KEYS[role]);
  const title = t('join.title', { role: roleLabel });
  useDocumentTitle(title);
  // The call the link opens, from the session's first sync (its title as the library's, never its id).
  const call = session.view?.role === role ? session.view.scenario : null;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const name = value.trim();
    if (name) onJoin(name);
  }

  return (
    <div className="role-page join">
      <h1>{title}</h1>
      {/* Shown at once, the call's place held until the first sync names it (`join.callLoading`,
          busy): the form below does not move under a click or the typing a moment after load. */}
      <dl className="join__call">
        <dt>{t('join.call')}</dt>
        <dd className="join__call-place" aria-busy={call ? undefined : true}>
          {call ? (
            <>
              <ScenarioText className="join__call-title">{call.title}</ScenarioText>
              {/* The version (join.version) for the trainer, who publishes them; a learner has no use for it. */}
              {role === 'trainer' ? (
                <>
                  {' '}
                  <span className="join__call-version">{t('join.version', { version: call.version })}</span>
                </>
              ) : null}
            </>
          ) : (
            <span className="muted">{t('join.callLoading')}</span>
          )}
        </dd>
        <dt>{t('join.role')}</dt>
        <dd>
          <span className="join__call-title">{roleLabel}</span>{' '}
          <span className="join__does">{t(ROLE_DOES[role])}</span>
        </dd>
      </dl>
      <form className="panel join__form" onSubmit={submit}>
        <label htmlFor={fieldId} className="join__label">
          {t('join.label')}
        </label>
        <input
          id={fieldId}
          type="text"
          // The one thing to do on this screen.
          autoFocus
          required
          autoComplete="nickname"
          maxLength={MAX_NAME_LENGTH}
          aria-describedby={hintId}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <p id={hintId} className="hint">
          {t('join.hint')}
        </p>
        <button type="submit" className="button--big" disabled={value.trim() === ''}>
          {t('join.submit')}
        </button>
      </form>
      {/* Under the form: `connection.connecting` going once connected does not move the form either. */}
      <SessionStatusNotice status={session.status} errorCode={session.errorCode} wrongRole={false} />
    </div>
  );
}
