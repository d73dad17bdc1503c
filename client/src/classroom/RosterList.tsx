// The learners of a group session for its trainer, each with a button that frees the place (`classroom.free`):
// for a learner whose old device stays open (a computer left on in the training room), so that
// they take their place back from another one. Asked for confirmation first, inline (`ConfirmAction`,
// as ending a call): freeing closes the learner's pages still open, their call page too.
import type { ClassCall, ClassLearner } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';

/** Whether the learner holds a role of their own (listener, caller actor) in a live call. */
function inLiveCall(calls: readonly ClassCall[], learnerId: string): boolean {
  return calls.some(
    (call) =>
      call.status === 'live' && call.members.some((m) => m.learnerId === learnerId && m.role !== 'observer'),
  );
}

export function RosterList({
  learners,
  calls,
  onFree,
}: {
  learners: readonly ClassLearner[];
  calls: readonly ClassCall[];
  /** Frees the learner's place; whether it was done. */
  onFree: (learner: ClassLearner) => Promise<boolean>;
}) {
  const { t } = useI18n();
  return (
    <ul aria-live="polite" className="classroom-roster">
      {learners.map((l) => (
        <li key={l.learnerId}>
          <span className="classroom-roster__name">{l.pseudonym}</span>
          <ConfirmAction
            tone="button--secondary"
            label={t('classroom.free.label', { name: l.pseudonym })}
            question={t(
              inLiveCall(calls, l.learnerId) ? 'classroom.free.confirmInCall' : 'classroom.free.confirm',
              {
                name: l.pseudonym,
              },
            )}
            yes={t('classroom.free.confirmYes')}
            no={t('classroom.free.cancel')}
            onConfirm={() => onFree(l)}
          >
            {t('classroom.free')}
          </ConfirmAction>
        </li>
      ))}
    </ul>
  );
}
