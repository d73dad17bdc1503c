// The rubric: automatic criteria met or not, each with a link to its moment; trainer-judged
// criteria (met, partly, not, comment) — a form for the trainer, the judgment for the learner
// once they have self-assessed; and the learner's own rating beside each criterion.
import { useId, useRef, useState, type Ref } from 'react';
import type {
  CriterionJudgment,
  CriterionRating,
  DebriefCriterion,
  DebriefViewer,
  JudgmentRequest,
  SelfAssessment,
} from '@ecoute/protocol';
import { CRITERION_RATINGS } from '@ecoute/protocol';
import { pluralForm, useI18n, type MessageKey } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useCallClock } from './callClock.js';
import './rubric.css';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

export const RATING_KEYS: Record<CriterionRating, MessageKey> = {
  met: 'debrief.rating.met',
  partly: 'debrief.rating.partly',
  not: 'debrief.rating.not',
};

type AutoBadge = 'met' | 'not' | 'unassessed';
const AUTO_KEYS: Record<AutoBadge, MessageKey> = {
  met: 'debrief.rubric.met',
  not: 'debrief.rubric.notMet',
  unassessed: 'debrief.rubric.notAssessed',
};

/** An automatic criterion's result: met, not met, or not assessed (never “met” by default). */
export function autoBadge(criterion: Pick<DebriefCriterion, 'assessed' | 'met'>): AutoBadge {
  if (criterion.assessed === false || criterion.met === undefined) return 'unassessed';
  return criterion.met ? 'met' : 'not';
}

/** Criteria grouped by competency, in the rubric's order. */
export function byCompetency(
  rubric: readonly DebriefCriterion[],
): { id: string; label: string; criteria: DebriefCriterion[] }[] {
  const groups: { id: string; label: string; criteria: DebriefCriterion[] }[] = [];
  for (const criterion of rubric) {
    let group = groups.find((g) => g.id === criterion.competency);
    if (!group) {
      group = { id: criterion.competency, label: criterion.competencyLabel, criteria: [] };
      groups.push(group);
    }
    group.criteria.push(criterion);
  }
  return groups;
}

export function RubricPanel({
  rubric,
  judgments,
  selfAssessment,
  viewer,
  onJump,
  onJudge,
  headingRef,
}: {
  rubric: readonly DebriefCriterion[];
  judgments: readonly CriterionJudgment[] | null;
  /** The heading, focused by the page when the learner's self-assessment reveals the results. */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  selfAssessment: SelfAssessment | null;
  viewer: DebriefViewer;
  onJump: (seq: number) => void;
  onJudge: (criterion: string, request: JudgmentRequest) => Promise<string | null>;
}) {
  const { t, lang } = useI18n();
  const clock = useCallClock();
  const headingId = useId();
  const metCount = rubric.filter((c) => c.kind === 'auto' && c.met === true).length;
  const autoCount = rubric.filter((c) => c.kind === 'auto').length;
  // `debrief.rubric.notAssessed`: the call never reached the criterion's window; never counted as met.
  const notAssessed = rubric.filter((c) => c.kind === 'auto' && c.assessed === false).length;
  // The learner rates themselves before seeing any result, the automatic ones included.
  const resultsHidden = viewer === 'listener' && selfAssessment === null;
  return (
    <section className="panel rubric" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef}>
        {t('debrief.rubric.heading')}
      </h2>
      {rubric.length === 0 ? <p className="muted">{t('debrief.rubric.none')}</p> : null}
      {resultsHidden ? <p className="muted">{t('debrief.rubric.resultsHidden')}</p> : null}
      {autoCount > 0 && !resultsHidden ? (
        <p>
          {t('debrief.rubric.summary', { met: metCount, total: autoCount - notAssessed })}
          {notAssessed > 0
            ? ` ${t(`debrief.rubric.notAssessedCount.${pluralForm(lang, notAssessed)}`, { count: notAssessed })}`
            : ''}
        </p>
      ) : null}
      {byCompetency(rubric).map((group) => (
        <section key={group.id} className="rubric__competency">
          <h3>
            <ScenarioText>{group.label}</ScenarioText>
          </h3>
          <ul className="rubric__list">
            {group.criteria.map((criterion) => {
              const own = selfAssessment?.ratings.find((r) => r.criterion === criterion.criterion);
              const judgment = judgments?.find((j) => j.criterion === criterion.criterion);
              return (
                <li key={criterion.criterion} className={`criterion criterion--${criterion.kind}`}>
                  <p className="criterion__label">
                    {criterion.kind === 'auto' ? (
                      resultsHidden ? (
                        <span className="badge badge--judged">{t('debrief.rubric.auto')}</span>
                      ) : (
                        <span className={`badge badge--${autoBadge(criterion)}`}>
                          {t(AUTO_KEYS[autoBadge(criterion)])}
                        </span>
                      )
                    ) : (
                      <span className="badge badge--judged">{t('debrief.rubric.judged')}</span>
                    )}{' '}
                    <ScenarioText>{criterion.label}</ScenarioText>
                  </p>
                  {criterion.help ? (
                    <p className="hint">
                      <ScenarioText>{criterion.help}</ScenarioText>
                    </p>
                  ) : null}
                  {criterion.evidence && !(resultsHidden && criterion.kind === 'auto') ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => criterion.evidence && onJump(criterion.evidence.seq)}
                    >
                      {t('debrief.seeMoment')}
                      <span className="visually-hidden">
                        {' '}
                        {t('debrief.atTime', { time: clock.format(criterion.evidence.t) })} —{' '}
                        <ScenarioText>{criterion.label}</ScenarioText>
                      </span>
                    </button>
                  ) : null}
                  {criterion.kind === 'judged' && viewer === 'trainer' ? (
                    <>
                      <JudgmentForm criterion={criterion} judgment={judgment ?? null} onJudge={onJudge} />
                      {/* On paper, where the form is not printed: the judgment, or that there is none yet. */}
                      <p className="print-only">
                        {judgment
                          ? `${t('debrief.rubric.trainerSays', { rating: t(RATING_KEYS[judgment.rating]) })}${
                              judgment.comment ? ` — ${judgment.comment}` : ''
                            }`
                          : t('debrief.rubric.notJudged')}
                      </p>
                    </>
                  ) : null}
                  {criterion.kind === 'judged' && viewer === 'listener' ? (
                    judgments === null ? (
                      <p className="muted">{t('debrief.rubric.judgmentHidden')}</p>
                    ) : judgment ? (
                      <p>
                        {t('debrief.rubric.trainerSays', { rating: t(RATING_KEYS[judgment.rating]) })}
                        {judgment.comment ? ` — ${judgment.comment}` : ''}
                      </p>
                    ) : (
                      <p className="muted">{t('debrief.rubric.notJudged')}</p>
                    )
                  ) : null}
                  {own ? (
                    <p className="criterion__self">
                      {t('debrief.rubric.selfSays', { rating: t(RATING_KEYS[own.rating]) })}
                      {own.comment ? ` — ${own.comment}` : ''}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}

function JudgmentForm({
  criterion,
  judgment,
  onJudge,
}: {
  criterion: DebriefCriterion;
  judgment: CriterionJudgment | null;
  onJudge: (criterion: string, request: JudgmentRequest) => Promise<string | null>;
}) {
  const { t } = useI18n();
  const [rating, setRating] = useState<CriterionRating | null>(judgment?.rating ?? null);
  const [comment, setComment] = useState(judgment?.comment ?? '');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  // Saved without a rating: `debrief.judgment.missing` describes the ratings, the first takes the focus.
  const [missing, setMissing] = useState(false);
  const missingId = useId();
  const firstRating = useRef<HTMLInputElement>(null);

  async function save(): Promise<void> {
    if (status === 'saving') return;
    if (!rating) {
      setMissing(true);
      firstRating.current?.focus();
      return;
    }
    setStatus('saving');
    const code = await onJudge(criterion.criterion, { rating, comment: comment.trim() });
    setError(code);
    setStatus(code ? 'idle' : 'saved');
  }

  return (
    <form
      className="judgment"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>
          <MessageWithScenario k="debrief.judgment.legend" scenario={{ criterion: criterion.label }} />
        </legend>
        <div className="judgment__ratings">
          {CRITERION_RATINGS.map((value, index) => (
            <label key={value}>
              <input
                ref={index === 0 ? firstRating : undefined}
                type="radio"
                name={name}
                value={value}
                checked={rating === value}
                aria-invalid={missing || undefined}
                aria-describedby={missing ? missingId : undefined}
                onChange={() => {
                  setRating(value);
                  setStatus('idle');
                  setMissing(false);
                }}
              />{' '}
              {t(RATING_KEYS[value])}
            </label>
          ))}
        </div>
        {missing ? (
          <p id={missingId} className="debrief__missing">
            {t('debrief.judgment.missing')}
          </p>
        ) : null}
        <label className="judgment__comment">
          {t('debrief.judgment.comment')}
          <textarea
            rows={2}
            value={comment}
            maxLength={2000}
            onChange={(event) => {
              setComment(event.target.value);
              setStatus('idle');
            }}
          />
        </label>
        {/* Never disabled: a focused button that disables itself drops the focus, and a dimmed one
            says nothing of why (without a rating, saving says it). */}
        <button
          type="submit"
          className="button button--small"
          aria-disabled={status === 'saving' || undefined}
        >
          {t('debrief.judgment.save')}
        </button>{' '}
        <span className="muted" role="status">
          {status === 'saved' ? t('debrief.saved') : ''}
        </span>
        <ErrorAlert code={error} />
      </fieldset>
    </form>
  );
}
