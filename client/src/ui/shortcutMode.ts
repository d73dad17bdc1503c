// The person's choices for the single-key shortcuts (WCAG 2.1.4), kept in this browser
// (localStorage); every page of the tab follows a change at once.
// - Mode (`ecoute.shortcuts`): `area` (default) — a key without Alt acts only when focus is in
//   the console's answer area; `off` — the page takes no key at all.
// - Key set (`ecoute.shortcuts.keys`): `plain` (default) — moves 1…0, Maj+1…0 and the bookmark
//   « B » alone; `alt` — the same keys with Alt (Alt+1…0, Alt+Maj+1…0, Alt+B), which then act
//   wherever focus is, like the other Alt shortcuts, and a key alone does nothing.
import { useEffect, useState } from 'react';
import type { Shortcut } from './shortcuts.js';

export const SHORTCUT_MODES = ['area', 'off'] as const;
export type ShortcutMode = (typeof SHORTCUT_MODES)[number];

export const SHORTCUT_KEY_SETS = ['plain', 'alt'] as const;
export type ShortcutKeySet = (typeof SHORTCUT_KEY_SETS)[number];

const MODE_KEY = 'ecoute.shortcuts';
const KEY_SET_KEY = 'ecoute.shortcuts.keys';
const CHANGED = 'ecoute:shortcuts';

function readChoice<T extends string>(storageKey: string, options: readonly T[], fallback: T): T {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return (options as readonly string[]).includes(stored ?? '') ? (stored as T) : fallback;
  } catch {
    return fallback;
  }
}

export function saveChoice(storageKey: string, value: string): void {
  try {
    window.localStorage.setItem(storageKey, value);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** A stored choice, followed as it changes in this tab (`saveChoice`) or another one. */
export function useChoice<T>(read: () => T, save: (value: T) => void): [T, (value: T) => void] {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const reread = (): void => setValue(read());
    window.addEventListener(CHANGED, reread);
    window.addEventListener('storage', reread);
    return () => {
      window.removeEventListener(CHANGED, reread);
      window.removeEventListener('storage', reread);
    };
  }, [read]);
  return [value, save];
}

export function readShortcutMode(): ShortcutMode {
  return readChoice(MODE_KEY, SHORTCUT_MODES, 'area');
}

export function saveShortcutMode(mode: ShortcutMode): void {
  saveChoice(MODE_KEY, mode);
}

export function useShortcutMode(): [ShortcutMode, (mode: ShortcutMode) => void] {
  return useChoice(readShortcutMode, saveShortcutMode);
}

export function readShortcutKeySet(): ShortcutKeySet {
  return readChoice(KEY_SET_KEY, SHORTCUT_KEY_SETS, 'plain');
}

export function saveShortcutKeySet(keys: ShortcutKeySet): void {
  saveChoice(KEY_SET_KEY, keys);
}

export function useShortcutKeySet(): [ShortcutKeySet, (keys: ShortcutKeySet) => void] {
  return useChoice(readShortcutKeySet, saveShortcutKeySet);
}

/** A single-key shortcut in the chosen key set: with `alt`, the same key with Alt. */
export function inKeySet(shortcut: Shortcut, keys: ShortcutKeySet): Shortcut {
  if (keys === 'plain' || shortcut.alt) return shortcut;
  return { ...shortcut, alt: true, aria: `Alt+${shortcut.aria}` };
}
