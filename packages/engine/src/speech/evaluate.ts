// Measures the matcher on hand-labelled sentences (scenarios/speech/<id>.labels.yaml): top-1
// accuracy among the moves the labelled states offer, and the confusion matrix; and, for the
// sentences labelled `move: null` (small talk, fillers, yes/no questions off the call's matter:
// no move of the call), how many were wrongly accepted as a move (read at or above the
// threshold). Pure: the `scenario speech-eval` command and the scenarios' test read the files
// and print.
import { z } from 'zod';
import { availableByState } from '../scenario/availability.js';
import type { CompiledScenario } from '../scenario/compile.js';
import { UNDERSTOOD_THRESHOLD, speechMatcherFor } from './matcher.js';

export const speechLabelsSchema = z.strictObject({
  scenario: z.string(),
  groups: z.array(
    z.strictObject({
      /** The active states (every region's leaf): the moves offered are those they handle. */
      states: z.array(z.string()).min(1),
      /** `move: null`: no move of the call (the caller should say « Pardon ? »). */
      sentences: z
        .array(z.strictObject({ say: z.string().min(1), move: z.string().min(1).nullable() }))
        .min(1),
    }),
  ),
});
export type SpeechLabels = z.infer<typeof speechLabelsSchema>;

export interface SpeechMiss {
  say: string;
  /** null: a sentence labelled as no move, accepted as `got`. */
  expected: string | null;
  got: string | null;
  score: number;
}

export interface SpeechEvaluation {
  /** Sentences labelled with a move (the off-topic ones are counted apart). */
  total: number;
  correct: number;
  accuracy: number;
  /** Sentences scored at or above the threshold (understood), and how many of them were right. */
  understood: number;
  understoodRight: number;
  /** expected move → chosen move (or `—` when nothing scored) → count. */
  confusion: Record<string, Record<string, number>>;
  /** Sentences labelled as no move, and how many of them were read as a move at or above the threshold. */
  offTopic: number;
  offTopicAccepted: number;
  misses: SpeechMiss[];
  /** Labels that cannot be measured: an unknown state, or a move those states do not offer. */
  errors: string[];
}

/** The moves offered when `states` are active (ignoring guards: what the states handle). */
export function offeredIn(compiled: Pick<CompiledScenario, 'scenario'>, states: readonly string[]): string[] {
  const byState = availableByState(compiled);
  const offered = new Set<string>();
  for (const state of states) for (const move of byState[state]?.moves ?? []) offered.add(move);
  return Object.keys(compiled.scenario.moves).filter((id) => offered.has(id));
}

export function evaluateSpeech(compiled: CompiledScenario, labels: SpeechLabels): SpeechEvaluation {
  const matcher = speechMatcherFor(compiled.scenario.moves);
  const byState = availableByState(compiled);
  const result: SpeechEvaluation = {
    total: 0,
    correct: 0,
    accuracy: 0,
    understood: 0,
    understoodRight: 0,
    confusion: {},
    offTopic: 0,
    offTopicAccepted: 0,
    misses: [],
    errors: [],
  };
  for (const group of labels.groups) {
    const unknown = group.states.filter((s) => !(s in byState));
    if (unknown.length > 0) {
      result.errors.push(`état inconnu : ${unknown.join(', ')}`);
      continue;
    }
    const offered = offeredIn(compiled, group.states);
    for (const { say, move } of group.sentences) {
      if (move === null) {
        const reading = matcher.match(say, offered);
        result.offTopic += 1;
        if (reading.move !== null && reading.score >= UNDERSTOOD_THRESHOLD) {
          result.offTopicAccepted += 1;
          result.misses.push({ say, expected: null, got: reading.move, score: reading.score });
        }
        continue;
      }
      if (!offered.includes(move)) {
        result.errors.push(`« ${say} » : ${move} n'est pas proposé dans ${group.states.join(' + ')}`);
        continue;
      }
      const reading = matcher.match(say, offered);
      const got = reading.move ?? '—';
      result.total += 1;
      const row = (result.confusion[move] ??= {});
      row[got] = (row[got] ?? 0) + 1;
      if (reading.move === move) result.correct += 1;
      if (reading.score >= UNDERSTOOD_THRESHOLD) {
        result.understood += 1;
        if (reading.move === move) result.understoodRight += 1;
      } else result.misses.push({ say, expected: move, got: reading.move, score: reading.score });
    }
  }
  result.accuracy = result.total === 0 ? 0 : result.correct / result.total;
  return result;
}

/** Sums several scenarios' evaluations (the library's figure). */
export function mergeEvaluations(parts: readonly SpeechEvaluation[]): SpeechEvaluation {
  const out: SpeechEvaluation = {
    total: 0,
    correct: 0,
    accuracy: 0,
    understood: 0,
    understoodRight: 0,
    confusion: {},
    offTopic: 0,
    offTopicAccepted: 0,
    misses: [],
    errors: [],
  };
  for (const part of parts) {
    out.total += part.total;
    out.correct += part.correct;
    out.understood += part.understood;
    out.understoodRight += part.understoodRight;
    out.offTopic += part.offTopic;
    out.offTopicAccepted += part.offTopicAccepted;
    out.misses.push(...part.misses);
    out.errors.push(...part.errors);
    for (const [expected, row] of Object.entries(part.confusion)) {
      const target = (out.confusion[expected] ??= {});
      for (const [got, n] of Object.entries(row)) target[got] = (target[got] ?? 0) + n;
    }
  }
  out.accuracy = out.total === 0 ? 0 : out.correct / out.total;
  return out;
}

/**
 * The report: accuracy, then the confusion matrix as one line per expected move (correct count,
 * then what it was taken for), then the misses.
 */
export function formatSpeechReport(title: string, evaluation: SpeechEvaluation): string {
  const lines = [
    `${title} : ${evaluation.correct}/${evaluation.total} phrases, précision top-1 ${(evaluation.accuracy * 100).toFixed(1)} %`,
    `Au-dessus du seuil ${UNDERSTOOD_THRESHOLD} (comprises) : ${evaluation.understood}/${evaluation.total}, dont ${evaluation.understoodRight} justes ; les autres : « Pardon ? » (ou le choix du formateur)`,
    `Hors sujet (aucune action) : ${evaluation.offTopicAccepted}/${evaluation.offTopic} acceptées à tort comme une action`,
    'Matrice de confusion (attendu → choisi : nombre) :',
  ];
  for (const expected of Object.keys(evaluation.confusion).sort()) {
    const row = evaluation.confusion[expected]!;
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    const others = Object.entries(row)
      .filter(([got]) => got !== expected)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([got, n]) => `${got} ${n}`);
    lines.push(
      `  ${expected.padEnd(28)} ${String(row[expected] ?? 0).padStart(3)}/${String(total).padEnd(3)}${others.length ? `  ✗ ${others.join(', ')}` : ''}`,
    );
  }
  if (evaluation.misses.length > 0) {
    lines.push('Erreurs :');
    for (const miss of evaluation.misses)
      lines.push(
        `  « ${miss.say} » : attendu ${miss.expected ?? 'aucune action'}, lu ${miss.got ?? '—'} (${miss.score})`,
      );
  }
  for (const error of evaluation.errors) lines.push(`! ${error}`);
  return lines.join('\n');
}
