import { useId } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ShortcutSettings } from '../ui/ShortcutSettings.js';
import { ShortcutRemap, type FixedKeys } from '../ui/ShortcutRemap.js';
import { Kbd } from '../ui/Kbd.js';
import type { Shortcut } from '../ui/shortcuts.js';
import { PHONE_KEYS } from '../ui/moveShortcuts.js';
import { moveShortcut, standardShortcut, useKeyMap, type KeyMap } from '../ui/shortcutKeys.js';
import { inKeySet, useShortcutKeySet } from '../ui/shortcutMode.js';
import { TALK_KEY } from './PushToTalk.js';

/**
 * The rows of the help, with the person's keys (`map`): the moves' keys may be remapped. In free
 * speech there are no action buttons, so no action keys: the push-to-talk key instead.
 */
function rows(map: KeyMap, freeSpeech: boolean): { shortcuts: Shortcut[]; text: MessageKey }[] {
  const standard = (...ids: string[]) => ids.flatMap((id) => standardShortcut(id, map) ?? []);
  const phone = [
    { shortcuts: [PHONE_KEYS.pickup], text: 'shortcuts.pickup' },
    { shortcuts: [PHONE_KEYS.hold], text: 'shortcuts.hold' },
    { shortcuts: [PHONE_KEYS.hangup], text: 'shortcuts.hangup' },
  ] satisfies { shortcuts: Shortcut[]; text: MessageKey }[];
  const consoleKeys = [
    { shortcuts: [PHONE_KEYS.say], text: 'shortcuts.say' },
    { shortcuts: [PHONE_KEYS.notes], text: 'shortcuts.notes' },
    { shortcuts: [PHONE_KEYS.voice], text: 'shortcuts.voice' },
    { shortcuts: [PHONE_KEYS.sounds], text: 'shortcuts.sounds' },
  ] satisfies { shortcuts: Shortcut[]; text: MessageKey }[];
  if (freeSpeech) return [...phone, { shortcuts: [TALK_KEY], text: 'shortcuts.remap.talk' }, ...consoleKeys];
  return [
    ...phone,
    { shortcuts: [moveShortcut(0, map)!, moveShortcut(9, map)!], text: 'shortcuts.moves' },
    { shortcuts: [moveShortcut(10, map)!, moveShortcut(19, map)!], text: 'shortcuts.movesMore' },
    { shortcuts: standard('alerter_collegue'), text: 'shortcuts.colleague' },
    { shortcuts: standard('transferer_15', 'transferer_17', 'transferer_112'), text: 'shortcuts.emergency' },
    { shortcuts: standard('transferer_3114'), text: 'shortcuts.3114' },
    { shortcuts: standard('transferer_service'), text: 'shortcuts.service' },
    { shortcuts: standard('programmer_rappel'), text: 'shortcuts.callback' },
    ...consoleKeys,
  ];
}

const fixedKey = (shortcut: Shortcut) => ({ code: shortcut.codes[0] ?? '', alt: shortcut.alt });

/** The console's own keys, which the moves' keys may not take. */
const FIXED: FixedKeys = {
  'shortcuts.pickup': fixedKey(PHONE_KEYS.pickup),
  'shortcuts.hold': fixedKey(PHONE_KEYS.hold),
  'shortcuts.hangup': fixedKey(PHONE_KEYS.hangup),
  'shortcuts.say': fixedKey(PHONE_KEYS.say),
  'shortcuts.notes': fixedKey(PHONE_KEYS.notes),
  'shortcuts.voice': fixedKey(PHONE_KEYS.voice),
  'shortcuts.sounds': fixedKey(PHONE_KEYS.sounds),
  'shortcuts.remap.talk': fixedKey(TALK_KEY),
};

/**
 * Every key of the listener's console, on screen (each button also shows its own). `freeSpeech`:
 * the console has no action buttons, so neither their keys nor the setting that changes them.
 */
export function ShortcutsHelp({ freeSpeech = false }: { freeSpeech?: boolean }) {
  const { t } = useI18n();
  const headingId = useId();
  const [keySet] = useShortcutKeySet();
  const [map] = useKeyMap();
  return (
    <section className="panel shortcuts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('shortcuts.heading')}</h2>
      <p className="hint">{t('shortcuts.intro')}</p>
      <ShortcutSettings />
      {freeSpeech ? null : <ShortcutRemap fixed={FIXED} />}
      <dl className="shortcuts__list">
        {rows(map, freeSpeech).map((row) => (
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
