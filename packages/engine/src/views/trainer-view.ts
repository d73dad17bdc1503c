// The trainer's view: everything — persona with its background and the trainer's notes, active states, hidden variables,
// injects with the reason they are greyed, projector and caller-actor switches, and in free
// speech the interpretation waiting for their pick.
import { scenarioParts, type RunState } from './run-state.js';
import type { TrainerView } from './types.js';

// The scenario's parts, the lists and the ending are shared, not copied (see `RunState`).
export function trainerView(run: RunState): TrainerView {
  const { trainerPersona: persona, voice, summaryHeader } = scenarioParts(run.scenario);
  return {
    role: 'trainer',
    scenario: summaryHeader,
    persona,
    voice,
    phase: run.phase,
    paused: run.paused,
    t: run.t,
    moves: run.moves,
    ending: run.ending,
    onHold: run.onHold,
    states: run.states,
    variables: run.gauges,
    injects: run.injects,
    projector: run.projector,
    callerActor: run.callerActor,
    speech: { mode: run.hintMode, pending: run.pendingPick ? { ...run.pendingPick } : null },
  };
}
