import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long a lazily loaded page's heading is waited for (its chunk still arriving). */
const HEADING_WAIT_MS = 5_000;

/**
 * After an in-app navigation, the focus goes to the new page: its heading (`h1`), or the main
 * region until a page still loading shows its heading. Without it the focus stayed on a removed
 * element (« Se déconnecter », a form's button: the browser puts it back on the body, the next
 * Tab starts at the top of the page) or on the header's or footer's link that was followed, and
 * a screen reader said nothing of the new page. A page that placed the focus itself (inside
 * `main`) keeps it; the first page loaded keeps the browser's start (the skip link first).
 */
export function useFocusOnNavigation(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const region = main.current;
    if (!region) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && region.contains(active)) return;
    const focusHeading = (): boolean => {
      const heading = region.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    region.focus();
    // A lazy page's heading comes with its chunk: the focus moves on to it if it is still on main.
    const observer = new MutationObserver(() => {
      if (document.activeElement !== region) observer.disconnect();
      else if (focusHeading()) observer.disconnect();
    });
    observer.observe(region, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, main]);
}
