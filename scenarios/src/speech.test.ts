// The free-speech matcher measured on the hand-labelled sentences of the library calls
// (scenarios/speech/*.labels.yaml): `npm run scenario -- speech-eval` prints the same report.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  compileScenario,
  evaluateSpeech,
  formatSpeechReport,
  loadYaml,
  mergeEvaluations,
  parseScenario,
  speechLabelsSchema,
  type SpeechEvaluation,
} from '@ecoute/engine';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const labelFiles = readdirSync(path.join(dir, 'speech')).filter((f) => f.endsWith('.labels.yaml'));

/**
 * The accuracy reached on the labelled sentences (0.86 when they were written, 0.887 once the
 * matcher read a sentence's form); a change that lowers it fails here.
 */
const FLOOR = 0.88;
/** Sentences read right and understood (at or above the threshold): 350 before the form, 352 after. */
const UNDERSTOOD_RIGHT_FLOOR = 352;
/**
 * Off-topic sentences (`move: null`) read as a move at or above the threshold: 19 of 95 before
 * the matcher read a sentence's form (« Euh, il fait beau chez vous ? » as « Question ouverte »),
 * 6 after (personal questions: « Vous étudiez quoi ? », « Vous aimez la France ? »…).
 */
const OFF_TOPIC_ACCEPTED_CEILING = 6;

function evaluate(file: string): SpeechEvaluation {
  const loaded = loadYaml(readFileSync(path.join(dir, 'speech', file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.errors)}`);
  const labels = speechLabelsSchema.parse(loaded.loaded.value);
  const parsed = parseScenario(readFileSync(path.join(dir, `${labels.scenario}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(`${labels.scenario}: ${JSON.stringify(parsed.errors)}`);
  return evaluateSpeech(compileScenario(parsed.scenario), labels);
}

describe('free-speech matcher on the labelled library sentences', () => {
  const results = labelFiles.map((file) => ({ file, evaluation: evaluate(file) }));
  const all = mergeEvaluations(results.map((r) => r.evaluation));

  it('has at least 300 labelled sentences over the library calls (one file per call), all measurable', () => {
    expect(labelFiles.length).toBeGreaterThanOrEqual(7);
    expect(all.errors).toEqual([]);
    expect(all.total).toBeGreaterThanOrEqual(300);
  });

  it(`reads at least ${FLOOR * 100} % of them as their labelled move (top-1 among the offered moves)`, () => {
    if (process.env.SPEECH_REPORT) {
      for (const { file, evaluation } of results) console.log(formatSpeechReport(file, evaluation));
      console.log(formatSpeechReport('Bibliothèque', all));
    }
    expect(all.accuracy).toBeGreaterThanOrEqual(FLOOR);
    expect(all.understoodRight).toBeGreaterThanOrEqual(UNDERSTOOD_RIGHT_FLOOR);
  });

  it(`accepts at most ${OFF_TOPIC_ACCEPTED_CEILING} of the off-topic sentences (small talk, fillers, yes/no questions) as a move`, () => {
    expect(all.offTopic).toBeGreaterThanOrEqual(90);
    for (const { file, evaluation } of results) expect([file, evaluation.offTopic > 0]).toEqual([file, true]);
    expect(all.offTopicAccepted).toBeLessThanOrEqual(OFF_TOPIC_ACCEPTED_CEILING);
  });
});
