// The « is in state » guard (`{ type: in, params: { state } }`): true while that state (or a state
// inside it) is active — here in another region of a parallel state — nested in all/any/not too.
import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { startTestRun, testScenario, testScenarioInput } from '../testing/fixtures.js';
import { compileScenario } from './compile.js';
import { evaluateGuard, type CallContext } from './guards.js';
import { parseScenario } from './parse.js';
import type { GuardConfig, ScenarioInput } from './schema.js';

/** `informer` only while she is calm (the other region); `agir` only while she is not. */
function guarded(s: ScenarioInput): void {
  const milieu = s.machine.states['milieu']!;
  const tache = milieu.states!['tache']!;
  tache.states!['attente']!.on = {
    informer: {
      target: 'fait',
      guard: { type: 'in', params: { state: 'milieu.humeur.calme' } },
      actions: [{ type: 'flag', params: { name: 'informe' } }],
    },
    agir: {
      guard: {
        type: 'all',
        params: {
          of: [
            { type: 'not', params: { guard: { type: 'in', params: { state: 'milieu.humeur.calme' } } } },
            { type: 'in', params: { state: 'milieu' } },
          ],
        },
      },
      actions: [{ type: 'say', params: { line: 'aie' } }],
    },
  };
  delete milieu.on;
}

describe('the « is in state » guard', () => {
  it('lets a transition through only while the named state is active', () => {
    const { run } = startTestRun(compileScenario(testScenario(guarded)));
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'move', move: 'ecouter' });
    // Calm: `informer` is offered, `agir` (not calm) is not.
    expect(run.availabilityOf('informer')).toEqual({ available: true });
    expect(run.availabilityOf('agir')).toMatchObject({
      available: false,
      reason: { code: 'guard', conditions: [{ kind: 'all' }] },
    });
    run.apply({ kind: 'inject', inject: 'bruit' });
    // Agitated: the other way round, and the reason names the state by its label.
    expect(run.availabilityOf('informer')).toEqual({
      available: false,
      reason: { code: 'guard', conditions: [{ kind: 'in', state: 'milieu.humeur.calme', label: 'Calme' }] },
    });
    const said = run.apply({ kind: 'move', move: 'agir' });
    expect(said.ok && said.observations.some((o) => o.kind === 'line' && o.line === 'aie')).toBe(true);
    expect(run.apply({ kind: 'move', move: 'informer' })).toMatchObject({ ok: false });
  });

  it('is evaluated against the active leaves by evaluateGuard (a parent counts)', () => {
    const context: CallContext = { vars: {}, flags: {}, visited: [], moveCounts: {}, seed: 1 };
    const inMilieu: GuardConfig = { type: 'in', params: { state: 'milieu' } };
    const none = { type: '' };
    expect(evaluateGuard(inMilieu, context, none, ['milieu.humeur.calme'])).toBe(true);
    expect(evaluateGuard(inMilieu, context, none, ['milieux'])).toBe(false);
    expect(evaluateGuard(inMilieu, context, none)).toBe(false);
  });

  it('refuses a state that does not exist, at its path', () => {
    const input = testScenarioInput();
    guarded(input);
    const informer = input.machine.states['milieu']!.states!['tache']!.states!['attente']!.on!['informer'];
    (informer as { guard: GuardConfig }).guard = { type: 'in', params: { state: 'milieu.humeur.zen' } };
    const result = parseScenario(stringify(input));
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([
      [
        'scenario/reference',
        'machine.states.milieu.states.tache.states.attente.on.informer.guard.params.state',
      ],
    ]);
  });
});
