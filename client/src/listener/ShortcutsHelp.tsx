import { useId } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ShortcutSettings } from '../ui/ShortcutSettings.js';
import { Kbd } from '../ui/Kbd.js';
import { altLetter, digitShortcut, type Shortcut } from '../ui/shortcuts.js';
import { PHONE_KEYS } from '../ui/moveShortcuts.js';
import { inKeySet, useShortcutKeySet } from '../ui/shortcutMode.js';

const ROWS: { shortcuts: Shortcut[]; text: MessageKey }[] = [
  { shortcuts: [PHONE_KEYS.pickup], text: 'shortcuts.pickup' },
  { shortcuts: [PHONE_KEYS.hold], text: 'shortcuts.hold' },
  { shortcuts: [PHONE_KEYS.hangup], text: 'shortcuts.hangup' },
  { shortcuts: [digitShortcut(0)!, digitShortcut(9)!], text: 'shortcuts.moves' },
  { shortcuts: [digitShortcut(10)!, digitShortcut(19)!], text: 'shortcuts.movesMore' },
  { shortcuts: [altLetter('L')], text: 'shortcuts.colleague' },
  { shortcuts: [altLetter('S'), altLetter('P'), altLetter('U')], text: 'shortcuts.emergency' },
  { shortcuts: [altLetter('N')], text: 'shortcuts.3114' },
  { shortcuts: [altLetter('T')], text: 'shortcuts.service' },
  { shortcuts: [altLetter('G')], text: 'shortcuts.callback' },
  { shortcuts: [PHONE_KEYS.say], text: 'shortcuts.say' },
  { shortcuts: [PHONE_KEYS.notes], text: 'shortcuts.notes' },
  { shortcuts: [PHONE_KEYS.voice], text: 'shortcuts.voice' },
  { shortcuts: [PHONE_KEYS.sounds], text: 'shortcuts.sounds' },
];

/** Every key of the listener's console, on screen (each button also shows its own). */
export function ShortcutsHelp() {
  const { t } = useI18n();
  const headingId = useId();
  const [keySet] = useShortcutKeySet();
  return (
    <section className="panel shortcuts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('shortcuts.heading')}</h2>
      <p className="hint">{t('shortcuts.intro')}</p>
      <ShortcutSettings />
      <dl className="shortcuts__list">
        {ROWS.map((row) => (
          <div key={row.text} className="shortcuts__row">
            <dt>
              {row.shortcuts.map((shortcut, i) => (
                <span key={shortcut.aria}>
                  {i > 0 ? (row.text.startsWith('shortcuts.moves') ? ' … ' : ' ') : null}
                  <Kbd shortcut={inKeySet(shortcut, keySet)} decorative={false} />
                </span>
              ))}
            </dt>
            <dd>{t(row.text)}</dd>
          </div>
        ))}
        <div className="shortcuts__row">
          <dt>
            <kbd className="kbd">{t('kbd.escape')}</kbd>
          </dt>
          <dd>{t('shortcuts.escape')}</dd>
        </div>
      </dl>
    </section>
  );
}
