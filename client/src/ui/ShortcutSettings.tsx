import { useId } from 'react';
import { useI18n } from '../i18n/index.js';
import './shortcutSettings.css';
import {
  SHORTCUT_KEY_SETS,
  SHORTCUT_MODES,
  useShortcutKeySet,
  useShortcutMode,
  type ShortcutKeySet,
  type ShortcutMode,
} from './shortcutMode.js';

const MODE_KEYS = {
  area: 'shortcuts.mode.area',
  off: 'shortcuts.mode.off',
} as const satisfies Record<ShortcutMode, string>;

const KEY_SET_KEYS = {
  plain: 'shortcuts.keys.plain',
  alt: 'shortcuts.keys.alt',
} as const satisfies Record<ShortcutKeySet, string>;

/**
 * Where single-key shortcuts act, or none at all, and which keys the moves and the bookmark key B use (alone,
 * or with Alt): reachable from each console. Radio buttons, so arrow keys change the choice.
 */
export function ShortcutSettings() {
  const { t } = useI18n();
  const [mode, setMode] = useShortcutMode();
  const [keySet, setKeySet] = useShortcutKeySet();
  const name = useId();
  const keysName = useId();
  return (
    <div className="shortcut-settings__group">
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
      <fieldset className="shortcut-settings">
        <legend>{t('shortcuts.keys.legend')}</legend>
        {SHORTCUT_KEY_SETS.map((option) => (
          <label key={option} className="shortcut-settings__option">
            <input
              type="radio"
              name={keysName}
              value={option}
              checked={keySet === option}
              onChange={() => setKeySet(option)}
            />{' '}
            {t(KEY_SET_KEYS[option])}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
