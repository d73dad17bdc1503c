// Whether a page says the call is paused: a call paused and then ended keeps `paused` in its
// view, but an ended call is no longer paused — the phase wins (every role page and the status
// bar read it here, so none of them shows « Séance suspendue » beside « Terminé »).
import type { RoleView } from '@ecoute/engine';

export function callPaused(view: Pick<RoleView, 'paused' | 'phase'> | null | undefined): boolean {
  return view != null && view.paused && view.phase !== 'ended';
}
