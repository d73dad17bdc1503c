import type { ReactNode } from 'react';
import type { CallPhase } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';

/**
 * Pause or resume the session (every timer freezes) and end the call, after a confirmation.
 * Once the call has ended the server refuses both (`session/ended`): they go, and only what still
 * works stays (the projector switch, which the server still records then).
 */
export function SessionControls({
  paused,
  phase,
  enabled,
  onPause,
  onResume,
  onEnd,
  children,
}: {
  paused: boolean;
  phase: CallPhase;
  enabled: boolean;
  onPause: () => void;
  onResume: () => void;
  onEnd: () => void;
  /** More controls under the buttons (the projector switch). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const ended = phase === 'ended';

  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('trainer.controls.heading')}</h2>
      {ended ? null : (
        <div className="controls__row">
          <button type="button" disabled={!enabled} onClick={paused ? onResume : onPause}>
            {paused ? t('trainer.resume') : t('trainer.pause')}
          </button>
          <ConfirmAction
            disabled={!enabled}
            question={t('trainer.end.confirm')}
            yes={t('trainer.end.confirmYes')}
            no={t('trainer.end.cancel')}
            onConfirm={onEnd}
          >
            {t('trainer.end')}
          </ConfirmAction>
        </div>
      )}
      {children}
    </section>
  );
}
