import { useLayoutEffect, type RefObject } from 'react';

/**
 * Publishes the height of a sticky box as the CSS variable `name` on the page (0 while the box is
 * not sticky, e.g. on short screens), kept true as it resizes, removed with the box: the page keeps
 * that much room above a focused control (`scroll-padding-top`), so the focus is never under it.
 * The call status bar (`--call-status-height`) and the class's message (`--class-message-height`).
 */
export function useStickyHeight(box: RefObject<HTMLElement | null>, name: string, shown = true): void {
  useLayoutEffect(() => {
    const element = box.current;
    const root = document.documentElement;
    if (!element || !shown) return;
    const publish = (): void => {
      const sticky = getComputedStyle(element).position === 'sticky';
      root.style.setProperty(name, sticky ? `${element.offsetHeight}px` : '0px');
    };
    publish();
    if (typeof ResizeObserver === 'undefined') return () => root.style.removeProperty(name);
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    window.addEventListener('resize', publish);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', publish);
      root.style.removeProperty(name);
    };
  }, [box, name, shown]);
}
