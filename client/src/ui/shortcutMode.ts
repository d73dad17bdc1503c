// The person's choice for single-key shortcuts (WCAG 2.1.4): `area` (default) — a key without
// Alt acts only when focus is in the console's answer area; `off` — the page takes no key at all.
// Kept in this browser (localStorage); every page of the tab follows a change at once.
import { useEffect, useState } from 'react';

export const SHORTCUT_MODES = ['area', 'off'] as const;
export type ShortcutMode = (typeof SHORTCUT_MODES)[number];

const STORAGE_KEY = 'ecoute.shortcuts';
const CHANGED = 'ecoute:shortcuts';

export function readShortcutMode(): ShortcutMode {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (SHORTCUT_MODES as readonly string[]).includes(stored ?? '') ? (stored as ShortcutMode) : 'area';
  } catch {
    return 'area';
  }
}

export function saveShortcutMode(mode: ShortcutMode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function useShortcutMode(): [ShortcutMode, (mode: ShortcutMode) => void] {
  const [mode, setMode] = useState(readShortcutMode);
  useEffect(() => {
    const reread = (): void => setMode(readShortcutMode());
    window.addEventListener(CHANGED, reread);
    window.addEventListener('storage', reread);
    return () => {
      window.removeEventListener(CHANGED, reread);
      window.removeEventListener('storage', reread);
    };
  }, []);
  return [mode, saveShortcutMode];
}
