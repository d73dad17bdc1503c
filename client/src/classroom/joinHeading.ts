// The learner's page heading (and tab title), following the step: joining, waiting for a role,
// role given, its call ended (a learner back on this tab reads it in the tab's title).
import type { ClassJoined, LearnerAssignment } from '@ecoute/protocol';
import type { I18n } from '../i18n/I18nContext.js';

export function joinHeading(
  t: I18n['t'],
  joined: ClassJoined | null,
  assignment: LearnerAssignment | null,
): string {
  if (!joined) return t('classroom.join.title');
  if (!assignment) return t('classroom.join.heading.waiting');
  if (assignment.ended) return t('classroom.join.heading.ended', { round: assignment.round });
  return t('classroom.join.heading.role', {
    round: assignment.round,
    role: t(`classroom.role.${assignment.role}`),
  });
}
