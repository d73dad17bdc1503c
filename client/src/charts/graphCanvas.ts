// The state graph is drawn at a zoom on a canvas inside a box that scrolls, not panned inside a
// box of the page's width: on a phone, the states left and right of the view were out of reach
// (no keyboard panning, a touch drag fought the page's scroll). The canvas is the laid-out graph
// at that zoom with room round it, never smaller than the box; the view is the box's scroll.
import type { Rect, Viewport } from '@xyflow/react';
import { viewportFor, type FitPadding } from './fitTargets.js';
import type { GraphLayout } from './layoutGraph.js';

/** The zoom the drawing is read at, at least: labels of 13 px stay ≥ 12 px on screen. */
export const READABLE_ZOOM = 0.95;

/** The zoom the drawing is shown at, at most, fitted on a few states or on a small graph. */
export const FIT_MAX_ZOOM = 1.2;

/**
 * Zooming in (`graph.zoomIn`) goes no further; zooming out and showing all (`graph.zoomOut`,
 * `graph.fitView`) no further than the whole graph in the box, at most this small (a call four
 * screens wide, whole on a phone's 300 px).
 */
export const MAX_ZOOM = 2;
export const MIN_ZOOM = 0.05;

/** Each press of the zoom in or out button (xyflow's own step). */
export const ZOOM_STEP = 1.2;

/**
 * Room round the states when the view is fitted, and round the drawing on the canvas: loops stand
 * off a state's top and right side (with their count of calls, `graph.edgeCalls`, on the right).
 * The zoom controls are beside the drawing, not over it.
 */
export const FIT_PADDING = { top: 40, right: 80, bottom: 40, left: 24 } as const;

export interface Size {
  width: number;
  height: number;
}

export interface Canvas extends Size {
  /** Where the drawing's origin sits on the canvas, at its zoom: xyflow's viewport. */
  viewport: Viewport;
}

/**
 * The canvas of `drawing` (the laid-out graph's size) at `zoom` in a box of `box` (its inner
 * size): the drawing with the padding round it; in a larger box it fills the box (the page's
 * stylesheet keeps it at least the box's size) with the drawing in its middle.
 */
export function canvasFor(drawing: Size, zoom: number, box: Size, padding: FitPadding = FIT_PADDING): Canvas {
  const width = Math.ceil(drawing.width * zoom + padding.left + padding.right);
  const height = Math.ceil(drawing.height * zoom + padding.top + padding.bottom);
  return {
    width,
    height,
    viewport: {
      zoom,
      x: padding.left + Math.max(0, box.width - width) / 2,
      y: padding.top + Math.max(0, box.height - height) / 2,
    },
  };
}

/** The box's scroll that shows `view` (where the drawing's origin sits in the box, at its zoom). */
export function scrollFor(view: Viewport, canvas: Canvas): { left: number; top: number } {
  return { left: canvas.viewport.x - view.x, top: canvas.viewport.y - view.y };
}

/** The view the box shows at a scroll: where the drawing's origin sits in the box. */
export function viewAt(canvas: Canvas, scroll: { left: number; top: number }): Viewport {
  return {
    zoom: canvas.viewport.zoom,
    x: canvas.viewport.x - scroll.left,
    y: canvas.viewport.y - scroll.top,
  };
}

/** `view` at another zoom, the point at the box's middle kept where it was. */
export function zoomedView(view: Viewport, zoom: number, box: Size): Viewport {
  const middle = { x: (box.width / 2 - view.x) / view.zoom, y: (box.height / 2 - view.y) / view.zoom };
  return { zoom, x: box.width / 2 - middle.x * zoom, y: box.height / 2 - middle.y * zoom };
}

/** The zoom that shows the whole drawing with its padding in the box (never under MIN_ZOOM). */
export function wholeZoom(drawing: Size, box: Size, padding: FitPadding = FIT_PADDING): number {
  const across = (box.width - padding.left - padding.right) / Math.max(1, drawing.width);
  const down = (box.height - padding.top - padding.bottom) / Math.max(1, drawing.height);
  return Math.max(MIN_ZOOM, Math.min(across, down));
}

/** Every state's box in the drawing's coordinates (the layout gives a nested state's from its group). */
export function stateRects(layout: GraphLayout): Map<string, Rect> {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const rects = new Map<string, Rect>();
  const rectOf = (id: string): Rect | undefined => {
    const known = rects.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) return undefined;
    const parent = node.parent ? rectOf(node.parent) : undefined;
    const rect = {
      x: (parent?.x ?? 0) + node.x,
      y: (parent?.y ?? 0) + node.y,
      width: node.width,
      height: node.height,
    };
    rects.set(id, rect);
    return rect;
  };
  for (const node of layout.nodes) rectOf(node.id);
  return rects;
}

/** The box round these states (those drawn), or null when none is. */
export function boundsOf(rects: ReadonlyMap<string, Rect>, ids: readonly string[]): Rect | null {
  const drawn = ids.flatMap((id) => rects.get(id) ?? []);
  if (drawn.length === 0) return null;
  const left = Math.min(...drawn.map((r) => r.x));
  const top = Math.min(...drawn.map((r) => r.y));
  const right = Math.max(...drawn.map((r) => r.x + r.width));
  const bottom = Math.max(...drawn.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export interface FitOn {
  /** The states to show (the whole drawing when left out). */
  context?: readonly string[] | undefined;
  /** When they do not all fit: these in view rather than their middle. */
  focus?: readonly string[] | undefined;
  /** When the context does not fit: these, if more than the focus. */
  near?: readonly string[] | undefined;
  /** Shown whole with the focus when they fit at `minZoom` (a group's title read). */
  groups?: readonly string[] | undefined;
  /**
   * The edges' labels drawn (their boxes in the drawing: the group debrief's counts, « 1 appel »),
   * kept clear of the box's sides as the states' names are.
   */
  labels?: readonly Rect[] | undefined;
}

/**
 * The view on some states of the drawing, or on all of it: zoomed in no further than
 * FIT_MAX_ZOOM and out no further than `minZoom`; when they do not all fit, on the `near` ones,
 * and when these do not fit either, with the `focus` in view rather than their middle — with
 * their `groups` whole when these fit; then moved sideways so that no state's name is cut by the
 * box's left side (`namesUncut`). Null when there is nothing to fit: no room, no state drawn.
 */
export function fittedView(
  layout: GraphLayout,
  rects: ReadonlyMap<string, Rect>,
  box: Size,
  minZoom: number,
  on: FitOn = {},
): Viewport | null {
  if (box.width === 0 || box.height === 0) return null;
  const whole: Rect = { x: 0, y: 0, width: layout.width, height: layout.height };
  const bounds = on.context ? boundsOf(rects, on.context) : whole;
  if (!bounds) return null;
  if (!on.context && !on.focus) {
    // The whole drawing: from its top, across the middle, when it does not fit.
    const zoom = Math.min(FIT_MAX_ZOOM, Math.max(minZoom, wholeZoom(layout, box)));
    const canvas = canvasFor(layout, zoom, box);
    const view = {
      zoom,
      x: canvas.width > box.width ? (box.width - layout.width * zoom) / 2 : canvas.viewport.x,
      y: canvas.viewport.y,
    };
    // Names moved clear of the box's sides, the drawing's middle kept in the box.
    const middle = { x: layout.width / 2 - 1, y: 0, width: 2, height: 0 };
    return namesUncut(view, layout, rects, box, middle, on.labels).view;
  }
  let focusBounds = boundsOf(rects, on.focus ?? []) ?? bounds;
  const focused = (on.focus ?? []).filter((id) => rects.has(id));
  // What stays in the box when names are moved clear of its sides: the active states, and their
  // groups with them when these were framed whole (a group's title is read).
  let kept = boundsOf(rects, focused) ?? focusBounds;
  const framing = (on.groups ?? []).filter((id) => rects.has(id));
  if (focused.length > 0 && framing.length > 0) {
    const framed = boundsOf(rects, [...focused, ...framing])!;
    // Within the whole view (less 8 px a side): wider than the padding allows, it is centred.
    if (framed.width * minZoom <= box.width - 16 && framed.height * minZoom <= box.height - 16) {
      focusBounds = framed;
      kept = framed;
    }
  }
  const nearby = (on.near ?? []).filter((id) => rects.has(id));
  // The nearer states only when they are more than the focus (else the wider context, moved).
  const contexts = nearby.length > focused.length ? [bounds, boundsOf(rects, nearby)!] : [bounds];
  const view = viewportFor(contexts, focusBounds, box.width, box.height, minZoom, FIT_MAX_ZOOM, FIT_PADDING);
  // Not by zooming out: the readable zoom is the smallest at which labels stay at 12 px
  // (`e2e/graph-reach`).
  return namesUncut(view, layout, rects, box, kept, on.labels).view;
}

/** How far inside the box's side a name brought in stands, and the focus at least. */
const EDGE_ROOM = 8;

/**
 * Where a state's name lies across the drawing: a state's label is centred with 15 px either side
 * (`layoutGraph`'s leaf width: the label's and 30); a group's title at its top left (8 px in, its
 * bold letters ≈ 8 px each).
 */
function nameSpan(rect: Rect, label: string, group: boolean): { from: number; to: number } {
  if (group) return { from: rect.x + 8, to: rect.x + Math.min(rect.width, 8 + label.length * 8) };
  const inset = Math.min(15, rect.width / 2);
  return { from: rect.x + inset, to: rect.x + rect.width - inset };
}

/**
 * `view` moved sideways, if need be, so that no state's name is cut by the box's sides: on a phone
 * the fit at the readable zoom centred the active state's neighbours, wider than the box, and the
 * states at both sides lost half their names (« …raccroche (échec) »). Of the moves that bring a
 * name wholly in or push it wholly out (each name's ends against the box's sides), the one leaving
 * fewest names cut at the left (a name is read from its start: one cut at the right still says
 * what it is, and the box scrolls to the rest), then fewest cut at the right, then showing most
 * names whole, then the smallest; the `focus` stays inside the box (less 8 px a side), the drawing
 * within the box's scroll. Names wider than the box, which no move shows whole, are not counted;
 * nor are those above or below the box (its height scrolls). `labels`, the edges' labels drawn,
 * count as names (« 1 appel » on a loop past the box's right side on a phone: the group debrief).
 * `cut`: the names still cut.
 */
export function namesUncut(
  view: Viewport,
  layout: GraphLayout,
  rects: ReadonlyMap<string, Rect>,
  box: Size,
  focus: Rect | null,
  labels: readonly Rect[] = [],
): { view: Viewport; cut: { left: number; right: number } } {
  const { zoom } = view;
  const canvas = canvasFor(layout, zoom, box);
  // The views the box's scroll can show: the drawing's origin from the canvas's padding leftwards.
  const highest = canvas.viewport.x;
  const lowest = highest - Math.max(0, canvas.width - box.width);
  const reachable = (x: number) => Math.min(highest, Math.max(lowest, x));
  const groups = new Set(layout.nodes.flatMap((node) => (node.parent ? [node.parent] : [])));
  const spans = [
    ...layout.nodes.flatMap((node) => {
      const rect = rects.get(node.id);
      return rect ? [{ rect, ...nameSpan(rect, node.label, groups.has(node.id)) }] : [];
    }),
    ...labels.map((rect) => ({ rect, from: rect.x, to: rect.x + rect.width })),
  ];
  const names = spans.filter(({ rect, from, to }) => {
    const top = rect.y * zoom + view.y;
    const shown = top < box.height && top + rect.height * zoom > 0;
    return shown && (to - from) * zoom <= box.width - 2 * EDGE_ROOM;
  });
  const slack = 0.5;
  /** The names cut at the left, at the right, and those whole, with the drawing's origin at `x`. */
  const cutAt = (x: number) => {
    let left = 0;
    let right = 0;
    let whole = 0;
    for (const span of names) {
      const from = span.from * zoom + x;
      const to = span.to * zoom + x;
      if (from < -slack && to > slack) left += 1;
      else if (from < box.width - slack && to > box.width + slack) right += 1;
      else if (from >= -slack && to <= box.width + slack) whole += 1;
    }
    return { left, right, whole };
  };
  const start = reachable(view.x);
  const first = cutAt(start);
  if (first.left + first.right === 0) return { view, cut: { left: 0, right: 0 } };
  const focusFits = (x: number): boolean => {
    if (!focus) return true;
    const left = focus.x * zoom + x;
    return left >= EDGE_ROOM - slack && left + focus.width * zoom <= box.width - EDGE_ROOM + slack;
  };
  let best = { x: start, ...first };
  const better = (x: number, cut: ReturnType<typeof cutAt>) =>
    cut.left !== best.left
      ? cut.left < best.left
      : cut.right !== best.right
        ? cut.right < best.right
        : cut.whole !== best.whole
          ? cut.whole > best.whole
          : Math.abs(x - start) < Math.abs(best.x - start);
  for (const span of names) {
    const from = span.from * zoom + start;
    const to = span.to * zoom + start;
    // In at the left or the right side, out past either.
    for (const move of [EDGE_ROOM - from, box.width - EDGE_ROOM - to, -to, box.width - from]) {
      const x = reachable(start + move);
      if (x === start || !focusFits(x)) continue;
      const cut = cutAt(x);
      if (better(x, cut)) best = { x, ...cut };
    }
  }
  return {
    view: best.x === start ? view : { ...view, x: best.x },
    cut: { left: best.left, right: best.right },
  };
}
