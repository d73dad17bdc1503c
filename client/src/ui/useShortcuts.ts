import { useEffect, useRef } from 'react';
import { isTextEntry, matches, type Shortcut } from './shortcuts.js';

export interface KeyBinding {
  shortcut: Shortcut;
  run: () => void;
  /** A disabled binding still takes its key (so that the browser does nothing surprising). */
  enabled: boolean;
}

/**
 * Page-wide shortcuts. Keys typed into a text field are never taken; Escape there leaves the
 * field (to `escapeTo`), so that the shortcuts work again. Ctrl and Meta combinations are the
 * browser's and the system's.
 */
export function useShortcuts(
  bindings: readonly KeyBinding[],
  options: { active: boolean; escapeTo?: () => HTMLElement | null },
): void {
  // The listener is installed once; it reads the latest bindings.
  const latest = useRef({ bindings, options });
  latest.current = { bindings, options };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const { bindings, options } = latest.current;
      if (!options.active || event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing)
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
      event.preventDefault();
      if (binding.enabled) binding.run();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
