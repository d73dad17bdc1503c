import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Input, MoveOption, SpeechView, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { formatDuration } from '../ui/formatDuration.js';
import { pickupTime } from '../ui/useCallElapsed.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { formatPercent } from '../i18n/formatPercent.js';
import type { I18n } from '../i18n/I18nContext.js';

type Interpret = Extract<Input, { kind: 'interpret' }>;
type Correct = Extract<Input, { kind: 'correct' }>;

interface Reading {
  seq: number;
  t: number;
  input: Interpret;
  corrections: Correct[];
}

/** The session's interpretations in order, each with the trainer's corrections of it. */
export function readingsOf(entries: readonly TimelineEntry[]): Reading[] {
  const readings: Reading[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'input') continue;
    if (entry.input.kind === 'interpret')
      readings.push({ seq: entry.seq, t: entry.t, input: entry.input, corrections: [] });
    else if (entry.input.kind === 'correct') {
      const n = entry.input.n;
      readings.find((r) => r.input.n === n)?.corrections.push(entry.input);
    }
  }
  return readings;
}

/** A correction's choice: a move by its id and the label people read. */
type Choice = Pick<MoveOption, 'id' | 'label'>;

/**
 * The moves a correction of `reading` may name: those offered when its sentence was said, as
 * recorded with it (the server refuses any other). A reading recorded before the record had
 * them falls back on the moves offered now.
 */
export function choicesOf(
  reading: Interpret,
  now: readonly MoveOption[],
  labels: ReadonlyMap<string, string>,
): readonly Choice[] {
  if (reading.offered === undefined) return now;
  return reading.offered.map((id) => ({ id, label: labels.get(id) ?? id }));
}

/** A score as people read it: a whole percentage, in the page's language. */
export function scoreText(t: I18n['t'], score: number): string {
  return formatPercent(t, score);
}

/**
 * Free speech, for the trainer: every sentence with the move it was read as and its score (and
 * the runner-up), live; a correction for each, among the moves offered when it was said (the
 * move it should have been: applied now if the state still offers it); and, when a sentence was
 * not understood, the pick asked of the trainer before the caller asks the listener to say it
 * again.
 */
export function InterpretationsPanel({
  speech,
  entries,
  moves,
  labels,
  now,
  sessionNow,
  enabled,
  ended = false,
  onCorrect,
}: {
  speech: SpeechView;
  entries: readonly TimelineEntry[];
  /**
   * The moves the state offers now: the choices of a correction only for a sentence recorded
   * without the moves offered when it was said (before they were recorded).
   */
  moves: readonly MoveOption[];
  labels: KnownLabels;
  /** Session time of the view (for the pick's countdown). */
  now: number;
  /** The session time now, as the page estimates it: the countdown then counts down each second. */
  sessionNow?: () => number;
  enabled: boolean;
  /**
   * The call is over: the server refuses a correction then (`session/ended`), so the readings
   * stay as a record, with no form (`enabled` only says whether a correction can be sent now).
   */
  ended?: boolean;
  onCorrect: (n: number, move: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const readings = readingsOf(entries);
  // One clock: call time from pickup, as in the transcript and the status bar.
  const origin = pickupTime(entries) ?? 0;
  const label = (move: string | null) =>
    move === null ? t('speech.none') : (labels.moves.get(move) ?? move);
  const pending = ended ? null : speech.pending;
  const choices = (n: number): readonly Choice[] => {
    const reading = readings.find((r) => r.input.n === n);
    return reading ? choicesOf(reading.input, moves, labels.moves) : moves;
  };
  // While a pick waits, the countdown is read again each second (the view's time stands still
  // between two updates: the seconds left stood still).
  const [, setTick] = useState(0);
  const waiting = pending !== null && sessionNow !== undefined;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [waiting]);
  const current = sessionNow ? Math.max(now, sessionNow()) : now;
  return (
    <section className="panel interpretations" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('speech.trainer.heading')}</h2>
      <p className="muted">{t('speech.trainer.mode', { mode: t(`speech.mode.${speech.mode}`) })}</p>
      {pending ? (
        <div className="interpretations__pick">
          {/* Only the question is announced, not the form's 27 choices with it. */}
          <p role="alert">
            {t('speech.trainer.pick', {
              text: pending.text,
              seconds: Math.max(0, Math.ceil((pending.dueT - current) / 1000)),
            })}
          </p>
          <CorrectionForm
            n={pending.n}
            moves={choices(pending.n)}
            initial={pending.move}
            enabled={enabled}
            submitLabel={t('speech.trainer.pickSubmit')}
            onCorrect={onCorrect}
          />
        </div>
      ) : null}
      {readings.length === 0 ? <p className="muted">{t('speech.trainer.none')}</p> : null}
      <ol className="interpretations__list">
        {readings
          .slice()
          .reverse()
          .map((reading) => (
            <li key={reading.seq} className="interpretations__item">
              <p>
                <q>{reading.input.text}</q>{' '}
                <span className="muted">{formatDuration(Math.max(0, reading.t - origin))}</span>
              </p>
              <p>
                {reading.input.understood
                  ? t('speech.trainer.readAs', {
                      move: label(reading.input.move),
                      score: scoreText(t, reading.input.score),
                    })
                  : t('speech.trainer.notUnderstood', {
                      move: label(reading.input.move),
                      score: scoreText(t, reading.input.score),
                    })}
                {reading.input.runnerUp
                  ? ` ${t('speech.trainer.runnerUp', {
                      move: label(reading.input.runnerUp.move),
                      score: scoreText(t, reading.input.runnerUp.score),
                    })}`
                  : null}
              </p>
              {reading.corrections.map((c, i) => (
                <p key={i} className="interpretations__correction">
                  {t(c.applied ? 'speech.trainer.correctedApplied' : 'speech.trainer.correctedNoted', {
                    move: label(c.move),
                  })}
                </p>
              ))}
              {ended || pending?.n === reading.input.n ? null : (
                <CorrectionForm
                  n={reading.input.n}
                  moves={choicesOf(reading.input, moves, labels.moves)}
                  initial={reading.input.move}
                  about={reading.input.text}
                  enabled={enabled}
                  submitLabel={t('speech.trainer.correct')}
                  onCorrect={onCorrect}
                />
              )}
            </li>
          ))}
      </ol>
    </section>
  );
}

function CorrectionForm({
  n,
  moves,
  initial,
  about,
  enabled,
  submitLabel,
  onCorrect,
}: {
  n: number;
  /** The moves offered when the sentence was said. */
  moves: readonly Choice[];
  /** The move the select starts on: the one the sentence was read as (none: the first). */
  initial: string | null;
  /** The sentence corrected, in the select's name (each reading has its own). */
  about?: string;
  enabled: boolean;
  submitLabel: string;
  onCorrect: (n: number, move: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const selectId = useId();
  const offered = moves.some((m) => m.id === initial) ? initial : null;
  const [move, setMove] = useState<string>(offered ?? moves[0]?.id ?? '');
  const chosen = moves.some((m) => m.id === move) ? move : (moves[0]?.id ?? '');
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!chosen) return;
    void onCorrect(n, chosen);
  }
  return (
    <form className="interpretations__form" onSubmit={submit}>
      <label htmlFor={selectId}>
        {t('speech.trainer.correctLabel')}
        {about !== undefined ? (
          <span className="visually-hidden"> {t('speech.trainer.correctOf', { text: about })}</span>
        ) : null}
      </label>{' '}
      <select id={selectId} value={chosen} disabled={!enabled} onChange={(e) => setMove(e.target.value)}>
        {moves.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={!enabled || !chosen}>
        {submitLabel}
      </button>
    </form>
  );
}
