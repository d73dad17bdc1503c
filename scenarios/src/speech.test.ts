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

/** The accuracy reached when the labelled set was written; a change that lowers it fails here. */
const FLOOR = 0.86;

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
  });
});
