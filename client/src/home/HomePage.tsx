import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionLinks } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useFocusFragment } from '../ui/useFocusFragment.js';
import { httpHomeApi, type HomeApi } from './homeApi.js';
import { saveSessionLinks } from './savedLinks.js';
import {
  DEFAULT_SESSION_CHOICES,
  SessionOptions,
  sessionRequest,
  type SessionChoices,
} from './SessionOptions.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import { SessionLinksPanel } from './SessionLinksPanel.js';
import { useScenarios } from './useScenarios.js';
import './home.css';

/** Pick a scenario, create a session, share its role links. */
export function HomePage({
  api = httpHomeApi,
  origin = window.location.origin,
  children,
}: {
  api?: HomeApi;
  origin?: string;
  /** What the account's home shows under the pitch (an administrator's first steps). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const scenarios = useScenarios(api);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [session, setSession] = useState<SessionLinks | null>(null);
  /** The call the links open, as chosen when they were made (the picker may have moved since). */
  const [sessionCall, setSessionCall] = useState<{ title: string; version: number } | null>(null);
  const [choices, setChoices] = useState<SessionChoices>(DEFAULT_SESSION_CHOICES);
  useDocumentTitle();
  // `/#new-session-heading` (the first steps' « Jouer un premier appel »): the form, once it shows.
  useFocusFragment(scenarios.status !== 'loading');

  const chosen = selected ?? (scenarios.status === 'loaded' ? (scenarios.scenarios[0]?.id ?? null) : null);
  const chosenSummary =
    scenarios.status === 'loaded' ? scenarios.scenarios.find((s) => s.id === chosen) : undefined;

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!chosen || creating) return;
    setCreating(true);
    setCreateError(null);
    const result = await api.createSession(sessionRequest(chosen, choices));
    setCreating(false);
    if (result.ok) {
      // The trainer's console shows these links (and their QR codes) from this browser.
      saveSessionLinks(result.data);
      setSession(result.data);
      setSessionCall(chosenSummary ? { title: chosenSummary.title, version: chosenSummary.version } : null);
    } else setCreateError(result.code);
  }

  return (
    <div className="home">
      <h1>{t('app.name')}</h1>
      <p className="pitch">{t('app.pitch')}</p>
      {children}

      <section className="panel" aria-labelledby="new-session-heading">
        <h2 id="new-session-heading">{t('home.scenarios.heading')}</h2>
        {scenarios.status === 'loading' ? <p role="status">{t('home.scenarios.loading')}</p> : null}
        <ErrorAlert code={scenarios.status === 'failed' ? scenarios.code : null} />
        {scenarios.status === 'loaded' && scenarios.scenarios.length === 0 ? (
          <p>{t('home.scenarios.empty')}</p>
        ) : null}
        {scenarios.status === 'loaded' && scenarios.scenarios.length > 0 ? (
          <form onSubmit={(event) => void create(event)}>
            <ScenarioPicker scenarios={scenarios.scenarios} selected={chosen} onSelect={setSelected} />
            <SessionOptions
              choices={choices}
              onChange={setChoices}
              speechExamples={chosenSummary?.speechExamples}
            />
            {/* A refusal shows by the button that asked (above the form, it was out of sight). */}
            <ErrorAlert code={createError} />
            <button type="submit" className="button--big" disabled={!chosen} aria-disabled={creating}>
              {creating ? t('home.creating') : t('home.create')}
            </button>
          </form>
        ) : null}
      </section>

      {session ? <SessionLinksPanel session={session} origin={origin} call={sessionCall} /> : null}

      <p className="home__sessions">
        <Link to="/sessions">{t('home.sessions.link')}</Link>
      </p>
    </div>
  );
}
