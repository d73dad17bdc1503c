// The automatic measures of the call, each with the moment it points at. A measure is a duration,
// written as one (`formatSpan`); the moment it points at is a clock reading (`CallClock.format`).
import { useId } from 'react';
import type { DebriefMeasures, ListenerNote, MeasuredSpan, MomentRef } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { formatSpan } from '../i18n/formatSpan.js';
import { joinParts } from '../i18n/joinParts.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { endingMessage, outcomeText } from '../ui/describeEntry.js';
import { useCallClock } from './callClock.js';

function JumpButton({
  at,
  label,
  onJump,
  timed = true,
}: {
  at: MomentRef;
  label: string;
  onJump: (seq: number) => void;
  /** False for the pickup: call time starts there, so “at 0:00” after “0:14” would contradict. */
  timed?: boolean;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  return (
    <button type="button" className="button button--secondary button--small" onClick={() => onJump(at.seq)}>
      {t('debrief.seeMoment')}
      <span className="visually-hidden">
        {' '}
        {joinParts(t, [timed && t('debrief.atTime', { time: clock.format(at.t) }), label], 'dash')}
      </span>
    </button>
  );
}

export function MeasuresPanel({
  measures,
  onJump,
}: {
  measures: DebriefMeasures;
  onJump: (seq: number) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  // Each measure's words when there is nothing to measure; the alert's only for a call that
  // offers to alert a colleague (else `debrief.measures.noAlert` would blame a move the call never had).
  const spans: [MessageKey, MeasuredSpan | null, MessageKey][] = [
    ['debrief.measures.pickup', measures.timeToPickup, 'debrief.measures.never'],
    ['debrief.measures.openQuestion', measures.timeToFirstOpenQuestion, 'debrief.measures.noOpenQuestion'],
    ['debrief.measures.silence', measures.longestSilence, 'debrief.measures.noSilence'],
  ];
  if (measures.alertMove)
    spans.push(['debrief.measures.alert', measures.timeToAlertColleague, 'debrief.measures.noAlert']);
  return (
    <section className="panel measures" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.measures.heading')}</h2>
      <dl className="measures__list">
        {spans.map(([key, span, missing]) => (
          <div key={key} className="measures__item">
            <dt>{t(key)}</dt>
            <dd>
              {span ? (
                <>
                  <span className="measures__value">{formatSpan(t, span.ms)}</span>{' '}
                  <JumpButton
                    at={span.to}
                    label={t(key)}
                    onJump={onJump}
                    timed={key !== 'debrief.measures.pickup'}
                  />
                </>
              ) : (
                <span className="muted">{t(missing)}</span>
              )}
            </dd>
          </div>
        ))}
        <div className="measures__item">
          <dt>{t('debrief.measures.reformulations')}</dt>
          <dd>
            <span className="measures__value">{measures.reformulations.count}</span>{' '}
            {measures.reformulations.moments[0] ? (
              <JumpButton
                at={measures.reformulations.moments[0]}
                label={t('debrief.measures.reformulations')}
                onJump={onJump}
              />
            ) : null}
          </dd>
        </div>
        <div className="measures__item">
          <dt>{t('debrief.measures.outcome')}</dt>
          <dd>
            {measures.outcome ? (
              <>
                <span className={`measures__value outcome--${measures.outcome.outcome ?? 'none'}`}>
                  {outcomeText(t, measures.outcome.outcome)}
                </span>{' '}
                <JumpButton at={measures.outcome.at} label={t('debrief.measures.outcome')} onJump={onJump} />
                {measures.outcome.message ? (
                  <p className="hint">
                    {measures.outcome.ending === null ? (
                      endingMessage(t, measures.outcome)
                    ) : (
                      <ScenarioText>{measures.outcome.message}</ScenarioText>
                    )}
                  </p>
                ) : null}
              </>
            ) : (
              <span className="muted">{t('debrief.measures.notEnded')}</span>
            )}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('debrief.measures.rules')}</p>
    </section>
  );
}

export function NotesPanel({
  notes,
  viewer,
  onJump,
}: {
  notes: readonly ListenerNote[];
  viewer: 'trainer' | 'listener';
  onJump: (seq: number) => void;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const headingId = useId();
  return (
    <section className="panel notes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.notes.heading')}</h2>
      <p className="hint">
        {t(viewer === 'trainer' ? 'debrief.notes.trainerRule' : 'debrief.notes.listenerRule')}
      </p>
      {notes.length === 0 ? (
        <p className="muted">{t('debrief.notes.none')}</p>
      ) : (
        <ul className="notes__list">
          {notes.map((note) => (
            <li key={note.seq}>
              <p>
                <span className="entry__time">{clock.format(note.t)}</span>{' '}
                {note.shared ? null : <span className="badge">{t('debrief.notes.private')}</span>} {note.text}
              </p>
              <JumpButton at={note} label={note.text} onJump={onJump} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
