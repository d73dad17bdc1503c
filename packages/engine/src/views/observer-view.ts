// An observer's view: the listener's, plus — when the trainer turns projector mode on — the
// hidden variables and the active states, for the group watching on a projector.
import { listenerView } from './listener-view.js';
import type { RunState } from './run-state.js';
import type { ListenerView } from './types.js';

export function observerView(run: RunState): ListenerView {
  const projector = run.projector ? { variables: run.gauges, states: run.states } : null;
  return listenerView(run, 'observer', projector);
}
