// The learners of a group session for its trainer, each with a button that frees the place (`classroom.free`):
// for a learner whose old device stays open (a computer left on in the training room), so that
// they take their place back from another one. Asked for confirmation first, inline (the page's
// pattern, as ending a call): freeing closes the learner's pages still open, their call page too.
import { useEffect, useRef, useState } from 'react';
import type { ClassCall, ClassLearner } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';

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
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const freeButtons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The confirmation goes: focus back on the button that opened it.
  const close = (learnerId: string) => {
    setConfirming(null);
    queueMicrotask(() => freeButtons.current.get(learnerId)?.focus());
  };
  const free = async (learner: ClassLearner) => {
    setBusy(true);
    await onFree(learner);
    setBusy(false);
    close(learner.learnerId);
  };

  return (
    <ul aria-live="polite" className="classroom-roster">
      {learners.map((l) => {
        const textId = `free-confirm-${l.learnerId}`;
        return (
          <li key={l.learnerId}>
            <span className="classroom-roster__name">{l.pseudonym}</span>
            {confirming === l.learnerId ? (
              <div className="confirm" role="group" aria-labelledby={textId}>
                <p id={textId}>
                  {t(
                    inLiveCall(calls, l.learnerId)
                      ? 'classroom.free.confirmInCall'
                      : 'classroom.free.confirm',
                    { name: l.pseudonym },
                  )}
                </p>
                <button
                  ref={confirmRef}
                  type="button"
                  className="button--danger"
                  disabled={busy}
                  onClick={() => void free(l)}
                >
                  {t('classroom.free.confirmYes')}
                </button>
                <button type="button" className="button--secondary" onClick={() => close(l.learnerId)}>
                  {t('classroom.free.cancel')}
                </button>
              </div>
            ) : (
              <button
                ref={(button) => {
                  if (button) freeButtons.current.set(l.learnerId, button);
                  else freeButtons.current.delete(l.learnerId);
                }}
                type="button"
                className="button--secondary classroom-roster__free"
                aria-label={t('classroom.free.label', { name: l.pseudonym })}
                onClick={() => setConfirming(l.learnerId)}
              >
                {t('classroom.free')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
