// What the state graph's view is fitted on: the active states with their neighbours (the states
// one transition away: where the call can go next, where it came from), or, once the call has
// ended, the whole path it took; and the viewport that shows them, or the active states at least.
import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import type { GraphLayout } from './layoutGraph.js';

export interface FitTargets {
  /** The states the view must show: the active states (the deepest ones) or, at the end, the last. */
  focus: string[];
  /** The states it shows too when they fit at a readable zoom: neighbours, or the path taken. */
  context: string[];
  /**
   * When the context does not fit: the focus with the states one transition away from the focus
   * itself (not from its groups, whose ways out lead far: « raccroche » from anywhere).
   */
  near: string[];
  /** The groups the focus sits in directly: shown whole with it when they fit (their title read). */
  groups: string[];
  /** The call is over (ended, or every active state a final one): the view may zoom out to show the path. */
  ended: boolean;
}

/**
 * The states to fit on, from the layout, the active states, those visited and whether the call
 * has ended (an `ending` in the timeline: a hang-up leaves the states as they were). The active
 * states' groups are left out of the focus (a group holds far more than the state in play).
 */
export function fitTargets(
  layout: GraphLayout,
  active: readonly string[],
  visited: ReadonlySet<string>,
  callEnded = false,
): FitTargets {
  const drawn = new Map(layout.nodes.map((node) => [node.id, node]));
  const shown = active.filter((id) => drawn.has(id));
  const focus = shown.filter((id) => !shown.some((other) => other !== id && drawn.get(other)?.parent === id));
  const groupsOf = (ids: readonly string[]) => [
    ...new Set(ids.flatMap((id) => drawn.get(id)?.parent ?? []).filter((id) => drawn.has(id))),
  ];
  const ended = callEnded || (focus.length > 0 && focus.every((id) => drawn.get(id)?.type === 'final'));
  if (ended) {
    const path = layout.nodes.filter((node) => visited.has(node.id) || focus.includes(node.id));
    const context = path.map((node) => node.id);
    return { focus, context, near: context, groups: groupsOf(focus), ended };
  }
  // One transition away from an active state (or from its groups: their ways out apply to it).
  const neighboursOf = (from: ReadonlySet<string>) => {
    const found = new Set<string>(focus);
    for (const edge of layout.edges) {
      if (from.has(edge.source)) found.add(edge.target);
      if (from.has(edge.target)) found.add(edge.source);
    }
    // A neighbour's group would take in all its states: its states one transition away are enough.
    return [...found].filter(
      (id) => drawn.has(id) && (focus.includes(id) || !layout.nodes.some((node) => node.parent === id)),
    );
  };
  // The active states with their groups (the call's view may list the deepest states only).
  const inPlay = new Set<string>();
  for (const id of shown) {
    for (let at: string | null | undefined = id; at; at = drawn.get(at)?.parent) inPlay.add(at);
  }
  return {
    focus,
    context: neighboursOf(inPlay),
    near: neighboursOf(new Set(focus)),
    groups: groupsOf(focus),
    ended,
  };
}

export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Whether `inner` lies inside the view (`width` × `height`, less `padding`) at `viewport`. */
export function inView(
  inner: Rect,
  viewport: Viewport,
  width: number,
  height: number,
  padding: FitPadding,
): boolean {
  const left = inner.x * viewport.zoom + viewport.x;
  const top = inner.y * viewport.zoom + viewport.y;
  const right = left + inner.width * viewport.zoom;
  const bottom = top + inner.height * viewport.zoom;
  const slack = 0.5;
  return (
    left >= padding.left - slack &&
    top >= padding.top - slack &&
    right <= width - padding.right + slack &&
    bottom <= height - padding.bottom + slack
  );
}

/**
 * The shift along one axis that brings [start, end] inside [low, high]; too long for that, it is
 * centred in the whole view [0, size] (the padding keeps room for loops, not needed to read it).
 */
function shiftInto(start: number, end: number, low: number, high: number, size: number): number {
  if (end - start > high - low) return size / 2 - (start + end) / 2;
  if (start < low) return low - start;
  if (end > high) return high - end;
  return 0;
}

/**
 * The viewport showing the first of `contexts` (each holds `focus`, the largest first) that fits
 * between `minZoom` and `maxZoom` with the padding; when none does, the last one moved just
 * enough for the focus to be in view (the active states are never at the view's edge, their
 * neighbours shown as far as they fit).
 */
export function viewportFor(
  contexts: readonly Rect[],
  focus: Rect,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
  padding: FitPadding,
): Viewport {
  const px = (value: number) => `${value}px` as const;
  const paddings = {
    top: px(padding.top),
    right: px(padding.right),
    bottom: px(padding.bottom),
    left: px(padding.left),
  };
  let view = getViewportForBounds(focus, width, height, minZoom, maxZoom, paddings);
  for (const context of contexts) {
    view = getViewportForBounds(context, width, height, minZoom, maxZoom, paddings);
    if (inView(context, view, width, height, padding)) return view;
  }
  if (inView(focus, view, width, height, padding)) return view;
  const { zoom } = view;
  const left = focus.x * zoom + view.x;
  const top = focus.y * zoom + view.y;
  return {
    zoom,
    x: view.x + shiftInto(left, left + focus.width * zoom, padding.left, width - padding.right, width),
    y: view.y + shiftInto(top, top + focus.height * zoom, padding.top, height - padding.bottom, height),
  };
}
