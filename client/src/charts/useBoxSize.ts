// The size of the state graph's scrolling box, followed as the page changes (a window narrowed,
// a phone turned, a tab shown).
import { useEffect, useState, type RefObject } from 'react';
import type { Size } from './graphCanvas.js';

export interface BoxSize extends Size {
  /**
   * The box's outer size (scrollbars included), as one key: it changes when the page resizes the
   * box, not when a scrollbar comes or goes inside it (the view is fitted again on the former only:
   * a zoom that brought a scrollbar was undone).
   */
  outer: string;
}

/** The inner size (less scrollbars) of the element in `ref`, once it is in the page. */
export function useBoxSize(ref: RefObject<HTMLElement | null>, ready: boolean): BoxSize | null {
  const [size, setSize] = useState<BoxSize | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!ready || !element) return;
    const measure = () => {
      const next = {
        width: element.clientWidth,
        height: element.clientHeight,
        outer: `${element.offsetWidth}×${element.offsetHeight}`,
      };
      setSize((last) =>
        last && last.width === next.width && last.height === next.height && last.outer === next.outer
          ? last
          : next,
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, ready]);
  return size;
}
