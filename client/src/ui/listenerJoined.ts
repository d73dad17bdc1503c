import type { RoleView } from '@ecoute/engine';
import type { Presence } from '@ecoute/protocol';

/**
 * Whether the call still waits for its listener: the phone rings, and no listener has joined the
 * session (a link opened but no name given yet is not joined). Said instead of `phone.ringing` on
 * the other roles' pages, where `phone.ringing` read as a learner letting it ring. Presence not known
 * yet (before the server's first `session:presence`): not said — no absence claimed unseen. The
 * listener's own page never waits for itself.
 */
export function waitingForListener(
  view: Pick<RoleView, 'role' | 'phase'>,
  presence: Presence | null,
): boolean {
  if (view.role === 'listener' || view.phase !== 'ringing' || presence === null) return false;
  return !presence.participants.some(
    (participant) =>
      participant.role === 'listener' && participant.connections > 0 && participant.name !== null,
  );
}
