// `/debrief/:sessionId#k=<token>`: the debrief of a session, for its trainer (trainer's link, or
// signed in: from the sessions list, without a token) and for its learner (the listener's link). The token
// stays in the fragment: it only goes into the `Authorization` header of the REST calls.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Debrief } from '@ecoute/protocol';
import { LearnerHistory } from '../account/LearnerHistory.js';
import { LearnerBadges } from '../badges/LearnerBadges.js';
import { takeRoleToken } from '../app/takeRoleToken.js';
import { errorMessageKey, useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { httpDebriefApi, type DebriefApi } from './debriefApi.js';
import { DebriefView } from './DebriefView.js';
import './debrief.css';
import '../ui/transcript.css';

type LoadState =
  { status: 'loading' } | { status: 'failed'; code: string } | { status: 'ready'; debrief: Debrief };

/** `?seq=<n>`: the moment to open at (a cell of the group debrief), if any. */
function seqParam(search: string): number | undefined {
  const seq = Number(new URLSearchParams(search).get('seq') ?? NaN);
  return Number.isInteger(seq) && seq >= 0 ? seq : undefined;
}

export function DebriefPage({
  apiFor = httpDebriefApi,
}: {
  apiFor?: (sessionId: string, token: string) => DebriefApi;
}) {
  const { t } = useI18n();
  const { sessionId } = useParams();
  const { hash, pathname, search } = useLocation();
  const token = useMemo(() => takeRoleToken(pathname, hash), [pathname, hash]);
  // Signed in (from the sessions list), a trainer opens the debrief without a token.
  const api = useMemo(() => (sessionId ? apiFor(sessionId, token ?? '') : null), [apiFor, sessionId, token]);
  // The answer that arrived while the app started is shown at once: no loading message first.
  const arrived = useRef<DebriefApi | null>(null);
  const [state, setState] = useState<LoadState>(() => {
    const answer = api?.arrived?.();
    if (!answer) return { status: 'loading' };
    arrived.current = api;
    return answer.ok ? { status: 'ready', debrief: answer.data } : { status: 'failed', code: answer.code };
  });

  useEffect(() => {
    if (!api || arrived.current === api) return;
    let current = true;
    setState({ status: 'loading' });
    void api.load().then((result) => {
      if (!current) return;
      setState(
        result.ok ? { status: 'ready', debrief: result.data } : { status: 'failed', code: result.code },
      );
    });
    return () => {
      current = false;
    };
  }, [api]);

  const title =
    state.status === 'ready'
      ? t('debrief.title', { scenario: state.debrief.scenario.title })
      : t('debrief.heading');
  useDocumentTitle(title);

  if (!api) {
    return (
      <div className="debrief">
        <h1>{t('debrief.heading')}</h1>
        <ErrorAlert code="client/missing_token" />
      </div>
    );
  }
  if (state.status !== 'ready') {
    const failure =
      state.status !== 'failed'
        ? null
        : t(state.code === 'auth/forbidden_role' ? 'debrief.forbiddenRole' : errorMessageKey(state.code));
    return (
      <div className="debrief">
        <h1>{t('debrief.heading')}</h1>
        {state.status === 'loading' ? (
          <p className="notice" role="status">
            {t('debrief.loading')}
          </p>
        ) : null}
        {/* An observer's (or caller actor's) link has no debrief: `debrief.forbiddenRole` says whose
            links open it, rather than the generic `error.auth/forbidden_role`. */}
        <div role="alert" className={failure ? 'alert alert--error' : 'alert'}>
          {failure}
        </div>
        {failure ? (
          <p>
            <Link to="/">{t('nav.back.home')}</Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <>
      <DebriefView
        key={state.debrief.session.id}
        initial={state.debrief}
        api={api}
        initialSeq={seqParam(search)}
      />
      {state.debrief.viewer === 'listener' && token ? (
        <LearnerHistory sessionId={state.debrief.session.id} token={token} />
      ) : null}
      {state.debrief.viewer === 'listener' && token ? (
        <LearnerBadges sessionId={state.debrief.session.id} token={token} />
      ) : null}
    </>
  );
}
