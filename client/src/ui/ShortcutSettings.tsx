import { useId } from 'react';
import { useI18n } from '../i18n/index.js';
import { SHORTCUT_MODES, useShortcutMode, type ShortcutMode } from './shortcutMode.js';

const MODE_KEYS = {
  area: 'shortcuts.mode.area',
  off: 'shortcuts.mode.off',
} as const satisfies Record<ShortcutMode, string>;

/** Where single-key shortcuts act, or none at all: reachable from each console. */
export function ShortcutSettings() {
  const { t } = useI18n();
  const [mode, setMode] = useShortcutMode();
  const name = useId();
  return (
    <fieldset className="shortcut-settings">
      <legend>{t('shortcuts.mode.legend')}</legend>
      {SHORTCUT_MODES.map((option) => (
        <label key={option} className="shortcut-settings__option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={mode === option}
            onChange={() => setMode(option)}
          />{' '}
          {t(MODE_KEYS[option])}
        </label>
      ))}
    </fieldset>
  );
}
