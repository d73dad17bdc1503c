// Keyboard shortcuts of the role pages: what a key is (matched by `event.code`, so that AZERTY
// and QWERTY keyboards, and Mac's Option key, behave the same) and how it is written.

export interface Shortcut {
  /** `KeyboardEvent.code` values that trigger it (a digit also from the numeric keypad). */
  codes: readonly string[];
  alt: boolean;
  shift: boolean;
  /** The `aria-keyshortcuts` value, e.g. `Alt+C`, `1`, `Shift+1`. */
  aria: string;
  /** The key as shown on screen, without modifier words (the page adds « Alt », « Maj »). */
  key: string;
}

export function altLetter(letter: string): Shortcut {
  const upper = letter.toUpperCase();
  return { codes: [`Key${upper}`], alt: true, shift: false, aria: `Alt+${upper}`, key: upper };
}

export function plainLetter(letter: string): Shortcut {
  const upper = letter.toUpperCase();
  return { codes: [`Key${upper}`], alt: false, shift: false, aria: upper, key: upper };
}

/** The n-th digit shortcut (0-based): 1…9, 0, then Maj+1…Maj+0; none past 20. */
export function digitShortcut(index: number): Shortcut | undefined {
  if (index < 0 || index >= 20) return undefined;
  const digit = String((index % 10) + 1).slice(-1);
  const shift = index >= 10;
  return {
    codes: [`Digit${digit}`, `Numpad${digit}`],
    alt: false,
    shift,
    aria: shift ? `Shift+${digit}` : digit,
    key: digit,
  };
}

export function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  return (
    shortcut.codes.includes(event.code) && shortcut.alt === event.altKey && shortcut.shift === event.shiftKey
  );
}

/** A field where keys type text: shortcuts never take keys from it. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
    target.type,
  );
}
