import { useEffect, useId, useRef, useState } from 'react';
import { GENERIC_EFFECTS, type GenericEffect } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { effectText } from '../ui/describeEntry.js';
import './injectButtons.css';

const HELP: Record<GenericEffect, MessageKey> = {
  crackle: 'effects.crackleHelp',
  silence: 'effects.silenceHelp',
  background_noise: 'effects.background_noiseHelp',
  caller_hangup: 'effects.caller_hangupHelp',
  call_drop: 'effects.call_dropHelp',
};

/** These end the call: asked twice. */
const ENDING: ReadonlySet<GenericEffect> = new Set(['caller_hangup', 'call_drop']);

/** The generic events any call can have: line noise, a silence, background noise, a hang-up, a drop. */
export function EffectButtons({
  disabled,
  onEffect,
}: {
  disabled: boolean;
  onEffect: (effect: GenericEffect) => void;
}) {
  const { t } = useI18n();
  const idPrefix = useId();
  const [confirming, setConfirming] = useState<GenericEffect | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <section className="panel effects" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{t('effects.heading')}</h2>
      <ul className="injects__list">
        {GENERIC_EFFECTS.map((effect) => {
          const helpId = `${idPrefix}-${effect}-help`;
          return (
            <li key={effect}>
              <button
                type="button"
                className={ENDING.has(effect) ? 'button--danger' : 'button--secondary'}
                disabled={disabled}
                aria-describedby={helpId}
                onClick={() => (ENDING.has(effect) ? setConfirming(effect) : onEffect(effect))}
              >
                {effectText(t, effect)}
              </button>
              <span id={helpId} className="inject__help">
                {t(HELP[effect])}
              </span>
            </li>
          );
        })}
      </ul>
      {confirming && !disabled ? (
        <div className="confirm" role="group" aria-labelledby={`${idPrefix}-confirm`}>
          <p id={`${idPrefix}-confirm`}>{t('effects.confirm', { effect: effectText(t, confirming) })}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button--danger"
            onClick={() => {
              setConfirming(null);
              onEffect(confirming);
            }}
          >
            {t('effects.confirmYes')}
          </button>
          <button type="button" className="button--secondary" onClick={() => setConfirming(null)}>
            {t('trainer.end.cancel')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
