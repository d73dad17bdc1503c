import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from '@jest/globals';
import { createActor } from 'xstate';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import { compileScenario } from './compile.js';
import { evaluateGuard, type CallContext } from './guards.js';
import { ScenarioError } from './issues.js';
import { parseScenario } from './parse.js';
import { scenarioSchema, type Scenario } from './schema.js';

describe('compileScenario', () => {
  it('builds the machine and lists move and inject ids', () => {
    const compiled = compileScenario(testScenario());
    expect(compiled.moveIds).toEqual(['ecouter', 'informer', 'agir', 'jamais']);
    expect(compiled.injectIds).toEqual(['bruit', 'sonnette']);
    expect(compiled.machine.id).toBe('call');
  });

  it('refuses a hand-made scenario with dangling references, naming each path', () => {
    const scenario = testScenario((s) => {
      s.machine.states['debut']!.entry = [
        { type: 'say', params: { line: 'nope' } },
        { type: 'adjust', params: { variable: 'colere', by: 1 } },
      ];
    });
    let error: unknown;
    try {
      compileScenario(scenario);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues.map((i) => [i.code, i.path])).toEqual([
      ['scenario/reference', 'machine.states.debut.entry.0.params.line'],
      ['scenario/reference', 'machine.states.debut.entry.1.params.variable'],
    ]);
  });

  it('refuses an unknown action type smuggled past the types', () => {
    const scenario = testScenario();
    (scenario.machine.states['debut']!.entry as unknown[]).push({ type: 'assign', params: {} });
    expect(() => compileScenario(scenario as Scenario)).toThrow(/scenario\/schema/);
  });

  it('refuses an unguarded always self-cycle', () => {
    const scenario = testScenario();
    scenario.machine.states['debut']!.always = 'debut';
    expect(() => compileScenario(scenario)).toThrow(/scenario\/cycle/);
  });

  it('clamps variables to their bounds and observes only real changes', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.machine.states['debut']!.on = {
          ecouter: {
            actions: [
              { type: 'adjust', params: { variable: 'detresse', by: -100 } },
              { type: 'adjust', params: { variable: 'detresse', by: -1 } },
              { type: 'set', params: { variable: 'confiance', value: 5 } },
              { type: 'set', params: { variable: 'confiance', value: 10.5 } },
            ],
          },
        };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'move', move: 'ecouter' })).toEqual({
      ok: true,
      observations: [
        { kind: 'variable', variable: 'detresse', value: 0, previous: 5 },
        { kind: 'variable', variable: 'confiance', value: 10, previous: 5 },
      ],
    });
  });

  it('keeps the seed in the machine context', () => {
    const { run } = startTestRun(undefined, 987);
    run.apply({ kind: 'pickup' });
    const snapshot = (
      run as unknown as { actor: { getSnapshot(): { context: CallContext } } }
    ).actor.getSnapshot();
    expect(snapshot.context).toEqual({
      vars: { detresse: 5, confiance: 5 },
      flags: {},
      visited: ['debut'],
      moveCounts: {},
      seed: 987,
    });
  });
});

describe('visits recorded in the context', () => {
  // The tutorial call restarts its silence timer at every act of the listener by entering
  // `ecoute.en_ligne` again: the state was visited already, so nothing is assigned and XState keeps
  // the context as it was (an assign of nothing would copy the context and rebuild the snapshot at
  // every sentence: a fifth of a replay's allocations).
  it('a state entered again keeps the same context object; a first entry records the visit', () => {
    const text = readFileSync(
      new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url),
      'utf8',
    );
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const { machine } = compileScenario(parsed.scenario);
    const actor = createActor(machine, { input: { seed: 1 } });
    actor.start();
    actor.send({ type: 'se_presenter', moveCount: 1 });
    const entered = actor.getSnapshot().context as CallContext;
    expect(entered.visited).toEqual(['accueil', 'ecoute', 'ecoute.en_ligne']);
    for (let i = 0; i < 3; i++) actor.send({ type: 'acted' });
    expect(actor.getSnapshot().context).toBe(entered);
    actor.stop();
  });
});

describe('evaluateGuard', () => {
  const context: CallContext = {
    vars: { detresse: 4 },
    flags: { alerte: true },
    visited: ['accueil', 'detresse.forte'],
    moveCounts: { reformuler: 2, question_ouverte: 1 },
    seed: 0,
  };
  const none = { type: 'x' };

  it.each([
    ['<', 5, true],
    ['<=', 4, true],
    ['>', 4, false],
    ['>=', 4, true],
    ['==', 4, true],
    ['!=', 4, false],
  ] as const)('compare %s %d → %s', (op, value, expected) => {
    expect(
      evaluateGuard({ type: 'compare', params: { variable: 'detresse', op, value } }, context, none),
    ).toBe(expected);
  });

  it('reads flags, visits and move counts, the current move included', () => {
    expect(evaluateGuard({ type: 'flag', params: { name: 'alerte' } }, context, none)).toBe(true);
    expect(evaluateGuard({ type: 'flag', params: { name: 'autre' } }, context, none)).toBe(false);
    expect(evaluateGuard({ type: 'visited', params: { state: 'detresse.forte' } }, context, none)).toBe(true);
    expect(evaluateGuard({ type: 'visited', params: { state: 'detresse' } }, context, none)).toBe(false);
    const reformuler3 = {
      type: 'moveCount' as const,
      params: { move: 'reformuler', op: '==' as const, value: 3 },
    };
    expect(evaluateGuard(reformuler3, context, none)).toBe(false);
    expect(evaluateGuard(reformuler3, context, { type: 'reformuler', moveCount: 3 })).toBe(true);
    expect(evaluateGuard({ type: 'moveCount', params: { op: '==', value: 3 } }, context, none)).toBe(true);
    expect(
      evaluateGuard({ type: 'moveCount', params: { op: '==', value: 4 } }, context, {
        type: 'question_ouverte',
        moveCount: 2,
      }),
    ).toBe(true);
  });

  it('combines with all, any and not, recursively', () => {
    const yes = { type: 'flag' as const, params: { name: 'alerte' } };
    const no = { type: 'flag' as const, params: { name: 'autre' } };
    expect(evaluateGuard({ type: 'all', params: { of: [yes, yes] } }, context, none)).toBe(true);
    expect(evaluateGuard({ type: 'all', params: { of: [yes, no] } }, context, none)).toBe(false);
    expect(evaluateGuard({ type: 'any', params: { of: [no, yes] } }, context, none)).toBe(true);
    expect(evaluateGuard({ type: 'any', params: { of: [no, no] } }, context, none)).toBe(false);
    expect(
      evaluateGuard(
        {
          type: 'not',
          params: { guard: { type: 'any', params: { of: [no, { type: 'not', params: { guard: yes } }] } } },
        },
        context,
        none,
      ),
    ).toBe(true);
  });
});

describe('compileScenario of a scenario just parsed', () => {
  const dir = new URL('../../../../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'));

  // Lint compiles with `parsed: true` (no second schema check): what the parse gave must be what
  // the schema's check would give again, for every call of the library.
  it.each(files)('%s: the schema gives its own result back unchanged', (file) => {
    const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    expect(scenarioSchema.parse(parsed.scenario)).toEqual(parsed.scenario);
    const checked = compileScenario(parsed.scenario);
    const trusted = compileScenario(parsed.scenario, { parsed: true });
    expect(trusted.moveIds).toEqual(checked.moveIds);
    expect(trusted.injectIds).toEqual(checked.injectIds);
    // The same machine (its functions aside: each compile makes its own).
    expect(JSON.stringify(trusted.machine.config)).toBe(JSON.stringify(checked.machine.config));
  });

  it('without `parsed`, a scenario changed after its parse is checked again', () => {
    const scenario = testScenario((s) => {
      s.machine.states['debut']!.entry = [{ type: 'say', params: { line: 'nope' } }];
    });
    expect(() => compileScenario(scenario)).toThrow(ScenarioError);
  });
});
