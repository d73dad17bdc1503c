import { describe, it, expect } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import type { Input, TimedObservation } from '../timeline.js';
import { replay, type TimedInput } from './replay.js';

/** A live-style session: inputs applied as time passes, every accepted input and timer recorded. */
function live(steps: { at: number; input: Input }[]) {
  const compiled = compileScenario(
    testScenario((s) => {
      // A repeating silence timer, so timers fire between inputs and after a pause.
      s.machine.states['debut']!.after = {
        1000: {
          target: 'debut',
          reenter: true,
          actions: { type: 'adjust', params: { variable: 'detresse', by: 1 } },
        },
      };
    }),
  );
  const { run, scheduler, clock, timed } = startTestRun(compiled, 42);
  const log: TimedObservation[] = [];
  const inputs: TimedInput[] = [];
  for (const { at, input } of steps) {
    // `at` is scheduler (wall) time; the session time may lag behind it after a pause.
    const before = timed.length;
    scheduler.advanceTo(at);
    log.push(...timed.slice(before));
    const t = clock.now();
    const result = run.apply(input);
    if (!result.ok) continue;
    inputs.push({ t, input });
    log.push(...result.observations.map((observation) => ({ t, observation })));
  }
  return { compiled, log, inputs };
}

describe('replay', () => {
  it('yields the live observations entry for entry, timers included at their due times', () => {
    const { compiled, log, inputs } = live([
      { at: 0, input: { kind: 'pickup' } },
      { at: 2500, input: { kind: 'pause' } },
      { at: 9000, input: { kind: 'move', move: 'ecouter' } }, // refused: paused
      { at: 9500, input: { kind: 'resume' } },
      { at: 9900, input: { kind: 'say', text: 'Bonjour, je vous écoute.' } },
      { at: 10_100, input: { kind: 'move', move: 'ecouter' } },
      { at: 12_000, input: { kind: 'inject', inject: 'bruit' } },
      { at: 15_000, input: { kind: 'hangup' } },
    ]);
    const detresse = log.filter(
      (e) => e.observation.kind === 'variable' && e.observation.variable === 'detresse',
    );
    // Timers at session 1000 and 2000, then (paused from wall 2500 to 9500) at 3000 = wall 10 000;
    // the inject at wall 12 000 = session 5000 sets detresse to its maximum.
    expect(detresse.map((e) => e.t)).toEqual([1000, 2000, 3000, 5000]);
    // The move refused while paused is not an input of the session.
    expect(inputs.map((i) => i.t)).toEqual([0, 2500, 2500, 2900, 3100, 5000, 8000]);
    expect(log.at(-1)).toEqual({
      t: 8000,
      observation: { kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'hangup' },
    });
    expect(replay(compiled, 42, inputs)).toEqual(log);
  });

  it('is deterministic: the same inputs give the same observations twice', () => {
    const compiled = compileScenario(testScenario());
    const inputs: TimedInput[] = [
      { t: 0, input: { kind: 'pickup' } },
      { t: 3000, input: { kind: 'move', move: 'ecouter' } },
      { t: 3100, input: { kind: 'move', move: 'informer' } },
    ];
    const first = replay(compiled, 1, inputs);
    expect(first.map((e) => [e.t, e.observation.kind])).toEqual([
      [0, 'line'],
      [0, 'state'],
      [1000, 'line'],
      [1000, 'variable'],
      [3000, 'variable'],
      [3000, 'state'],
      [3100, 'line'],
      [3100, 'note'],
      [3100, 'state'],
    ]);
    expect(replay(compiled, 1, inputs)).toEqual(first);
  });
});

describe('replay until', () => {
  it('fires the timers due after the last input up to `until`, and no further', () => {
    const compiled = compileScenario(testScenario());
    const inputs: TimedInput[] = [{ t: 0, input: { kind: 'pickup' } }];
    const kinds = (until?: number) =>
      replay(compiled, 1, inputs, until === undefined ? {} : { until }).map((e) => [e.t, e.observation.kind]);
    expect(kinds()).toEqual([
      [0, 'line'],
      [0, 'state'],
    ]);
    expect(kinds(999)).toEqual(kinds());
    // The silence timer (1000 ms) fires at its due time when `until` reaches it.
    expect(kinds(1000)).toEqual([
      [0, 'line'],
      [0, 'state'],
      [1000, 'line'],
      [1000, 'variable'],
    ]);
  });
});
