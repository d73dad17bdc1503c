// The learner's self-assessment: their own rating of each criterion, and a word on the call.
// Sent once, before they see the trainer's judgments (the server holds that rule).
// The focus never drops to the page: `debrief.self.submit` gives way to the confirmation, whose
// `debrief.self.confirmYes` takes it; its cancel gives it back to the submit button (sent, the form
// goes: the page moves the focus to the rubric, `DebriefView`). Sent empty (no rating, no word),
// it is not disabled but says why, `debrief.self.missing`, on the comment's field, which takes the focus.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { CriterionRating, DebriefCriterion, SelfAssessmentRequest } from '@ecoute/protocol';
import { CRITERION_RATINGS } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { RATING_KEYS, byCompetency } from './RubricPanel.js';
import { ScenarioText } from '../i18n/ScenarioText.js';

export function SelfAssessmentForm({
  rubric,
  onSubmit,
}: {
  rubric: readonly DebriefCriterion[];
  onSubmit: (request: SelfAssessmentRequest) => Promise<string | null>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [ratings, setRatings] = useState<Record<string, CriterionRating>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const missingId = useId();
  const commentField = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const confirmText = useId();
  const wasConfirming = useRef(false);
  // In the commit that swaps the buttons: the one that had the focus is gone.
  useLayoutEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) {
      const active = document.activeElement;
      if (!active || active === document.body) submitButton.current?.focus();
    }
    wasConfirming.current = confirming;
  }, [confirming]);

  const request: SelfAssessmentRequest = {
    ratings: Object.entries(ratings).map(([criterion, rating]) => ({
      criterion,
      rating,
      comment: (comments[criterion] ?? '').trim(),
    })),
    comment: comment.trim(),
  };
  const empty = request.ratings.length === 0 && request.comment === '';

  async function send(): Promise<void> {
    setSending(true);
    const code = await onSubmit(request);
    setSending(false);
    setConfirming(false);
    setError(code);
  }

  return (
    <section className="panel self-assessment" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.self.heading')}</h2>
      <p>{t('debrief.self.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!empty) {
            setConfirming(true);
            return;
          }
          setMissing(true);
          commentField.current?.focus();
        }}
      >
        {byCompetency(rubric).map((group) => (
          <fieldset key={group.id} className="self-assessment__competency">
            <legend>
              <ScenarioText>{group.label}</ScenarioText>
            </legend>
            {group.criteria.map((criterion) => (
              <div
                key={criterion.criterion}
                className="self-assessment__criterion"
                role="radiogroup"
                aria-label={criterion.label}
              >
                <p className="criterion__label">
                  <ScenarioText>{criterion.label}</ScenarioText>
                </p>
                <div className="judgment__ratings">
                  {CRITERION_RATINGS.map((value) => (
                    <label key={value}>
                      <input
                        type="radio"
                        name={`self-${criterion.criterion}`}
                        value={value}
                        checked={ratings[criterion.criterion] === value}
                        onChange={() => {
                          setRatings((all) => ({ ...all, [criterion.criterion]: value }));
                          setMissing(false);
                        }}
                      />{' '}
                      {t(RATING_KEYS[value])}
                    </label>
                  ))}
                </div>
                {ratings[criterion.criterion] ? (
                  <label className="judgment__comment">
                    {t('debrief.self.criterionComment', { criterion: criterion.label })}
                    <input
                      type="text"
                      maxLength={2000}
                      value={comments[criterion.criterion] ?? ''}
                      onChange={(event) =>
                        setComments((all) => ({ ...all, [criterion.criterion]: event.target.value }))
                      }
                    />
                  </label>
                ) : null}
              </div>
            ))}
          </fieldset>
        ))}
        <label className="judgment__comment">
          {t('debrief.self.comment')}
          <textarea
            ref={commentField}
            rows={3}
            maxLength={2000}
            value={comment}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? missingId : undefined}
            onChange={(event) => {
              setComment(event.target.value);
              if (event.target.value.trim() !== '') setMissing(false);
            }}
          />
        </label>
        {missing ? (
          <p id={missingId} className="debrief__missing">
            {t('debrief.self.missing')}
          </p>
        ) : null}
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby={confirmText}>
            <p id={confirmText}>{t('debrief.self.confirm')}</p>
            {/* Not disabled while sending: a focused button that disables itself drops the focus. */}
            <button
              ref={confirmButton}
              type="button"
              className="button"
              onClick={() => {
                if (!sending) void send();
              }}
              aria-disabled={sending || undefined}
            >
              {t('debrief.self.confirmYes')}
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('debrief.cancel')}
            </button>
          </div>
        ) : (
          <button ref={submitButton} type="submit" className="button">
            {t('debrief.self.submit')}
          </button>
        )}
        <ErrorAlert code={error} />
      </form>
    </section>
  );
}
