// Whether a CSS media query matches now, followed as it changes (a phone turned, a window
// resized). Without `matchMedia` (tests' jsdom), false.
import { useSyncExternalStore } from 'react';

function mediaOf(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query)
    : null;
}

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const media = mediaOf(query);
      media?.addEventListener('change', changed);
      return () => media?.removeEventListener('change', changed);
    },
    () => mediaOf(query)?.matches ?? false,
    () => false,
  );
}

/** The listener's console shows one part at a time below this width (listener.css's `40rem`). */
export const PHONE_LAYOUT = '(max-width: 40rem)';
