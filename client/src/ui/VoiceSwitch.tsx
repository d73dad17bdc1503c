import { useId } from 'react';
import { useI18n } from '../i18n/index.js';

/** Turns the caller's spoken voice on or off (a labelled switch). */
export function VoiceSwitch({
  checked,
  onChange,
  available,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  available: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const noteId = useId();
  return (
    <div className="voice-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked && available}
        disabled={!available}
        aria-describedby={available ? undefined : noteId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{t('voice.label')}</label>
      {available ? null : (
        <p id={noteId} className="hint">
          {t('voice.unavailable')}
        </p>
      )}
    </div>
  );
}
