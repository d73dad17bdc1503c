// The kept results' measures say whether the call offers to alert a colleague: the debrief shows
// « Temps pour alerter un·e collègue » only for a call that has the move.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { compileScenario, parseScenario } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry } from '@ecoute/engine';
import { findWorkspaceRoot } from '../config/env.js';
import { computeResults } from './debrief-results.js';
import { ALERT_COLLEAGUE_MOVE } from './measures.js';

function builtIn(id: string): CompiledScenario {
  const text = readFileSync(path.join(findWorkspaceRoot(), 'scenarios', `${id}.yaml`), 'utf8');
  const parsed = parseScenario(text, id);
  if (!parsed.ok) throw new Error(id);
  return compileScenario(parsed.scenario);
}

const pickedUp: TimelineEntry[] = [
  { seq: 1, t: 0, at: '', kind: 'input', source: 'listener', input: { kind: 'pickup' } } as TimelineEntry,
];

describe('computeResults: the alert measure', () => {
  it('is offered for a call with « alerter un·e collègue », not for one without', () => {
    const distress = builtIn('detresse-suicidaire');
    const training = builtIn('appel-entrainement');
    expect(Object.keys(distress.scenario.moves)).toContain(ALERT_COLLEAGUE_MOVE);
    expect(Object.keys(training.scenario.moves)).not.toContain(ALERT_COLLEAGUE_MOVE);
    expect(computeResults(distress, pickedUp, 1).measures.alertMove).toBe(true);
    expect(computeResults(training, pickedUp, 1).measures.alertMove).toBe(false);
  });
});
