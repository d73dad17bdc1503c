import { useId } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ShortcutSettings } from '../ui/ShortcutSettings.js';
import { ShortcutRemap, type FixedKeys } from '../ui/ShortcutRemap.js';
import { Kbd } from '../ui/Kbd.js';
import type { Shortcut } from '../ui/shortcuts.js';
import { isAlwaysAvailable, PHONE_KEYS } from '../ui/moveShortcuts.js';
import {
  MOVE_SLOTS,
  moveShortcut,
  STANDARD_SLOTS,
  standardShortcut,
  useKeyMap,
  type KeyMap,
  type ShortcutSlot,
} from '../ui/shortcutKeys.js';
import { inKeySet, useShortcutKeySet } from '../ui/shortcutMode.js';
import { TALK_KEY } from './PushToTalk.js';
import { PHONE_LAYOUT, useMediaQuery } from '../ui/useMediaQuery.js';

type Row = { shortcuts: Shortcut[]; text: MessageKey };

const EMERGENCY = [
  { id: 'transferer_15', text: 'shortcuts.remap.transfer15' },
  { id: 'transferer_17', text: 'shortcuts.remap.transfer17' },
  { id: 'transferer_112', text: 'shortcuts.remap.transfer112' },
] as const satisfies readonly { id: string; text: MessageKey }[];

/** How many of the call's moves take a digit: its own, not the standard ones (a letter each, or the phone's). */
function digitMoveCount(moves: ReadonlySet<string>): number {
  return [...moves].filter((id) => !isAlwaysAvailable(id)).length;
}

/** The digits' row: the first key and the last one the call's moves can take. */
function digitRow(first: number, count: number, map: KeyMap, text: MessageKey): Row[] {
  if (count <= 0) return [];
  const last = first + Math.min(count, 10) - 1;
  const keys = last === first ? [first] : [first, last];
  return [{ shortcuts: keys.map((index) => moveShortcut(index, map)!), text }];
}

/**
 * The rows of the help, with the person's keys (`map`): the moves' keys may be remapped. Only
 * the keys of the call's own moves (`moves`): a standard action the call does not have, or
 * digits past its moves, would do nothing. In free speech there are no action buttons, so no
 * action keys: the push-to-talk key instead.
 */
function rows(map: KeyMap, freeSpeech: boolean, moves: ReadonlySet<string>): Row[] {
  const standard = (...ids: string[]) =>
    ids.flatMap((id) => (moves.has(id) ? (standardShortcut(id, map) ?? []) : []));
  const phone = [
    { shortcuts: [PHONE_KEYS.pickup], text: 'shortcuts.pickup' },
    { shortcuts: [PHONE_KEYS.hold], text: 'shortcuts.hold' },
    { shortcuts: [PHONE_KEYS.hangup], text: 'shortcuts.hangup' },
  ] satisfies Row[];
  const consoleKeys = [
    { shortcuts: [PHONE_KEYS.say], text: 'shortcuts.say' },
    { shortcuts: [PHONE_KEYS.notes], text: 'shortcuts.notes' },
    { shortcuts: [PHONE_KEYS.voice], text: 'shortcuts.voice' },
    { shortcuts: [PHONE_KEYS.sounds], text: 'shortcuts.sounds' },
  ] satisfies Row[];
  if (freeSpeech) return [...phone, { shortcuts: [TALK_KEY], text: 'shortcuts.remap.talk' }, ...consoleKeys];
  const digits = digitMoveCount(moves);
  // The three emergency numbers share a row when the call has all three.
  const emergency = EMERGENCY.every(({ id }) => moves.has(id))
    ? [{ shortcuts: standard(...EMERGENCY.map(({ id }) => id)), text: 'shortcuts.emergency' as const }]
    : EMERGENCY.map(({ id, text }) => ({ shortcuts: standard(id), text }));
  return [
    ...phone,
    ...digitRow(0, digits, map, digits > 10 ? 'shortcuts.moves' : 'shortcuts.movesAll'),
    ...digitRow(10, digits - 10, map, 'shortcuts.movesMore'),
    ...(
      [
        { shortcuts: standard('alerter_collegue'), text: 'shortcuts.colleague' },
        ...emergency,
        { shortcuts: standard('transferer_3114'), text: 'shortcuts.3114' },
        { shortcuts: standard('transferer_service'), text: 'shortcuts.service' },
        { shortcuts: standard('programmer_rappel'), text: 'shortcuts.callback' },
      ] satisfies Row[]
    ).filter((row) => row.shortcuts.length > 0),
    ...consoleKeys,
  ];
}

/** The remappable slots of the call's moves: its digits' positions and its standard actions. */
function slotsOf(moves: ReadonlySet<string>): ShortcutSlot[] {
  return [
    ...MOVE_SLOTS.slice(0, digitMoveCount(moves)),
    ...(Object.keys(STANDARD_SLOTS) as (keyof typeof STANDARD_SLOTS)[]).filter((id) => moves.has(id)),
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
 * Every key of the listener's console, on screen (each button also shows its own). `moves`: the
 * ids of the call's moves (the scenario's, whether the current state offers them or not); only
 * their keys are listed. `freeSpeech`: the console has no action buttons, so neither their keys
 * nor the setting that changes them.
 */
export function ShortcutsHelp({
  moves,
  freeSpeech = false,
}: {
  moves: ReadonlySet<string>;
  freeSpeech?: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [keySet] = useShortcutKeySet();
  const [map] = useKeyMap();
  const slots = freeSpeech ? [] : slotsOf(moves);
  // On a phone, keys matter to few (a keyboard plugged into a tablet, a switch access): the panel
  // is folded under its heading, not 1,000 px of « Répondre » between the moves and the notes.
  const folded = useMediaQuery(PHONE_LAYOUT);
  const heading = <h2 id={headingId}>{t('shortcuts.heading')}</h2>;
  const body = (
    <>
      <p className="hint">{t('shortcuts.intro')}</p>
      <ShortcutSettings />
      {slots.length > 0 ? <ShortcutRemap fixed={FIXED} slots={slots} /> : null}
      <dl className="shortcuts__list">
        {rows(map, freeSpeech, moves).map((row) => (
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
    </>
  );
  return (
    <section className="panel shortcuts" aria-labelledby={headingId}>
      {folded ? (
        <details className="shortcuts__fold disclosure">
          <summary>{heading}</summary>
          {body}
        </details>
      ) : (
        <>
          {heading}
          {body}
        </>
      )}
    </section>
  );
}
