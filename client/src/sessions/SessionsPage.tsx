// `/sessions`: the trainers' list of sessions — filter by scenario, learner, date and outcome,
// open a debrief, delete a session (after a confirmation). Guarded by the admin token until
// trainers have accounts: from the boot line's link (`#k=`), or typed here (kept for the tab).
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { OUTCOMES } from '@ecoute/engine';
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import { readRoleToken } from '../app/readRoleToken.js';
import { httpHomeApi, type HomeApi } from '../home/homeApi.js';
import { useScenarios } from '../home/useScenarios.js';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { outcomeText } from '../ui/describeEntry.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { httpSessionsApi, storeAdminToken, storedAdminToken, type SessionsApi } from './sessionsApi.js';

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; code: string }
  | { status: 'loaded'; sessions: SessionListItem[] };

export function SessionsPage({
  apiFor = httpSessionsApi,
  homeApi = httpHomeApi,
}: {
  apiFor?: (token: string) => SessionsApi;
  homeApi?: HomeApi;
}) {
  const { t } = useI18n();
  const { hash } = useLocation();
  const [token, setToken] = useState<string | null>(() => readRoleToken(hash) ?? storedAdminToken());
  useDocumentTitle(`${t('sessions.heading')} · ${t('app.name')}`);

  useEffect(() => {
    const fromLink = readRoleToken(hash);
    if (fromLink) {
      storeAdminToken(fromLink);
      setToken(fromLink);
    }
  }, [hash]);

  if (!token) {
    return (
      <div className="sessions">
        <h1>{t('sessions.heading')}</h1>
        <AdminTokenForm
          onToken={(value) => {
            storeAdminToken(value);
            setToken(value);
          }}
        />
      </div>
    );
  }
  return (
    <SessionsList
      api={apiFor(token)}
      homeApi={homeApi}
      token={token}
      onForget={() => {
        storeAdminToken(null);
        setToken(null);
      }}
    />
  );
}

function AdminTokenForm({ onToken, error }: { onToken: (token: string) => void; error?: string | null }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) onToken(value.trim());
      }}
    >
      <p>{t('sessions.token.intro')}</p>
      <label htmlFor={id}>{t('sessions.token.label')}</label>{' '}
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />{' '}
      <button type="submit" className="button">
        {t('sessions.token.submit')}
      </button>
      <ErrorAlert code={error ?? null} />
    </form>
  );
}

function SessionsList({
  api,
  homeApi,
  token,
  onForget,
}: {
  api: SessionsApi;
  homeApi: HomeApi;
  token: string;
  onForget: () => void;
}) {
  const { t } = useI18n();
  const scenarios = useScenarios(homeApi);
  const [filter, setFilter] = useState<SessionListQuery>({});
  const [draft, setDraft] = useState<SessionListQuery>({});
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
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
    const result = await api.remove(session.id);
    setConfirming(null);
    if (!result.ok) {
      setDeleteError(result.code);
      return;
    }
    setDeleteError(null);
    setAnnounce(t('sessions.deleted', { date: new Date(session.createdAt).toLocaleString() }));
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
        <button type="button" className="button button--secondary button--small" onClick={onForget}>
          {t('sessions.token.forget')}
        </button>
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
              <option key={s.id} value={s.id}>
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
      {state.status === 'failed' &&
      (state.code === 'auth/invalid_token' || state.code === 'auth/forbidden_role') ? (
        <p>
          <button type="button" className="button" onClick={onForget}>
            {t('sessions.token.retry')}
          </button>
        </p>
      ) : null}
      {state.status === 'loading' ? <p role="status">{t('sessions.loading')}</p> : null}
      {state.status === 'loaded' && state.sessions.length === 0 ? <p>{t('sessions.empty')}</p> : null}
      {state.status === 'loaded' && state.sessions.length > 0 ? (
        <table className="sessions__table">
          <caption className="visually-hidden">
            {t('sessions.caption', { count: state.sessions.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.col.date')}</th>
              <th scope="col">{t('sessions.col.scenario')}</th>
              <th scope="col">{t('sessions.col.learner')}</th>
              <th scope="col">{t('sessions.col.outcome')}</th>
              <th scope="col">{t('sessions.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {state.sessions.map((session) => {
              const date = new Date(session.createdAt).toLocaleString();
              return (
                <tr key={session.id}>
                  <td>{date}</td>
                  <td>
                    {session.scenarioTitle} <span className="muted">v{session.scenarioVersion}</span>
                  </td>
                  <td>{session.learner ?? <span className="muted">{t('debrief.facts.unnamed')}</span>}</td>
                  <td>{session.status === 'live' ? t('sessions.live') : outcomeText(t, session.outcome)}</td>
                  <td>
                    <Link
                      className="button button--secondary button--small"
                      to={`/debrief/${encodeURIComponent(session.id)}#k=${encodeURIComponent(token)}`}
                    >
                      {t('sessions.open')}
                      <span className="visually-hidden"> {t('sessions.ofSession', { date })}</span>
                    </Link>{' '}
                    {confirming === session.id ? (
                      <span
                        className="confirm"
                        role="group"
                        aria-label={t('sessions.delete.confirm', { date })}
                      >
                        <span>{t('sessions.delete.confirm', { date })}</span>{' '}
                        <button
                          type="button"
                          className="button button--danger button--small"
                          onClick={() => void remove(session)}
                        >
                          {t('sessions.delete.yes')}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setConfirming(null)}
                        >
                          {t('debrief.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--danger button--small"
                        onClick={() => setConfirming(session.id)}
                      >
                        {t('sessions.delete')}
                        <span className="visually-hidden"> {t('sessions.ofSession', { date })}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
