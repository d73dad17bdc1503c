import { useI18n } from '../i18n/index.js';
import type { I18n } from '../i18n/I18nContext.js';
import type { Shortcut } from './shortcuts.js';

/** A shortcut in the person's language: Alt+C, 3, Maj+1. */
export function shortcutText(shortcut: Shortcut, t: I18n['t']): string {
  const parts = [shortcut.alt ? t('kbd.alt') : null, shortcut.shift ? t('kbd.shift') : null, shortcut.key];
  return parts.filter((part) => part !== null).join('+');
}

/**
 * A shortcut as shown on a button or in the help: Alt+C, 3, Maj+1. On a button it
 * is hidden from screen readers (`aria-keyshortcuts` says it, the button's name stays clean), and
 * from touch-only screens (`kbd--badge`, styles.css): no keyboard to press it there.
 */
export function Kbd({ shortcut, decorative = true }: { shortcut: Shortcut; decorative?: boolean }) {
  const { t } = useI18n();
  return (
    <kbd className={decorative ? 'kbd kbd--badge' : 'kbd'} aria-hidden={decorative ? true : undefined}>
      {shortcutText(shortcut, t)}
    </kbd>
  );
}
