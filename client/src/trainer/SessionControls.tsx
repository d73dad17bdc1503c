import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CallPhase } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';

/** Pause or resume the session (every timer freezes) and end the call, after a confirmation. */
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
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  const ended = phase === 'ended';

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function cancel(): void {
    setConfirming(false);
    // The confirmation disappears: give focus back to the button that opened it.
    queueMicrotask(() => endRef.current?.focus());
  }

  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('trainer.controls.heading')}</h2>
      <div className="controls__row">
        <button type="button" disabled={!enabled || ended} onClick={paused ? onResume : onPause}>
          {paused ? t('trainer.resume') : t('trainer.pause')}
        </button>
        {confirming ? null : (
          <button
            ref={endRef}
            type="button"
            className="button--danger"
            disabled={!enabled || ended}
            onClick={() => setConfirming(true)}
          >
            {t('trainer.end')}
          </button>
        )}
      </div>
      {children}
      {confirming && !ended ? (
        <div className="confirm" role="group" aria-labelledby="end-confirm-text">
          <p id="end-confirm-text">{t('trainer.end.confirm')}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button--danger"
            onClick={() => {
              setConfirming(false);
              onEnd();
            }}
          >
            {t('trainer.end.confirmYes')}
          </button>
          <button type="button" className="button--secondary" onClick={cancel}>
            {t('trainer.end.cancel')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
