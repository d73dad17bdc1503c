import { useId } from 'react';
import { HINT_MODES, fewSpeechExamples, type HintMode, type SpeechExampleCount } from '@ecoute/engine';
import { pluralForm, useI18n } from '../i18n/index.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';
import './home.css';

/**
 * How much the listener's console suggests, chosen when the session is created: the moves with
 * their help, their labels only, or the listener's own words (free speech); in free speech,
 * whether a sentence not understood goes to the trainer to pick its move. When most moves of the
 * chosen call have no example phrases (`fewSpeechExamples`), free speech would understand almost
 * nothing: a notice under that choice says so, whether it is chosen or only offered.
 */
export function HintModePicker({
  mode,
  onMode,
  askTrainer,
  onAskTrainer,
  speechExamples,
}: {
  mode: HintMode;
  onMode: (mode: HintMode) => void;
  askTrainer: boolean;
  onAskTrainer: (on: boolean) => void;
  /** The chosen call's moves and those with example phrases (the scenarios list gives them). */
  speechExamples?: SpeechExampleCount | undefined;
}) {
  const { t, lang } = useI18n();
  const name = useId();
  const noticeId = useId();
  const short = speechExamples && fewSpeechExamples(speechExamples) ? speechExamples : null;
  const missing = short ? short.moves - short.withExamples : 0;
  return (
    <fieldset className="hint-mode">
      <legend>{t('speech.home.legend')}</legend>
      {HINT_MODES.map((id) => (
        <div key={id}>
          <label className="hint-mode__choice">
            <input
              type="radio"
              name={name}
              value={id}
              checked={mode === id}
              onChange={() => onMode(id)}
              aria-describedby={id === 'free_speech' && short ? noticeId : undefined}
            />{' '}
            <span className="hint-mode__label">{t(`speech.mode.${id}`)}</span>{' '}
            <span className="hint">{t(`speech.home.${id}`)}</span>
          </label>
          {id === 'free_speech' ? (
            // Always in the page: a notice that appears when the trainer picks another call is announced.
            <div aria-live="polite">
              {short ? (
                <p
                  id={noticeId}
                  className={`hint-mode__notice${mode === id ? ' hint-mode__notice--chosen' : ''}`}
                >
                  {short.withExamples === 0
                    ? t('speech.home.noExamples')
                    : t(`speech.home.fewExamples.${pluralForm(lang, missing)}`, {
                        missing,
                        count: short.moves,
                      })}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ))}
      {mode === 'free_speech' ? (
        <ToggleSwitch
          className="hint-mode__ask"
          label={t('speech.home.askTrainer')}
          note={t('speech.home.askTrainerHint')}
          checked={askTrainer}
          onChange={onAskTrainer}
        />
      ) : null}
    </fieldset>
  );
}
