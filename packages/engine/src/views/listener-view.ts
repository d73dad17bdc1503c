// The listener's view: the call as the person answering it lives it. No hidden variable, no
// state, no inject, no persona background (types.ts); the moves as the hint mode allows.
import { movesForMode } from './hint-mode.js';
import type { RunState } from './run-state.js';
import type { ListenerView, ProjectorView } from './types.js';

export function listenerView(
  run: RunState,
  role: 'listener' | 'observer' = 'listener',
  projector: ProjectorView | null = null,
): ListenerView {
  const { scenario } = run;
  return {
    role,
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    voice: { ...scenario.persona.voice },
    phase: run.phase,
    paused: run.paused,
    t: run.t,
    moves: movesForMode(run.moves, run.hintMode),
    ending: run.ending ? { ...run.ending } : null,
    onHold: run.onHold,
    projector,
    mode: run.hintMode,
  };
}
