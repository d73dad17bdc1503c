import { describe, expect, it } from '@jest/globals';
import { testScenario } from '../testing/fixtures.js';
import { labelsFor } from './labels.js';

describe('labelsFor', () => {
  it('gives every role the move labels, and only the trainer inject and variable labels', () => {
    const scenario = testScenario();
    const trainer = labelsFor(scenario, 'trainer');
    const listener = labelsFor(scenario, 'listener');
    expect(Object.keys(trainer.moves)).toEqual(Object.keys(scenario.moves));
    expect(listener.moves).toEqual(trainer.moves);
    expect(Object.keys(trainer.injects).length).toBeGreaterThan(0);
    expect(Object.keys(trainer.variables).length).toBeGreaterThan(0);
    expect(listener.injects).toEqual({});
    expect(listener.variables).toEqual({});
    expect(labelsFor(scenario, 'observer')).toEqual(listener);
    // The caller actor triggers injects (their own reactions): their names, not the variables.
    expect(listener.states).toEqual({});
    expect(labelsFor(scenario, 'callerActor')).toEqual({
      ...listener,
      injects: trainer.injects,
      states: trainer.states,
    });
  });

  it('names every state for the trainer: its label, else its name made readable', () => {
    const states = labelsFor(testScenario(), 'trainer').states;
    expect(Object.keys(states)).toContain('milieu.humeur.calme');
    expect(states['milieu.humeur.calme']).toBe('Calme');
    expect(Object.values(states).every((label) => !label.includes('.') && !label.includes('_'))).toBe(true);
  });
});
