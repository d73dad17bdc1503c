// The caller actor's view: cue cards — the persona with its secrets, what the current states
// expect (their labels and descriptions), the lines the machine suggests, the injects they may
// choose. No hidden variable values.
import { stateLabel } from './graph-model.js';
import { scenarioParts, type RunState } from './run-state.js';
import type { CallerActorView } from './types.js';

export function callerActorView(run: RunState): CallerActorView {
  const { stateInfo } = run;
  const { persona, voice, summaryHeader } = scenarioParts(run.scenario);
  return {
    role: 'callerActor',
    scenario: summaryHeader,
    persona,
    voice,
    phase: run.phase,
    paused: run.paused,
    onHold: run.onHold,
    t: run.t,
    states: run.states.map((id) => ({
      id,
      label: stateLabel(stateInfo, id),
      description: stateInfo.get(id)?.node.description ?? null,
    })),
    suggestions: run.suggestions.map((s) => ({ ...s })),
    choices: run.injects,
    ending: run.ending,
  };
}
