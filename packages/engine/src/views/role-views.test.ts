import { describe, expect, it } from '@jest/globals';
import { collectStates } from '../scenario/references.js';
import { testScenario } from '../testing/fixtures.js';
import { callerActorView } from './caller-actor-view.js';
import { listenerView } from './listener-view.js';
import { observerView } from './observer-view.js';
import type { RunState } from './run-state.js';
import { trainerView } from './trainer-view.js';

function runState(overrides: Partial<RunState> = {}): RunState {
  const scenario = testScenario();
  const moveId = Object.keys(scenario.moves)[0]!;
  const move = scenario.moves[moveId]!;
  return {
    scenario,
    phase: 'connected',
    paused: false,
    onHold: false,
    t: 4200,
    states: ['accueil'],
    stateInfo: collectStates(scenario.machine),
    moves: [{ id: moveId, label: move.label, category: move.category, help: 'aide' }],
    injects: [],
    gauges: [{ id: 'detresse', label: 'Détresse', value: 6, min: 0, max: 10 }],
    suggestions: [{ line: 'bonjour', text: 'Bonjour ?' }],
    closing: false,
    ending: null,
    projector: false,
    callerActor: false,
    hintMode: 'guided',
    pendingPick: null,
    ...overrides,
  };
}

describe('role views are pure functions of the run state', () => {
  it('gives the listener no trainer-only field, and the moves as the hint mode allows', () => {
    const view = listenerView(runState());
    expect(Object.keys(view).sort()).toEqual(
      [
        'ending',
        'mode',
        'moves',
        'onHold',
        'paused',
        'phase',
        'projector',
        'role',
        'scenario',
        't',
        'voice',
      ].sort(),
    );
    expect(view.moves[0]?.help).toBe('aide');
    expect(listenerView(runState({ hintMode: 'no_hints' })).moves[0]?.help).toBe('');
    expect(listenerView(runState({ hintMode: 'free_speech' })).moves).toEqual([]);
  });

  it('shows observers the variables and states only in projector mode', () => {
    expect(observerView(runState()).projector).toBeNull();
    const on = observerView(runState({ projector: true }));
    expect(on.role).toBe('observer');
    expect(on.projector).toEqual({ variables: runState().gauges, states: ['accueil'] });
  });

  it('gives the trainer everything, and the caller actor states by label with the suggestions', () => {
    const trainer = trainerView(
      runState({ pendingPick: { n: 1, text: 'euh', move: null, score: 0.1, dueT: 9000 } }),
    );
    expect(trainer.persona.background).toBe(testScenario().persona.background);
    expect(trainer.variables[0]?.value).toBe(6);
    expect(trainer.speech.pending?.n).toBe(1);
    const actor = callerActorView(runState());
    expect(actor.states[0]?.id).toBe('accueil');
    expect(actor.states[0]?.label).not.toContain('.');
    expect(actor.suggestions).toEqual([{ line: 'bonjour', text: 'Bonjour ?' }]);
    expect('variables' in actor).toBe(false);
  });

  describe("the trainer's notes (persona.trainerNotes)", () => {
    const NOTES = 'Leviers : ses lunettes retrouvées.';
    const withNotes = (): Partial<RunState> => {
      const scenario = testScenario();
      return { scenario: { ...scenario, persona: { ...scenario.persona, trainerNotes: NOTES } } };
    };

    it('are in the trainer’s view, null when the call has none', () => {
      expect(trainerView(runState(withNotes())).persona.trainerNotes).toBe(NOTES);
      expect(trainerView(runState()).persona.trainerNotes).toBeNull();
    });

    it('are not in the caller actor’s view: the persona has its story only', () => {
      const actor = callerActorView(runState(withNotes()));
      expect(Object.keys(actor.persona).sort()).toEqual(['age', 'background', 'name', 'place']);
      expect(JSON.stringify(actor)).not.toContain(NOTES);
    });

    it('are not in the listener’s view', () => {
      expect(JSON.stringify(listenerView(runState(withNotes())))).not.toContain(NOTES);
    });

    it('are not in an observer’s view, projector on or off', () => {
      for (const projector of [false, true])
        expect(JSON.stringify(observerView(runState({ ...withNotes(), projector })))).not.toContain(NOTES);
    });
  });
});
