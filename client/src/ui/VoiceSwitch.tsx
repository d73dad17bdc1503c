import { useI18n } from '../i18n/index.js';
import type { Shortcut } from './shortcuts.js';
import { ToggleSwitch } from './ToggleSwitch.js';

/** Turns the caller's spoken voice on or off (a labelled switch). */
export function VoiceSwitch({
  checked,
  onChange,
  available,
  shortcut,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  available: boolean;
  shortcut?: Shortcut;
}) {
  const { t } = useI18n();
  return (
    <ToggleSwitch
      className="voice-switch"
      label={t('voice.label')}
      checked={checked && available}
      disabled={!available}
      note={available ? null : t('voice.unavailable')}
      onChange={onChange}
      {...(shortcut ? { shortcut } : {})}
    />
  );
}
