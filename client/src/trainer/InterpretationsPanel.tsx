import { useId } from 'react';
import type { Input, MoveOption, SpeechView, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { formatDuration } from '../ui/formatDuration.js';
import { pickupTime } from '../ui/useCallElapsed.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { closenessKey, readingKeys } from '../ui/speechCloseness.js';
import { CorrectionForm, type Choice } from './CorrectionForm.js';

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

/** What the trainer's readings and the pick request are given (`TrainerPage` gives both the same). */
export interface ReadingsProps {
  speech: SpeechView;
  entries: readonly TimelineEntry[];
  /**
   * The moves the state offers now: the choices of a correction only for a sentence recorded
   * without the moves offered when it was said (before they were recorded).
   */
  moves: readonly MoveOption[];
  labels: KnownLabels;
  enabled: boolean;
  /**
   * The call is over: the server refuses a correction or a pick then (`session/ended`), so the
   * readings stay as a record, with no form, and no request shows (`enabled` only says whether
   * one can be sent now).
   */
  ended?: boolean;
  onCorrect: (n: number, move: string) => Promise<boolean>;
}

/**
 * Free speech, for the trainer: every sentence with the move it was read as and how close it came
 * (and the runner-up), live; a correction for each, among the moves offered when it was said (the
 * move it should have been: applied now if the state still offers it). The pick asked of the
 * trainer for a sentence not understood is `PickRequest`, at the top of the console: its
 * sentence has no correction form here meanwhile.
 */
export function InterpretationsPanel({
  speech,
  entries,
  moves,
  labels,
  enabled,
  ended = false,
  onCorrect,
}: ReadingsProps) {
  const { t } = useI18n();
  const headingId = useId();
  const readings = readingsOf(entries);
  // One clock: call time from pickup, as in the transcript and the status bar.
  const origin = pickupTime(entries) ?? 0;
  const label = (move: string | null) =>
    move === null ? t('speech.none') : (labels.moves.get(move) ?? move);
  const pending = ended ? null : speech.pending;
  return (
    <section className="panel interpretations" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('speech.trainer.heading')}</h2>
      <p className="muted">{t('speech.trainer.mode', { mode: t(`speech.mode.${speech.mode}`) })}</p>
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
                {t(
                  readingKeys(reading.input, {
                    readAs: 'speech.trainer.readAs',
                    notUnderstood: 'speech.trainer.notUnderstood',
                    notUnderstoodNone: 'speech.trainer.notUnderstoodNone',
                  }),
                  { move: label(reading.input.move), closeness: t(closenessKey(reading.input.score)) },
                )}
                {reading.input.runnerUp
                  ? ` ${t('speech.trainer.runnerUp', {
                      move: label(reading.input.runnerUp.move),
                      closeness: t(closenessKey(reading.input.runnerUp.score)),
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
