// Replays a session from its inputs: same scenario version, same seed, same inputs at the same
// session times → the same observations, entry for entry. Time moves on a manual scheduler from
// one due time to the next (each timer fires at its own due time, as in the live run), then to
// each input's time. Timers due after the last input are not fired.
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import type { CompiledScenario } from '../scenario/compile.js';
import type { Input, TimedObservation } from '../timeline.js';
import { CallRun } from './call-run.js';

export interface TimedInput {
  /** Session time (ms) at which the input was applied. */
  t: number;
  input: Input;
}

export function replay(
  compiled: CompiledScenario,
  seed: number,
  inputs: readonly TimedInput[],
): TimedObservation[] {
  const scheduler = new ManualScheduler(0);
  const clock = new SessionClock(scheduler);
  const out: TimedObservation[] = [];
  const run = new CallRun(compiled, { clock, seed, onTimer: (observations) => out.push(...observations) });
  for (const { t, input } of inputs) {
    // While paused, session time stands still: the inputs of a pause share its time.
    if (!clock.paused && t > clock.now()) scheduler.advanceBy(t - clock.now());
    const result = run.apply(input);
    if (result.ok) {
      const now = clock.now();
      out.push(...result.observations.map((observation) => ({ t: now, observation })));
    }
  }
  return out;
}
