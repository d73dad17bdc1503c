import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import { Kbd } from '../ui/Kbd.js';
import { altLetter, matches } from '../ui/shortcuts.js';
import { useSpeechRecognition, type RecognitionConstructor } from './useSpeechRecognition.js';

/** Hold Alt + E to speak (E for entretien, the French for conversation), or press the button to start and stop. */
export const TALK_KEY = altLetter('E');

/**
 * Speaking instead of typing, where the browser recognises speech (fr-FR): push-to-talk with a
 * held key or a toggle button; each sentence heard is said like a typed one. Typing always works.
 */
export function PushToTalk({
  disabled,
  onSay,
  create,
}: {
  disabled: boolean;
  onSay: (text: string) => void;
  create?: RecognitionConstructor | undefined;
}) {
  const { t } = useI18n();
  const speech = useSpeechRecognition({
    onFinal: onSay,
    ...(create !== undefined ? { create } : {}),
  });
  const state = useRef({ speech, disabled, held: false });
  state.current = { ...state.current, speech, disabled };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const { speech, disabled, held } = state.current;
      if (!matches(TALK_KEY, event)) return;
      event.preventDefault();
      if (held || disabled || !speech.available) return;
      state.current.held = true;
      speech.start();
    }
    function onKeyUp(event: KeyboardEvent): void {
      if (!state.current.held) return;
      if (event.code === TALK_KEY.codes[0] || event.key === 'Alt') {
        state.current.held = false;
        state.current.speech.stop();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);

  useEffect(() => {
    if (disabled && speech.listening) speech.stop();
  }, [disabled, speech]);

  if (!speech.available) return <p className="muted push-to-talk__none">{t('speech.talk.unavailable')}</p>;
  return (
    <div className="push-to-talk">
      <button
        type="button"
        aria-pressed={speech.listening}
        aria-keyshortcuts={TALK_KEY.aria}
        disabled={disabled}
        onClick={() => (speech.listening ? speech.stop() : speech.start())}
      >
        {speech.listening ? t('speech.talk.stop') : t('speech.talk.start')} <Kbd shortcut={TALK_KEY} />
      </button>
      <p className="hint">{t('speech.talk.hint')}</p>
      <p className="push-to-talk__heard" role="status" aria-live="polite">
        {speech.listening ? t('speech.talk.listening', { heard: speech.interim || '…' }) : ''}
      </p>
      {speech.error ? (
        <p className="push-to-talk__error" role="alert">
          {t(
            speech.error === 'not-allowed' || speech.error === 'service-not-allowed'
              ? 'speech.talk.errorNotAllowed'
              : speech.error === 'no-speech'
                ? 'speech.talk.errorNoSpeech'
                : 'speech.talk.error',
          )}
        </p>
      ) : null}
    </div>
  );
}
