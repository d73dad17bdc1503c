// The debrief's header: the scenario, who took part, when, how long, how it ended, and the
// exports. It does not follow the moment. The facts may come after the first paint (`facts`):
// the date's formatter is costly the first time a page makes one.
import { Link } from 'react-router';
import type { Debrief } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { formatSpan } from '../i18n/formatSpan.js';
import { outcomeText } from '../ui/describeEntry.js';
import { useCallClock } from './callClock.js';
import type { DebriefApi } from './debriefApi.js';
import { ExportButtons } from './ExportButtons.js';

export function DebriefHeader({
  debrief,
  api,
  facts = true,
}: {
  debrief: Debrief;
  api: DebriefApi;
  facts?: boolean;
}) {
  const { t } = useI18n();
  const { session, scenario } = debrief;
  return (
    <header className="debrief__header">
      <h1>
        <MessageWithScenario k="debrief.title" scenario={{ scenario: scenario.title }} />
      </h1>
      {/* The way back: a trainer's to the sessions list, a learner's (often without an account) home. */}
      <p className="debrief__back">
        {debrief.viewer === 'trainer' ? (
          <Link to="/sessions">{t('nav.back.sessions')}</Link>
        ) : (
          <Link to="/">{t('nav.back.home')}</Link>
        )}
      </p>
      {facts ? <DebriefFacts debrief={debrief} /> : null}
      {!debrief.callOver ? <p className="notice">{t('debrief.callLive')}</p> : null}
      <ExportButtons
        sessionId={session.id}
        api={api}
        trainer={debrief.viewer === 'trainer'}
        lrs={debrief.lrsConfigured}
      />
    </header>
  );
}

/** Who took part, when, how long, how it ended. */
function DebriefFacts({ debrief }: { debrief: Debrief }) {
  const { t } = useI18n();
  const clock = useCallClock();
  const { session } = debrief;
  return (
    <dl className="debrief__facts">
      <div>
        <dt>{t('debrief.facts.date')}</dt>
        <dd>{formatDateTime(t, session.createdAt)}</dd>
      </div>
      <div>
        <dt>{t('role.listener')}</dt>
        <dd>{session.learner ?? t('debrief.facts.unnamed')}</dd>
      </div>
      <div>
        <dt>{t('role.trainer')}</dt>
        {/* No trainer name: the trainer never joined this call (a class call run from the floor). */}
        <dd>{session.trainer ?? t('debrief.facts.trainerAbsent')}</dd>
      </div>
      <div>
        <dt>{t('debrief.facts.duration')}</dt>
        {/* A duration, not a moment: from the pickup to the end, as the call clock counts it. */}
        <dd>{formatSpan(t, clock.callMs(session.durationMs))}</dd>
      </div>
      <div>
        <dt>{t('outcome.label')}</dt>
        {/* A call not over has no outcome yet: `debrief.measures.notEnded`, as its measures say, not `outcome.none`. */}
        <dd>
          {debrief.callOver
            ? outcomeText(t, debrief.measures.outcome?.outcome ?? null)
            : t('debrief.measures.notEnded')}
        </dd>
      </div>
    </dl>
  );
}
