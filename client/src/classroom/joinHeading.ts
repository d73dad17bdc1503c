// The learner's page heading (and tab title), following the step: joining, waiting for a role,
// role given.
import type { ClassJoined, LearnerAssignment } from '@ecoute/protocol';
import type { I18n } from '../i18n/I18nContext.js';

export function joinHeading(
  t: I18n['t'],
  joined: ClassJoined | null,
  assignment: LearnerAssignment | null,
): string {
  if (!joined) return t('classroom.join.title');
  if (!assignment) return t('classroom.join.heading.waiting');
  return t('classroom.join.heading.role', {
    round: assignment.round,
    role: t(`classroom.role.${assignment.role}`),
  });
}
