import { useI18n } from '../i18n/index.js';
import type { Shortcut } from './shortcuts.js';

/**
 * A shortcut as shown on a button or in the help: Alt+C, 3, Maj+1. On a button it
 * is hidden from screen readers (`aria-keyshortcuts` says it, the button's name stays clean), and
 * from touch-only screens (`kbd--badge`, styles.css): no keyboard to press it there.
 */
export function Kbd({ shortcut, decorative = true }: { shortcut: Shortcut; decorative?: boolean }) {
  const { t } = useI18n();
  const parts = [shortcut.alt ? t('kbd.alt') : null, shortcut.shift ? t('kbd.shift') : null, shortcut.key];
  return (
    <kbd className={decorative ? 'kbd kbd--badge' : 'kbd'} aria-hidden={decorative ? true : undefined}>
      {parts.filter((part) => part !== null).join('+')}
    </kbd>
  );
}
