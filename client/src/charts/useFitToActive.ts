// Keeps the state graph's view on the call: on the active states when they change, when the
// drawing is laid out again, and when its box is resized (a window narrowed, a phone turned).
import { useEffect, useMemo, useRef } from 'react';
import type { Rect, Viewport } from '@xyflow/react';
import { fitTargets } from './fitTargets.js';
import { READABLE_ZOOM, fittedView } from './graphCanvas.js';
import type { GraphLayout } from './layoutGraph.js';
import type { BoxSize } from './useBoxSize.js';

type Fitted = { drawing: object; key: string; outer: string };

/**
 * Fits the view on the active states with their neighbours (one transition away) at a readable
 * zoom — the active states always in view, the neighbours as far as they fit —; once the call
 * has ended (or only final states are active), on the whole path taken; with none active (the
 * group debrief), on the whole graph. Never below the readable zoom: what does not fit is reached
 * by scrolling the box. A new `layout` is fitted again, not a re-render of the same one (a move
 * that changes no state keeps the view where the trainer put it). `show` sets the view.
 */
export function useFitToActive({
  active,
  labels,
  visited,
  ended,
  layout,
  rects,
  box,
  show,
}: {
  active: readonly string[];
  /** The edges' labels the view keeps clear of the box's sides (`FitOn.labels`). */
  labels?: readonly Rect[] | undefined;
  visited: ReadonlySet<string>;
  /** The call has ended: the whole path is shown. */
  ended: boolean;
  layout: GraphLayout | null;
  rects: ReadonlyMap<string, Rect>;
  box: BoxSize | null;
  show: (view: Viewport) => void;
}): void {
  const states = active.join('|');
  // Fitted again when the call ends too (a hang-up may leave the states as they were).
  const key = `${ended ? 'ended:' : ''}${states}`;
  const targets = useMemo(
    () => (layout && states ? fitTargets(layout, states.split('|'), visited, ended) : null),
    [layout, states, visited, ended],
  );
  const fitted = useRef<Fitted | null>(null);
  useEffect(() => {
    if (!layout || !box) return;
    const last = fitted.current;
    if (last && last.drawing === layout && last.key === key && last.outer === box.outer) return;
    const view = fittedView(layout, rects, box, READABLE_ZOOM, { ...targets, labels });
    if (!view) return;
    fitted.current = { drawing: layout, key, outer: box.outer };
    show(view);
  }, [layout, rects, box, key, targets, labels, show]);
}
