// What a learner's group session page says of their round: the call, their role, who with, and
// « Ouvrir mon appel »; once that call has ended (the server says so, as it ends and after a
// reload), how it ended in the listener's end panel's words, the listener's debrief, and that the
// next round shows here.
import type { LearnerAssignment } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';
import { endReasonText, outcomeText } from '../ui/describeEntry.js';

export function LearnerAssignmentPanel({ assignment }: { assignment: LearnerAssignment }) {
  const { t } = useI18n();
  const { ended } = assignment;
  return (
    <>
      <p>
        <MessageWithScenario
          k="classroom.join.assignment"
          params={{ round: assignment.round, role: t(`classroom.role.${assignment.role}`) }}
          scenario={{ scenario: assignment.scenarioTitle }}
        />
      </p>
      {assignment.mates.length > 0 && (
        <p>
          {t('classroom.join.mates', {
            mates: assignment.mates
              .map((m) => `${m.pseudonym} (${t(`classroom.role.${m.role}`)})`)
              .join(', '),
          })}
        </p>
      )}
      {ended ? (
        <>
          {/* classroom.join.ended with the outcome (outcome.*), then why (endReason.*). */}
          <p>
            <strong>{t('classroom.join.ended', { outcome: outcomeText(t, ended.outcome) })}</strong>
            {ended.reason && <> {endReasonText(t, ended.reason)}</>}
          </p>
          {/* The listener's only (classroom.join.debrief): the debrief opens to the listener's and
              the trainer's links, the server gives none to the other roles. */}
          {assignment.debriefLink && (
            <p>
              <a className="button" href={assignment.debriefLink}>
                {t('classroom.join.debrief')}
              </a>
            </p>
          )}
          <p>{t('classroom.join.nextRound')}</p>
        </>
      ) : (
        <a className="button" href={assignment.link}>
          {t('classroom.join.open')}
        </a>
      )}
    </>
  );
}
