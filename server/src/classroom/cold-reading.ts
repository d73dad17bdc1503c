// A call of the class that is not in memory (unloaded for being idle, or held by another process)
// read for the floor without bringing it back: its run is rebuilt from the record on a manual
// clock (engine's `rebuildRun`), its trainer's view taken, and the run dropped. Nothing is
// recorded and no runtime is created, so the call is not paused nor kept in memory by being
// watched — unlike `SessionsService.runtimeFor`, which a learner's connection goes through.
import { ManualScheduler, rebuildRun } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry, TrainerView } from '@ecoute/engine';

export interface ColdView {
  view: TrainerView;
  /** The call's session time at its last recorded moment. */
  t: number;
}

export function coldView(
  compiled: CompiledScenario,
  seed: number,
  entries: readonly TimelineEntry[],
  callerActor: boolean,
): ColdView {
  const result = rebuildRun(compiled, seed, entries, {
    scheduler: new ManualScheduler(0),
    onTimer: () => undefined,
    callerActor,
  });
  try {
    const view = result.run.viewFor('trainer');
    // The rebuild pauses a call that was running at its last moment; the record did not.
    return { view: result.pause ? { ...view, paused: false } : view, t: result.t };
  } finally {
    result.run.dispose();
  }
}

/**
 * The machine's transitions a call took, by id (`transitionId`) with how many times each, in the
 * order first taken: its run rebuilt from the record on a manual clock, as `coldView`, nothing
 * recorded. Only what the record holds: a live call's timers not yet due are not fired.
 */
export function transitionsTaken(
  compiled: CompiledScenario,
  seed: number,
  entries: readonly TimelineEntry[],
  callerActor: boolean,
): Map<string, number> {
  const taken = new Map<string, number>();
  let replaying = true;
  const result = rebuildRun(compiled, seed, entries, {
    scheduler: new ManualScheduler(0),
    onTimer: () => undefined,
    callerActor,
    onTransitions: (ids) => {
      if (replaying) for (const id of ids) taken.set(id, (taken.get(id) ?? 0) + 1);
    },
  });
  replaying = false;
  result.run.dispose();
  return taken;
}
