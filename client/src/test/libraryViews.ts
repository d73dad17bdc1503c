// The trainer's and the caller actor's views of a library call as the engine gives them (a real
// `CallRun` on a manual clock, the call picked up): what each role's page receives.
import { readFileSync } from 'node:fs';
import {
  CallRun,
  compileScenario,
  ManualScheduler,
  parseScenario,
  SessionClock,
  type CallerActorView,
  type TrainerView,
} from '@ecoute/engine';

export function libraryViews(id: string): { trainer: TrainerView; callerActor: CallerActorView } {
  const text = readFileSync(new URL(`../../../scenarios/${id}.yaml`, import.meta.url), 'utf8');
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const clock = new SessionClock(new ManualScheduler());
  const run = new CallRun(compileScenario(parsed.scenario), {
    clock,
    seed: 1,
    onTimer: () => {},
    callerActor: true,
  });
  clock.hold(() => run.apply({ kind: 'pickup' }));
  const views = { trainer: run.viewFor('trainer'), callerActor: run.viewFor('callerActor') };
  run.dispose();
  return views;
}
