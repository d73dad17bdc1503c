// The listener's move keys, remapped by the person (WCAG 2.1.4: « turn off, remap, or active
// only on focus »). Each remappable slot — the ten first move positions (Maj gives the ten next)
// and the standard actions — keeps its default unless the person chose another key: a letter or
// a digit, with or without Alt. Kept in this browser (localStorage `ecoute.shortcuts.map`); every
// page of the tab follows a change at once. Pure functions here, the panel is `ShortcutRemap`.
import { useCallback } from 'react';
import { saveChoice, useChoice, type ShortcutKeySet } from './shortcutMode.js';
import type { Shortcut } from './shortcuts.js';

const MAP_KEY = 'ecoute.shortcuts.map';

/** A key the person may give a slot: `KeyA`…`KeyZ` or `Digit0`…`Digit9`, with or without Alt. */
export interface ChosenKey {
  code: string;
  alt: boolean;
}

/** The slots that can be remapped, each with its default key. */
export const MOVE_SLOTS = [
  'move1',
  'move2',
  'move3',
  'move4',
  'move5',
  'move6',
  'move7',
  'move8',
  'move9',
  'move10',
] as const;
export const STANDARD_SLOTS = {
  alerter_collegue: { code: 'KeyL', alt: true },
  transferer_15: { code: 'KeyS', alt: true },
  transferer_17: { code: 'KeyP', alt: true },
  transferer_112: { code: 'KeyU', alt: true },
  transferer_3114: { code: 'KeyN', alt: true },
  transferer_service: { code: 'KeyT', alt: true },
  programmer_rappel: { code: 'KeyG', alt: true },
} as const satisfies Record<string, ChosenKey>;
export type StandardSlot = keyof typeof STANDARD_SLOTS;
export type ShortcutSlot = (typeof MOVE_SLOTS)[number] | StandardSlot;
export const SHORTCUT_SLOTS: readonly ShortcutSlot[] = [
  ...MOVE_SLOTS,
  ...(Object.keys(STANDARD_SLOTS) as StandardSlot[]),
];

export type KeyMap = Partial<Record<ShortcutSlot, ChosenKey>>;

const KEY_CODE = /^(Key[A-Z]|Digit[0-9])$/;

export function defaultKey(slot: ShortcutSlot): ChosenKey {
  if (slot in STANDARD_SLOTS) return STANDARD_SLOTS[slot as StandardSlot];
  const n = Number(slot.slice('move'.length));
  return { code: `Digit${n % 10}`, alt: false };
}

/** The key a slot has now: the person's, else its default. */
export function keyOf(slot: ShortcutSlot, map: KeyMap): ChosenKey {
  return map[slot] ?? defaultKey(slot);
}

/** A chosen key as a shortcut (`shift` for the moves 11 to 20). */
export function toShortcut(key: ChosenKey, shift = false): Shortcut {
  const name = key.code.startsWith('Digit') ? key.code.slice('Digit'.length) : key.code.slice('Key'.length);
  const codes = key.code.startsWith('Digit') ? [key.code, `Numpad${name}`] : [key.code];
  const aria = [key.alt ? 'Alt' : null, shift ? 'Shift' : null, name].filter(Boolean).join('+');
  return { codes, alt: key.alt, shift, aria, key: name };
}

/** The key of the n-th move shown (0-based): 1…0, then the same keys with Maj; none past 20. */
export function moveShortcut(index: number, map: KeyMap): Shortcut | undefined {
  const slot = MOVE_SLOTS[index % 10];
  if (index < 0 || index >= 20 || !slot) return undefined;
  return toShortcut(keyOf(slot, map), index >= 10);
}

export function standardShortcut(moveId: string, map: KeyMap): Shortcut | undefined {
  return moveId in STANDARD_SLOTS ? toShortcut(keyOf(moveId as StandardSlot, map)) : undefined;
}

/** The key a keydown gives, or why it cannot be a shortcut (`invalid`: no Maj, Ctrl or Meta). */
export function keyFromEvent(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): ChosenKey | 'invalid' {
  if (event.shiftKey || event.ctrlKey || event.metaKey || !KEY_CODE.test(event.code)) return 'invalid';
  return { code: event.code, alt: event.altKey };
}

const same = (a: ChosenKey, b: ChosenKey) => a.code === b.code && a.alt === b.alt;

/**
 * Who already has `key`, if anyone but `slot`: another slot, or one of the console's fixed keys
 * (`fixed`, e.g. Alt+C « Décrocher »). Keys compare as they act: with the `alt` key set the
 * moves' keys take Alt.
 */
export function holderOf<F extends string>(
  key: ChosenKey,
  slot: ShortcutSlot,
  map: KeyMap,
  fixed: Readonly<Record<F, ChosenKey>>,
  keySet: ShortcutKeySet = 'plain',
): ShortcutSlot | F | null {
  const acting = (of: ShortcutSlot, chosen: ChosenKey): ChosenKey =>
    keySet === 'alt' && (MOVE_SLOTS as readonly string[]).includes(of)
      ? { code: chosen.code, alt: true }
      : chosen;
  const wanted = acting(slot, key);
  for (const other of SHORTCUT_SLOTS)
    if (other !== slot && same(acting(other, keyOf(other, map)), wanted)) return other;
  for (const name of Object.keys(fixed) as F[]) if (same(fixed[name], wanted)) return name;
  return null;
}

export function readKeyMap(): KeyMap {
  try {
    const stored = JSON.parse(window.localStorage.getItem(MAP_KEY) ?? '{}') as unknown;
    if (typeof stored !== 'object' || stored === null) return {};
    const map: KeyMap = {};
    for (const slot of SHORTCUT_SLOTS) {
      const key = (stored as Record<string, unknown>)[slot] as Partial<ChosenKey> | undefined;
      if (key && typeof key.code === 'string' && KEY_CODE.test(key.code) && typeof key.alt === 'boolean')
        map[slot] = { code: key.code, alt: key.alt };
    }
    return map;
  } catch {
    return {};
  }
}

export function saveKeyMap(map: KeyMap): void {
  saveChoice(MAP_KEY, JSON.stringify(map));
}

let cached: { text: string | null; map: KeyMap } = { text: null, map: {} };
/** The stored map, the same object while the stored text is the same (a stable hook value). */
function readKeyMapCached(): KeyMap {
  let text: string | null;
  try {
    text = window.localStorage.getItem(MAP_KEY);
  } catch {
    text = null;
  }
  if (text !== cached.text) cached = { text, map: readKeyMap() };
  return cached.map;
}

export function useKeyMap(): [KeyMap, (map: KeyMap) => void] {
  const save = useCallback((map: KeyMap) => saveKeyMap(map), []);
  return useChoice(readKeyMapCached, save);
}
