// History states (`type: history`): compiled to XState's, checked (a parent with children to go
// back to, a default target below it), counted by reachability and lint, drawn by the graph.
import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { startTestRun, testScenario, testScenarioInput } from '../testing/fixtures.js';
import { lintScenario } from '../tools/lint.js';
import { scenarioGraphModel } from '../views/graph-model.js';
import { compileScenario } from './compile.js';
import { parseScenario } from './parse.js';
import type { Input } from '../timeline.js';
import type { ScenarioInput } from './schema.js';
import { reachableStates } from './transitions.js';

/** A call that leaves a conversation for a pause and comes back through its history states. */
function withHistory(s: ScenarioInput): void {
  s.machine = {
    id: 'call',
    initial: 'attente',
    states: {
      attente: {
        on: { ecouter: 'conversation.retour', agir: 'conversation.retour_profond' },
      },
      conversation: {
        initial: 'accueil',
        on: { bruit: 'pause' },
        states: {
          accueil: { on: { informer: 'besoin' } },
          besoin: {
            initial: 'a',
            states: {
              a: { on: { informer: 'b' } },
              b: { on: { jamais: { actions: { type: 'end', params: { ending: 'ok' } } } } },
            },
          },
          retour: { type: 'history', target: 'besoin' },
          retour_profond: { type: 'history', history: 'deep' },
        },
      },
      pause: {
        entry: { type: 'say', params: { line: 'silence' } },
        on: { sonnette: 'conversation.retour', agir: 'conversation.retour_profond' },
      },
    },
  };
}

/** Applies the inputs and returns the active leaves after the last one. */
function statesAfter(inputs: Input[]): string[] {
  const { run } = startTestRun(compileScenario(testScenario(withHistory)));
  let states: string[] = [];
  for (const input of inputs) {
    const result = run.apply(input);
    if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.code}`);
    for (const o of result.observations) if (o.kind === 'state') states = o.states;
  }
  return states;
}

const move = (m: string): Input => ({ kind: 'move', move: m });
const inject = (i: string): Input => ({ kind: 'inject', inject: i });

describe('history states', () => {
  it('enter their default target the first time, then where the parent was (shallow or deep)', () => {
    // Never left: `retour` goes to its target (`besoin`, then its initial `a`), the deep one to
    // the parent's initial.
    expect(statesAfter([{ kind: 'pickup' }, move('ecouter')])).toEqual(['conversation.besoin.a']);
    expect(statesAfter([{ kind: 'pickup' }, move('agir')])).toEqual(['conversation.accueil']);
    const leftFromB = [{ kind: 'pickup' } as Input, move('ecouter'), move('informer'), inject('bruit')];
    expect(statesAfter(leftFromB)).toEqual(['pause']);
    // Shallow: back to `besoin`, entered anew (its initial `a`); deep: back to `besoin.b`.
    expect(statesAfter([...leftFromB, inject('sonnette')])).toEqual(['conversation.besoin.a']);
    expect(statesAfter([...leftFromB, move('agir')])).toEqual(['conversation.besoin.b']);
  });

  it('are reachable through their target, never dead ends, and drawn as history nodes', () => {
    const scenario = testScenario(withHistory);
    const reached = reachableStates(scenario);
    expect(reached.has('conversation.retour')).toBe(true);
    expect(reached.has('conversation.besoin.a')).toBe(true);
    const input = testScenarioInput();
    withHistory(input);
    const lint = lintScenario('h.yaml', stringify(input)).issues;
    expect(lint.filter((i) => i.severity === 'error')).toEqual([]);
    expect(lint.filter((i) => i.code === 'lint/dead_end' || i.code === 'lint/unreachable_state')).toEqual([]);
    const graph = scenarioGraphModel(scenario);
    expect(graph.nodes.find((n) => n.id === 'conversation.retour_profond')).toMatchObject({
      type: 'history',
      parent: 'conversation',
    });
    expect(graph.edges.find((e) => e.source === 'pause' && e.target === 'conversation.retour')).toBeDefined();
  });

  it('refuses a history state with no state beside it, a default target that is not below its parent, or contents', () => {
    const input = testScenarioInput();
    withHistory(input);
    const conversation = input.machine.states['conversation']!;
    conversation.states!['retour'] = { type: 'history', target: 'pause' };
    conversation.states!['retour_profond'] = {
      type: 'history',
      history: 'deep',
      on: { ecouter: 'accueil' },
    };
    input.machine.states['seul'] = {
      initial: 'h',
      states: { h: { type: 'history' } },
    };
    input.machine.states['attente']!.history = 'deep';
    const result = parseScenario(stringify(input));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map((e) => [e.path, e.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [
          'machine.states.conversation.states.retour.target',
          expect.stringMatching(
            /cible par défaut « pause » introuvable parmi les sous-états de « conversation »/,
          ),
        ],
        [
          'machine.states.conversation.states.retour_profond.on',
          expect.stringMatching(/état historique .* « on » n'est pas permis/),
        ],
        ['machine.states.seul.states.h', expect.stringMatching(/son parent doit avoir d'autres sous-états/)],
        ['machine.states.seul.initial', expect.stringMatching(/est un état historique/)],
        ['machine.states.attente.history', expect.stringMatching(/n'est permis que sur un état historique/)],
      ]),
    );
    // Each error is located at its line in the text.
    expect(result.ok ? [] : result.errors.every((e) => typeof e.line === 'number')).toBe(true);
  });
});
