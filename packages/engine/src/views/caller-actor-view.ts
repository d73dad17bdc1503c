// The caller actor's view: cue cards — the persona with its secrets, what the current states
// expect (their labels and descriptions), the lines the machine suggests (with their stage
// direction: how to say them), whether they are the caller's last words, the injects they may
// choose. No hidden variable values, and not the call's summary: written for trainers (what the
// exercise trains), it is no part of the caller's story.
import { stateLabel } from './graph-model.js';
import { scenarioParts, type RunState } from './run-state.js';
import type { CallerActorView } from './types.js';

export function callerActorView(run: RunState): CallerActorView {
  const { stateInfo } = run;
  const { persona, voice, header } = scenarioParts(run.scenario);
  const { lines } = run.scenario;
  return {
    role: 'callerActor',
    scenario: header,
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
    suggestions: run.suggestions.map((s) => {
      const direction = lines[s.line]?.direction;
      return direction ? { ...s, direction } : { ...s };
    }),
    closing: run.closing,
    choices: run.injects,
    ending: run.ending,
  };
}
