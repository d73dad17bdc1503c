// The trainer's view: everything — persona with its background, active states, hidden variables,
// injects with the reason they are greyed, projector and caller-actor switches, and in free
// speech the interpretation waiting for their pick.
import { personaOf, type RunState } from './run-state.js';
import type { TrainerView } from './types.js';

export function trainerView(run: RunState): TrainerView {
  const { scenario } = run;
  return {
    role: 'trainer',
    scenario: {
      id: scenario.id,
      version: scenario.version,
      title: scenario.title,
      summary: scenario.summary,
    },
    persona: personaOf(scenario),
    voice: { ...scenario.persona.voice },
    phase: run.phase,
    paused: run.paused,
    t: run.t,
    moves: run.moves,
    ending: run.ending ? { ...run.ending } : null,
    onHold: run.onHold,
    states: [...run.states],
    variables: run.gauges,
    injects: run.injects,
    projector: run.projector,
    callerActor: run.callerActor,
    speech: { mode: run.hintMode, pending: run.pendingPick ? { ...run.pendingPick } : null },
  };
}
