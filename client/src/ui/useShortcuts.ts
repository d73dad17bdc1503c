import { useEffect, useRef } from 'react';
import { useShortcutMode } from './shortcutMode.js';
import { isTextEntry, matches, type Shortcut } from './shortcuts.js';

export interface KeyBinding {
  shortcut: Shortcut;
  run: () => void;
  /** A disabled binding still takes its key (so that the browser does nothing surprising). */
  enabled: boolean;
  /** Why a disabled binding does nothing now, said to the person (`onUnavailable`). */
  unavailable?: string;
}

/**
 * The page's shortcuts. Keys typed into a text field are never taken; Escape there leaves the
 * field (to `escapeTo`), so that the shortcuts work again. Ctrl and Meta combinations are the
 * browser's and the system's. A key without Alt (1…0, Maj+1…0, « B ») acts only when focus is
 * in `area` (the console's answer area: WCAG 2.1.4), and no key acts when the person turned
 * shortcuts off (`ShortcutSettings`). A disabled binding's key is taken and its reason handed to
 * `onUnavailable` (the page says it in a status region): a key that does nothing says why; a
 * single key pressed outside `area` goes to `onOutsideArea` (nothing is done, nothing prevented).
 */
export function useShortcuts(
  bindings: readonly KeyBinding[],
  options: {
    active: boolean;
    escapeTo?: () => HTMLElement | null;
    area?: () => HTMLElement | null;
    onUnavailable?: (reason: string) => void;
    /**
     * A single key of the page's pressed with focus outside `area` (after the join, focus is on
     * the page's title): it does nothing there, and the page may say where it acts.
     */
    onOutsideArea?: (shortcut: Shortcut) => void;
  },
): void {
  // The listener is installed once; it reads the latest bindings.
  const [mode] = useShortcutMode();
  const latest = useRef({ bindings, options, mode });
  latest.current = { bindings, options, mode };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const { bindings, options, mode } = latest.current;
      if (
        mode === 'off' ||
        !options.active ||
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.isComposing
      )
        return;
      if (isTextEntry(event.target)) {
        if (event.key === 'Escape' && options.escapeTo && !event.altKey && !event.shiftKey) {
          const target = options.escapeTo();
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }
        return;
      }
      if (event.repeat) return;
      const binding = bindings.find((candidate) => matches(candidate.shortcut, event));
      if (!binding) return;
      if (!binding.shortcut.alt) {
        const area = options.area?.();
        if (!area || !(event.target instanceof Node) || !area.contains(event.target)) {
          // Nothing is done; a key that would do nothing in the area either says why instead.
          if (options.onOutsideArea) {
            if (!binding.enabled && binding.unavailable) options.onUnavailable?.(binding.unavailable);
            else options.onOutsideArea(binding.shortcut);
          }
          return;
        }
      }
      event.preventDefault();
      if (binding.enabled) binding.run();
      else if (binding.unavailable) options.onUnavailable?.(binding.unavailable);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
