// The listener's view: the call as the person answering it lives it. No hidden variable, no
// state, no inject, no persona background (types.ts); the moves as the hint mode allows.
import { movesForMode } from './hint-mode.js';
import { scenarioParts, type RunState } from './run-state.js';
import type { ListenerView, ProjectorView } from './types.js';

// The scenario's parts, the lists and the ending are shared, not copied (see `RunState`).
export function listenerView(
  run: RunState,
  role: 'listener' | 'observer' = 'listener',
  projector: ProjectorView | null = null,
): ListenerView {
  const { header, voice } = scenarioParts(run.scenario);
  return {
    role,
    scenario: header,
    voice,
    phase: run.phase,
    paused: run.paused,
    t: run.t,
    moves: movesForMode(run.moves, run.hintMode),
    ending: run.ending,
    onHold: run.onHold,
    projector,
    mode: run.hintMode,
  };
}
