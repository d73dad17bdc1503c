import { useId } from 'react';
import { HINT_MODES, type HintMode } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';
import './home.css';

/**
 * How much the listener's console suggests, chosen when the session is created: the moves with
 * their help, their labels only, or the listener's own words (free speech); in free speech,
 * whether a sentence not understood goes to the trainer to pick its move.
 */
export function HintModePicker({
  mode,
  onMode,
  askTrainer,
  onAskTrainer,
}: {
  mode: HintMode;
  onMode: (mode: HintMode) => void;
  askTrainer: boolean;
  onAskTrainer: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="hint-mode">
      <legend>{t('speech.home.legend')}</legend>
      {HINT_MODES.map((id) => (
        <label key={id} className="hint-mode__choice">
          <input type="radio" name={name} value={id} checked={mode === id} onChange={() => onMode(id)} />{' '}
          <span className="hint-mode__label">{t(`speech.mode.${id}`)}</span>{' '}
          <span className="hint">{t(`speech.home.${id}`)}</span>
        </label>
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
