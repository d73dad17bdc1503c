// Replays a session from its inputs: same scenario version, same seed, same inputs at the same
// session times → the same observations, entry for entry. Time moves on a manual scheduler from
// one due time to the next (each timer fires at its own due time, as in the live run), then to
// each input's time. Timers due after the last input fire only up to `until` (a session's end,
// or "now" for a live session): without it, they are not fired.
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import type { CompiledScenario } from '../scenario/compile.js';
import type { Input, Observation, TimedObservation } from '../timeline.js';
import { CallRun, type ApplyResult, type CallRunOptions } from './call-run.js';

export interface TimedInput {
  /** Session time (ms) at which the input was applied. */
  t: number;
  input: Input;
}

export interface ReplayOptions {
  /** Session time up to which timers due after the last input still fire. */
  until?: number;
  /** The session had a caller actor (the machine's lines were suggestions): see `CallRunOptions`. */
  callerActor?: boolean;
  /** The session's hint mode (views only: replayed observations do not depend on it). */
  hintMode?: CallRunOptions['hintMode'];
  /** See `CallRunOptions.endingFeedback` (the rubric's replays turn it off). */
  endingFeedback?: boolean;
  /** Receives the ids of the transitions each microstep takes, in order (`CallRunOptions.onTransitions`). */
  onTransitions?: (ids: string[]) => void;
  /** See `CallRunOptions.actedShortcut` (default true). */
  actedShortcut?: boolean;
}

/** What a replay step was: an input (with its index and result) or a timer firing. */
export type ReplayStep =
  | { kind: 'input'; index: number; t: number; result: ApplyResult }
  | { kind: 'timer'; t: number; observations: Observation[] };

export function replay(
  compiled: CompiledScenario,
  seed: number,
  inputs: readonly TimedInput[],
  options: ReplayOptions = {},
): TimedObservation[] {
  return replayWith(compiled, seed, inputs, options).observations;
}

/** `replay`, with a look at the run after every step (scoring reads flags this way). */
export function replayWith(
  compiled: CompiledScenario,
  seed: number,
  inputs: readonly TimedInput[],
  options: ReplayOptions & { onStep?: (step: ReplayStep, run: CallRun) => void } = {},
): { observations: TimedObservation[]; run: CallRun; scheduler: ManualScheduler } {
  const scheduler = new ManualScheduler(0);
  const clock = new SessionClock(scheduler);
  const out: TimedObservation[] = [];
  const run: CallRun = new CallRun(compiled, {
    clock,
    seed,
    ...(options.callerActor ? { callerActor: true } : {}),
    ...(options.hintMode ? { hintMode: options.hintMode } : {}),
    ...(options.endingFeedback === false ? { endingFeedback: false } : {}),
    ...(options.onTransitions ? { onTransitions: options.onTransitions } : {}),
    ...(options.actedShortcut === false ? { actedShortcut: false } : {}),
    onTimer: (observations) => {
      out.push(...observations);
      options.onStep?.(
        {
          kind: 'timer',
          t: observations[0]?.t ?? clock.now(),
          observations: observations.map((o) => o.observation),
        },
        run,
      );
    },
  });
  // While paused, session time stands still: the inputs of a pause share its time.
  const advanceTo = (t: number): void => {
    if (!clock.paused && t > clock.now()) scheduler.advanceBy(t - clock.now());
  };
  inputs.forEach(({ t, input }, index) => {
    advanceTo(t);
    const result = run.apply(input);
    if (result.ok) {
      const now = clock.now();
      const { observations } = result;
      for (let i = 0; i < observations.length; i++) out.push({ t: now, observation: observations[i]! });
    }
    options.onStep?.({ kind: 'input', index, t: clock.now(), result }, run);
  });
  if (options.until !== undefined && !run.ended) {
    // A timer due exactly at `until` fires, as it would have in a live run that got that far.
    advanceTo(options.until);
    clock.runDue();
  }
  return { observations: out, run, scheduler };
}
