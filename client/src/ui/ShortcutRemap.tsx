import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { Kbd } from './Kbd.js';
import {
  SHORTCUT_SLOTS,
  holderOf,
  keyFromEvent,
  moveShortcut,
  standardShortcut,
  toShortcut,
  useKeyMap,
  type ChosenKey,
  type ShortcutSlot,
} from './shortcutKeys.js';
import { inKeySet, useShortcutKeySet } from './shortcutMode.js';
import './shortcutRemap.css';

/** The console's keys that are not remapped, by the catalogue key of their name. */
export type FixedKeys = Partial<Record<MessageKey, ChosenKey>>;

const STANDARD_NAMES: Record<string, MessageKey> = {
  alerter_collegue: 'shortcuts.colleague',
  transferer_15: 'shortcuts.remap.transfer15',
  transferer_17: 'shortcuts.remap.transfer17',
  transferer_112: 'shortcuts.remap.transfer112',
  transferer_3114: 'shortcuts.3114',
  transferer_service: 'shortcuts.service',
  programmer_rappel: 'shortcuts.callback',
};

/**
 * `shortcuts.remap.heading`: each move slot and standard action with its key and a
 * `shortcuts.remap.change` button; pressed, the button waits for the next key (a letter or a digit, with or
 * without Alt; Escape gives up, Tab leaves) and keeps it unless another action has it. What
 * happened is said in a status region. Stored by `useKeyMap` (localStorage). `slots`: the ones
 * listed (the call's moves); a key is still refused when a slot not listed has it, since the
 * keys are kept for every call in this browser.
 */
export function ShortcutRemap({
  fixed,
  slots = SHORTCUT_SLOTS,
}: {
  fixed: FixedKeys;
  slots?: readonly ShortcutSlot[];
}) {
  const { t } = useI18n();
  const [map, setMap] = useKeyMap();
  const [keySet] = useShortcutKeySet();
  const [waiting, setWaiting] = useState<ShortcutSlot | null>(null);
  const [message, setMessage] = useState('');
  const headingId = useId();

  const nameOf = (slot: ShortcutSlot): string => {
    const standard = STANDARD_NAMES[slot];
    return standard ? t(standard) : t('shortcuts.remap.move', { n: Number(slot.slice('move'.length)) });
  };
  const shortcutOf = (slot: ShortcutSlot) =>
    slot.startsWith('move')
      ? inKeySet(moveShortcut(Number(slot.slice('move'.length)) - 1, map)!, keySet)
      : standardShortcut(slot, map)!;
  const ariaOf = (key: ChosenKey) => toShortcut(key).aria.replace('Alt', t('kbd.alt'));

  function onKeyDown(slot: ShortcutSlot, event: KeyboardEvent<HTMLButtonElement>): void {
    if (waiting !== slot) return;
    if (event.key === 'Tab') {
      setWaiting(null);
      return;
    }
    if (['Alt', 'Shift', 'Control', 'Meta', 'AltGraph'].includes(event.key)) return;
    // The key is the setting's, never a shortcut of the page (useShortcuts skips prevented keys).
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') {
      setWaiting(null);
      setMessage(t('shortcuts.remap.cancelled'));
      return;
    }
    const key = keyFromEvent(event.nativeEvent);
    if (key === 'invalid') {
      setMessage(t('shortcuts.remap.invalid'));
      return;
    }
    const fixedKeys = fixed as Record<string, ChosenKey>;
    const holder = holderOf(key, slot, map, fixedKeys, keySet);
    if (holder) {
      const holderName = holder in fixedKeys ? t(holder as MessageKey) : nameOf(holder as ShortcutSlot);
      setMessage(t('shortcuts.remap.taken', { key: ariaOf(key), action: holderName }));
      return;
    }
    setMap({ ...map, [slot]: key });
    setWaiting(null);
    setMessage(t('shortcuts.remap.done', { action: nameOf(slot), key: ariaOf(key) }));
  }

  function reset(): void {
    setMap({});
    setWaiting(null);
    setMessage(t('shortcuts.remap.resetDone'));
  }

  return (
    <details className="shortcut-remap">
      <summary id={headingId}>{t('shortcuts.remap.heading')}</summary>
      <p className="hint">{t('shortcuts.remap.intro')}</p>
      <table className="shortcut-remap__table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.remap.action')}</th>
            <th scope="col">{t('shortcuts.remap.key')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('shortcuts.remap.change')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot}>
              <th scope="row">{nameOf(slot)}</th>
              <td>
                <Kbd shortcut={shortcutOf(slot)} decorative={false} />
              </td>
              <td>
                <button
                  type="button"
                  className="button--secondary button--small"
                  onClick={() => {
                    setWaiting(waiting === slot ? null : slot);
                    setMessage(t(waiting === slot ? 'shortcuts.remap.cancelled' : 'shortcuts.remap.press'));
                  }}
                  onKeyDown={(event) => onKeyDown(slot, event)}
                  onBlur={() => {
                    if (waiting === slot) setWaiting(null);
                  }}
                >
                  {waiting === slot ? (
                    t('shortcuts.remap.press')
                  ) : (
                    <>
                      {t('shortcuts.remap.change')}
                      <span className="visually-hidden">
                        {' '}
                        {t('shortcuts.remap.changeFor', { action: nameOf(slot) })}
                      </span>
                    </>
                  )}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="shortcut-remap__status">
        {message}
      </p>
      <button type="button" className="button--secondary" onClick={reset}>
        {t('shortcuts.remap.reset')}
      </button>
    </details>
  );
}
