// Determinism, for every scenario file present: a live run (a CallRun on a manual clock, inputs
// applied as time passes, timers firing in between) and a replay of the accepted inputs at their
// session times, flushed up to the same end time, give the same observations entry for entry.
// Input sequences are random (fast-check): valid and invalid moves, injects, free speech,
// pauses and resumes, hang-ups, and gaps of time.
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CallRun,
  compileScenario,
  ManualScheduler,
  parseScenario,
  replay,
  SessionClock,
  type CompiledScenario,
  type Input,
  type TimedInput,
  type TimedObservation,
} from '@ecoute/engine';

const dir = new URL('../', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'))
  .sort();

type Action =
  | { kind: 'available'; pick: number }
  | { kind: 'move'; pick: number }
  | { kind: 'unknownMove' }
  | { kind: 'inject'; pick: number }
  | { kind: 'say' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'hangup' }
  | { kind: 'end' }
  | { kind: 'pickup' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 24, arbitrary: fc.nat().map((pick) => ({ kind: 'available' as const, pick })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'move' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknownMove' as const }) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'inject' as const, pick })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'say' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pickup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'hangup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'end' as const }) },
);
const step = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 3000, max: 90_000 })),
  action,
});

function inputFor(run: CallRun, compiled: CompiledScenario, a: Action): Input {
  switch (a.kind) {
    case 'available': {
      const moves = run.availableMoves();
      return moves.length
        ? { kind: 'move', move: moves[a.pick % moves.length]!.id }
        : { kind: 'say', text: '…' };
    }
    case 'move':
      return { kind: 'move', move: compiled.moveIds[a.pick % compiled.moveIds.length]! };
    case 'unknownMove':
      return { kind: 'move', move: 'action_inexistante' };
    case 'inject':
      return compiled.injectIds.length
        ? { kind: 'inject', inject: compiled.injectIds[a.pick % compiled.injectIds.length]! }
        : { kind: 'inject', inject: 'evenement_inexistant' };
    case 'say':
      return { kind: 'say', text: 'Je vous écoute.' };
    case 'pickup':
    case 'pause':
    case 'resume':
    case 'hangup':
    case 'end':
      return { kind: a.kind };
  }
}

/** The live session: returns what it observed, the accepted inputs, and the session time it stopped at. */
function live(compiled: CompiledScenario, seed: number, steps: { gap: number; action: Action }[]) {
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const log: TimedObservation[] = [];
  const run = new CallRun(compiled, { clock, seed, onTimer: (timed) => log.push(...timed) });
  const inputs: TimedInput[] = [{ t: 0, input: { kind: 'pickup' } }];
  const picked = run.apply({ kind: 'pickup' });
  if (picked.ok) log.push(...picked.observations.map((observation) => ({ t: 0, observation })));
  for (const { gap, action: a } of steps) {
    scheduler.advanceBy(gap);
    const input = inputFor(run, compiled, a);
    const t = clock.now();
    const result = run.apply(input);
    if (!result.ok) continue;
    inputs.push({ t, input });
    log.push(...result.observations.map((observation) => ({ t, observation })));
  }
  scheduler.advanceBy(30_000);
  const until = clock.now();
  run.dispose();
  return { log, inputs, until };
}

describe.each(files)('%s: live run = replay', (file) => {
  const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
  const compiled = parsed.ok ? compileScenario(parsed.scenario) : undefined;

  it('for random input sequences (fast-check)', () => {
    expect(compiled).toBeDefined();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(step, { maxLength: 40 }),
        (seed, steps) => {
          const { log, inputs, until } = live(compiled!, seed, steps);
          expect(replay(compiled!, seed, inputs, { until })).toEqual(log);
        },
      ),
      { numRuns: 100 },
    );
  });
});
