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
    expect(labelsFor(scenario, 'callerActor')).toEqual({ ...listener, injects: trainer.injects });
  });
});
