// `/sessions`: the organisation's list of sessions, for its signed-in trainers — filter by
// scenario, learner, date and outcome, open a debrief, see and revoke the role links, delete a
// session (after a confirmation). Those actions are offered on the sessions the account may
// manage (a trainer's own, all for an administrator); another's says whose it is and who may.
import type { SessionShareState } from '../account/SessionSharePage.js';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { OUTCOMES } from '@ecoute/engine';
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import { httpHomeApi, type HomeApi } from '../home/homeApi.js';
import { useScenarios } from '../home/useScenarios.js';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { outcomeText } from '../ui/describeEntry.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { httpSessionsApi, type SessionsApi } from './sessionsApi.js';
import type { accountApi } from '../account/accountApi.js';
import { SignedInPage } from '../account/SignedInPage.js';
import './sessions.css';
import { CardTable } from '../ui/CardTable.js';
import { useScenarioLang } from '../i18n/useScenarioLang.js';

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; code: string }
  | { status: 'loaded'; sessions: SessionListItem[] };

export function SessionsPage({
  api = httpSessionsApi,
  homeApi = httpHomeApi,
  accounts,
}: {
  api?: SessionsApi;
  homeApi?: HomeApi;
  accounts?: Pick<typeof accountApi, 'me'>;
}) {
  const { t } = useI18n();
  useDocumentTitle(t('sessions.heading'));
  return (
    <SignedInPage
      heading={t('sessions.heading')}
      page="sessions"
      className="sessions"
      {...(accounts ? { accounts } : {})}
    >
      {() => <SessionsList api={api} homeApi={homeApi} />}
    </SignedInPage>
  );
}

function SessionsList({ api, homeApi }: { api: SessionsApi; homeApi: HomeApi }) {
  const { t, lang } = useI18n();
  const scenarioLang = useScenarioLang();
  const scenarios = useScenarios(homeApi);
  const [filter, setFilter] = useState<SessionListQuery>({});
  const [draft, setDraft] = useState<SessionListQuery>({});
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tableCaption = useId();
  const ids = { scenario: useId(), learner: useId(), from: useId(), to: useId(), outcome: useId() };

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void api.list(filter).then((result) => {
      if (!current) return;
      setState(
        result.ok ? { status: 'loaded', sessions: result.data } : { status: 'failed', code: result.code },
      );
    });
    return () => {
      current = false;
    };
  }, [api, filter]);

  const scenarioOptions = useMemo(
    () => (scenarios.status === 'loaded' ? scenarios.scenarios : []),
    [scenarios],
  );

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setFilter(
      Object.fromEntries(
        Object.entries(draft).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
      ) as SessionListQuery,
    );
  }

  async function remove(session: SessionListItem): Promise<void> {
    // Refused, the row stays and `ConfirmAction` gives the focus back to its `sessions.delete`;
    // deleted, the row goes and the focus goes to the list's heading.
    const result = await api.remove(session.id);
    if (!result.ok) {
      setDeleteError(result.code);
      return;
    }
    setDeleteError(null);
    setAnnounce(t('sessions.deleted', { date: formatDateTime(t, session.createdAt) }));
    setState((s) =>
      s.status === 'loaded' ? { ...s, sessions: s.sessions.filter((x) => x.id !== session.id) } : s,
    );
    headingRef.current?.focus();
  }

  const set = (key: keyof SessionListQuery) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className="sessions">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('sessions.heading')}
      </h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      <form className="panel sessions__filters" onSubmit={apply} aria-label={t('sessions.filters.label')}>
        <div>
          <label htmlFor={ids.scenario}>{t('sessions.filters.scenario')}</label>
          <select
            id={ids.scenario}
            value={draft.scenario ?? ''}
            onChange={(e) => set('scenario')(e.target.value)}
          >
            <option value="">{t('sessions.filters.allScenarios')}</option>
            {scenarioOptions.map((s) => (
              <option key={s.id} value={s.id} lang={scenarioLang}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.learner}>{t('sessions.filters.learner')}</label>
          <input
            id={ids.learner}
            type="search"
            value={draft.learner ?? ''}
            onChange={(e) => set('learner')(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={ids.from}>{t('sessions.filters.from')}</label>
          <input
            id={ids.from}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from')(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={ids.to}>{t('sessions.filters.to')}</label>
          <input id={ids.to} type="date" value={draft.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.outcome}>{t('sessions.filters.outcome')}</label>
          <select
            id={ids.outcome}
            value={draft.outcome ?? ''}
            onChange={(e) => set('outcome')(e.target.value)}
          >
            <option value="">{t('sessions.filters.all')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeText(t, outcome)}
              </option>
            ))}
            <option value="none">{t('outcome.none')}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t('sessions.filters.apply')}
        </button>
      </form>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      <ErrorAlert code={state.status === 'failed' ? state.code : deleteError} />
      {state.status === 'failed' && state.code === 'auth/sign_in_required' ? (
        <p>
          <Link className="button" to="/connexion">
            {t('account.signIn.heading')}
          </Link>
        </p>
      ) : null}
      {state.status === 'loading' ? <p role="status">{t('sessions.loading')}</p> : null}
      {state.status === 'loaded' && state.sessions.length === 0 ? <p>{t('sessions.empty')}</p> : null}
      {state.status === 'loaded' && state.sessions.length > 0 ? (
        <div className="sessions__scroll" role="region" aria-labelledby={tableCaption} tabIndex={0}>
          <CardTable
            className="sessions__table"
            caption={{
              id: tableCaption,
              text: t(`sessions.caption.${pluralForm(lang, state.sessions.length)}`, {
                count: state.sessions.length,
              }),
            }}
            columns={[
              { name: t('sessions.col.date'), cell: (session) => formatDateTime(t, session.createdAt) },
              {
                name: t('sessions.col.scenario'),
                cell: (session) => (
                  <>
                    {/* `sessions.version`: the version in words, as the home page and the library say it. */}
                    {session.scenarioTitle}{' '}
                    <span className="muted">
                      {t('sessions.version', { version: session.scenarioVersion })}
                    </span>
                  </>
                ),
              },
              {
                name: t('sessions.col.learner'),
                cell: (session) =>
                  session.learner ?? <span className="muted">{t('debrief.facts.unnamed')}</span>,
              },
              {
                name: t('sessions.col.outcome'),
                cell: (session) =>
                  session.status === 'live' ? t('sessions.live') : outcomeText(t, session.outcome),
              },
              {
                name: t('sessions.col.actions'),
                className: 'sessions__actions',
                unlabelled: true,
                cell: (session) => {
                  const date = formatDateTime(t, session.createdAt);
                  // Someone else's session (the server's `manageable`): why not, rather than
                  // buttons the server would refuse.
                  if (!session.manageable)
                    return (
                      <p className="sessions__not-yours">
                        {session.createdBy
                          ? t('sessions.notYours', { name: session.createdBy })
                          : t('sessions.notYours.unknown')}
                      </p>
                    );
                  return (
                    <>
                      <Link
                        className="button button--secondary button--small"
                        to={`/debrief/${encodeURIComponent(session.id)}`}
                      >
                        {t('sessions.open')}
                        <span className="visually-hidden"> {t('sessions.ofSession', { date })}</span>
                      </Link>{' '}
                      <Link
                        className="button button--secondary button--small"
                        to={`/sessions/${encodeURIComponent(session.id)}/liens`}
                        state={
                          {
                            title: session.scenarioTitle,
                            version: session.scenarioVersion,
                            createdAt: session.createdAt,
                          } satisfies SessionShareState
                        }
                      >
                        {t('account.share.link')}
                        <span className="visually-hidden"> {t('sessions.ofSession', { date })}</span>
                      </Link>{' '}
                      <ConfirmAction
                        small
                        question={t('sessions.delete.confirm', { date })}
                        yes={t('sessions.delete.yes')}
                        no={t('debrief.cancel')}
                        onConfirm={() => remove(session)}
                      >
                        {t('sessions.delete')}
                        <span className="visually-hidden"> {t('sessions.ofSession', { date })}</span>
                      </ConfirmAction>
                    </>
                  );
                },
              },
            ]}
            rows={state.sessions}
            rowKey={(session) => session.id}
          />
        </div>
      ) : null}
    </div>
  );
}
