// The debrief's lanes as geometry (pure): which lane an entry sits on, which markers a time window
// shows (one per few pixels and lane, however many entries fall there), the time ruler's ticks,
// each variable's curve as the vertices to draw, where the curves' names go, and the colours.
// Drawn twice from this one source: the client paints it on its canvas (`client/src/debrief/
// lanesPaint.ts`), the server writes it as SVG into a debrief link's HTML (`server/src/debrief/
// lanes-svg.ts`), the picture the page shows before its scripts ran.
import { placeEndLabels } from './direct-labels.js';

export const LANES = ['caller', 'listener', 'trainer', 'system'] as const;
export type Lane = (typeof LANES)[number];

export const CURVES_HEIGHT = 96;
export const RULER_HEIGHT = 22;
export const MARKS_HEIGHT = 22;
export const LANE_HEIGHT = 30;
export const LANES_TOP = CURVES_HEIGHT + RULER_HEIGHT + MARKS_HEIGHT;
export const LANES_HEIGHT = LANES_TOP + LANES.length * LANE_HEIGHT;

/** The lane of an entry from its source and its `input:<kind>` / `observation:<kind>`. The
 * caller's lane holds what the caller says (lines, cues, an actor's words); the system's, what
 * the machine and the session did (variables, states, notes, the ending). */
export function laneOfKind(source: string, kind: string): Lane {
  if (kind.startsWith('observation:')) {
    return kind === 'observation:line' || kind === 'observation:cue' ? 'caller' : 'system';
  }
  if (source === 'listener' || source === 'trainer') return source;
  return source === 'callerActor' || source === 'caller' ? 'caller' : 'system';
}

/** Index of the last entry with `t <= time` (times never decreasing); -1 if none. */
export function indexAtTime(times: ArrayLike<number>, time: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? Infinity) <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One drawn marker: the first entry of its bucket, and how many entries it stands for. */
export interface LaneMarker {
  lane: Lane;
  /** Index (in the entries) of the first entry of the bucket. */
  index: number;
  /** Position in px from the window's left edge. */
  x: number;
  count: number;
}

export interface TimeWindow {
  /** Session time at the left edge (ms). */
  from: number;
  /** Session time at the right edge (ms). */
  to: number;
  /** Width in px. */
  width: number;
}

/**
 * The markers of the entries whose time falls in the window, at most one per `bucketPx` per
 * lane. Walks only the entries in the window (found by binary search).
 */
export function laneMarkers(
  /** Each entry's session time (ascending). */
  times: ArrayLike<number>,
  lanes: readonly Lane[],
  window: TimeWindow,
  bucketPx = 6,
): LaneMarker[] {
  const span = window.to - window.from;
  if (span <= 0 || window.width <= 0) return [];
  const scale = window.width / span;
  const first = Math.max(0, indexAtTime(times, window.from - 1e-9) + 1);
  const markers: LaneMarker[] = [];
  const open = new Map<Lane, LaneMarker>();
  for (let i = first; i < times.length; i += 1) {
    const t = times[i] ?? Infinity;
    if (t > window.to) break;
    const lane = lanes[i] ?? 'system';
    const x = (t - window.from) * scale;
    const current = open.get(lane);
    if (current && x - current.x < bucketPx) {
      current.count += 1;
      continue;
    }
    const marker = { lane, index: i, x, count: 1 };
    markers.push(marker);
    open.set(lane, marker);
  }
  return markers;
}

/** A pleasant tick step (ms) for a time axis: about one tick every `minPx` pixels. */
export function tickStep(pxPerMs: number, minPx = 80): number {
  const steps = [
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
    3_600_000,
  ];
  return steps.find((step) => step * pxPerMs >= minPx) ?? steps[steps.length - 1]!;
}

/** The ruler's ticks in the window: whole call times (from the pickup, `origin`) on. */
export function rulerTicks(origin: number, from: number, to: number, pxPerMs: number): number[] {
  const step = tickStep(pxPerMs);
  const list: number[] = [];
  const first = origin + Math.max(0, Math.ceil((from - origin) / step)) * step;
  for (let tick = first; tick <= to; tick += step) list.push(tick);
  return list;
}

/**
 * The window the lanes open on: the whole call (from the pickup, `origin`, to `duration`)
 * fitted in `width` (the lanes' first zoom level, no scroll).
 */
export function openingWindow(
  width: number,
  origin: number,
  duration: number,
): { from: number; to: number; pxPerMs: number } {
  const total = Math.max(duration - origin, 1_000);
  const pxPerMs = width / total;
  return { from: origin, to: origin + width / pxPerMs, pxPerMs };
}

/** Each entry's time as call time reads it: what came before the pickup sits at it. */
export function callTimes(times: Float64Array, origin: number): Float64Array {
  return origin > 0 ? Float64Array.from(times, (t) => Math.max(t, origin)) : times;
}

/** Session time (ms) as a clock reading: `m:ss`, or `h:mm:ss` past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

// Each variable on its own scale: its value as a share (0–100 %) of its declared range.
/** The top of the shared axis: a value at its declared max sits at 100 (%). */
export const SHARE_MAX = 100;

/** Where `value` sits in its own `min`–`max` (0 at min, 100 at max; outside when it is). */
export function shareOf(value: number, range: { min: number; max: number }): number {
  const span = range.max - range.min;
  if (!(span > 0)) return value >= range.max ? SHARE_MAX : 0;
  return ((value - range.min) / span) * SHARE_MAX;
}

/** The value axis's range: each curve is drawn on its own declared range, as a share of it,
 * so the axis reads 0 % at every variable's min, 100 % at its max. */
export const SHARE_RANGE = { min: 0, max: SHARE_MAX } as const;

/** The y of a value in the curves' band, in its own `range` (the value axis reads shares:
 * `curveY(share, SHARE_RANGE)`). */
export function curveY(value: number, range: { min: number; max: number }): number {
  const share = shareOf(value, range);
  return CURVES_HEIGHT - 6 - (share / SHARE_MAX) * (CURVES_HEIGHT - 12);
}

// The look of each variable's curve: distinct on white, still apart for the common colour
// blindnesses, and each with its own dash so that colour is never the only difference.
export const CURVE_COLOURS = ['#b3261e', '#1f5fbf', '#1d7a3a', '#8a5a00', '#6b3fa0', '#00707a'];
/** Each series its own dash (not told apart by colour alone); the legend draws the same. */
export const CURVE_DASHES: readonly (readonly number[])[] = [
  [],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [1, 6],
];

export function curveStyle(i: number): { colour: string; dash: readonly number[] } {
  return {
    colour: CURVE_COLOURS[i % CURVE_COLOURS.length] ?? '#1c2430',
    dash: CURVE_DASHES[i % CURVE_DASHES.length] ?? [],
  };
}

/** The lanes' colours (the client's ui/styles.css custom properties). */
export interface LanesPalette {
  ink: string;
  muted: string;
  line: string;
  lane: Record<Lane, string | null>;
  marker: Record<Lane, string>;
  /** One colour for every curve (forced colours), else each series its own. */
  curve?: string;
}

export const LANES_PALETTE: LanesPalette = {
  ink: '#1c2430',
  muted: '#5a6472',
  line: '#d5dae1',
  lane: { caller: '#eef3fb', listener: null, trainer: '#fff6e0', system: null },
  marker: { caller: '#1f5fbf', listener: '#1d7a3a', trainer: '#8a5a00', system: '#5a6472' },
};

/** Under forced colours (Windows high contrast), everything in the one colour of the text:
 * lanes, markers and curves stay apart by position, shape and dash. */
export function forcedPalette(ink: string): LanesPalette {
  return {
    ink,
    muted: ink,
    line: ink,
    lane: { caller: null, listener: null, trainer: null, system: null },
    marker: { caller: ink, listener: ink, trainer: ink, system: ink },
    curve: ink,
  };
}

/** A variable's value over time, as steps: each change starts a step (the first at 0). */
export interface VariableSeries {
  id: string;
  label: string;
  min: number;
  max: number;
  times: number[];
  values: number[];
}

/** What the lanes show of one window. */
export interface LanesPicture {
  width: number;
  /** Session time of the pickup: the ruler reads call time from it. */
  origin?: number;
  /** Session time at the left edge, and px per ms. */
  from: number;
  pxPerMs: number;
  series: readonly VariableSeries[];
  ticks: readonly number[];
  markers: readonly LaneMarker[];
}

/** One curve to draw: its vertices (x, y pairs, the first where it starts), its name's place. */
export interface CurveGeometry {
  /** Its index among the series (its colour and dash: `curveStyle(style)`). */
  style: number;
  points: number[];
  label: string;
  labelX: number;
  labelY: number;
}

/** Everything the lanes draw of one window, in px from its top left corner. */
export interface LanesGeometry {
  width: number;
  /** Each lane's band (a 1 px line is drawn at its top). */
  bands: { lane: Lane; top: number; height: number }[];
  /** The value axis's lines (0, 50, 100 %), whole pixels. */
  grid: number[];
  curves: CurveGeometry[];
  /** Each tick: its line's x (on the half pixel) and the call time it reads. */
  ticks: { x: number; text: string }[];
  /** Each marker's box; `many`: it stands for several entries (drawn wider, outlined). */
  markers: { lane: Lane; x: number; top: number; width: number; height: number; many: boolean }[];
}

/** The tick's line from the curves' band down (px). */
export const TICK_LENGTH = 6;
/** The tick's text: this far right of its line, on this baseline. */
export const TICK_TEXT_DX = 3;
export const TICK_TEXT_Y = CURVES_HEIGHT + 17;
/** The curves' names: this far left of the right edge. */
export const CURVE_LABEL_INSET = 4;

/**
 * The vertices of one curve in the window: steps that fall in one device pixel's column
 * (`ratio`: device pixels per px) are drawn as one (the level it came at, the lowest and highest
 * it reached there, the level it left at): a few vertices per column however many steps a long
 * call has. Ends at the right edge.
 */
export function curvePoints(series: VariableSeries, picture: LanesPicture, ratio = 1): number[] {
  const { width, from, pxPerMs } = picture;
  const xOf = (time: number) => (time - from) * pxPerMs;
  const to = from + width / pxPerMs;
  // Each curve on its own declared range (a 0–10 stress is not flattened by a 0–150 plan).
  const yOf = (value: number) => curveY(value, series);
  let j = 0;
  while (j + 1 < series.times.length && (series.times[j + 1] ?? Infinity) <= from) j += 1;
  let y = yOf(series.values[j] ?? series.min);
  const points: number[] = [Math.max(0, xOf(0)), y];
  let column = NaN;
  let columnX = 0;
  let steps = 0;
  let low = y;
  let high = y;
  const closeColumn = () => {
    if (steps > 1 && low !== high) points.push(columnX, low, columnX, high);
    points.push(columnX, y);
  };
  for (j += 1; j < series.times.length; j += 1) {
    const time = series.times[j] ?? 0;
    if (time > to) break;
    const x = xOf(time);
    const px = Math.round(x * ratio);
    if (px !== column) {
      if (steps > 0) closeColumn();
      points.push(x, y);
      column = px;
      columnX = x;
      steps = 0;
      low = high = y;
    }
    y = yOf(series.values[j] ?? series.min);
    steps += 1;
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  if (steps > 0) closeColumn();
  points.push(width, y);
  return points;
}

/** The geometry of the window `picture`; `ratio`: the device pixel ratio it is drawn at. */
export function lanesGeometry(picture: LanesPicture, ratio = 1): LanesGeometry {
  const { width, from, pxPerMs } = picture;
  const xOf = (time: number) => (time - from) * pxPerMs;
  const curves = picture.series.map((series, i) => {
    const points = curvePoints(series, picture, ratio);
    return { style: i, points, label: series.label, labelX: width - CURVE_LABEL_INSET, labelY: 0 };
  });
  // Each name at the right end of its line, once every line's end is known: moved off the other
  // names and off the other variables' lines (`direct-labels.ts`).
  const labelYs = placeEndLabels(
    curves.map((c) => c.points[c.points.length - 1] ?? 0),
    10,
    CURVES_HEIGHT - 2,
  );
  curves.forEach((curve, i) => (curve.labelY = labelYs[i] ?? 0));
  return {
    width,
    bands: LANES.map((lane, i) => ({ lane, top: LANES_TOP + i * LANE_HEIGHT, height: LANE_HEIGHT })),
    grid: [0, SHARE_MAX / 2, SHARE_MAX].map((share) => Math.round(curveY(share, SHARE_RANGE))),
    curves,
    ticks: picture.ticks.map((tick) => ({
      x: Math.round(xOf(tick)) + 0.5,
      text: formatDuration(Math.max(0, tick - (picture.origin ?? 0))),
    })),
    markers: picture.markers.map((marker) => {
      const many = marker.count > 1;
      const w = many ? 6 : 4;
      return {
        lane: marker.lane,
        x: marker.x - w / 2,
        top: LANES_TOP + LANES.indexOf(marker.lane) * LANE_HEIGHT + 6,
        width: w,
        height: 18,
        many,
      };
    }),
  };
}

/** What the lanes read of a timeline in columns (`@ecoute/protocol`'s `TimelineColumns`). */
export interface LanesColumns {
  count: number;
  strings: readonly string[];
  t: Float64Array;
  /** Each entry's source and `input:<kind>` / `observation:<kind>`, as codes into `strings`. */
  source: ArrayLike<number>;
  kind: ArrayLike<number>;
  /** A variable observation's variable (a code into `strings`, -1 for other entries) and value. */
  variable: ArrayLike<number>;
  value: ArrayLike<number>;
}

/** The lane of each entry: one `laneOfKind` per (source, kind) pair met, no object per entry. */
export function lanesOfColumns(columns: LanesColumns): Lane[] {
  const { strings, source, kind, count } = columns;
  const pairs = new Map<number, Lane>();
  const lanes = new Array<Lane>(count);
  for (let i = 0; i < count; i += 1) {
    const key = (source[i] ?? 0) * strings.length + (kind[i] ?? 0);
    let lane = pairs.get(key);
    if (lane === undefined) {
      lane = laneOfKind(strings[source[i] ?? 0] ?? '', strings[kind[i] ?? 0] ?? '');
      pairs.set(key, lane);
    }
    lanes[i] = lane;
  }
  return lanes;
}

/** The session time of the pickup (the call clock's 0:00), 0 when the phone was never picked up. */
export function pickupTime(columns: Pick<LanesColumns, 'strings' | 'kind' | 't'>): number {
  const code = columns.strings.indexOf('input:pickup');
  if (code < 0) return 0;
  const found = Array.prototype.indexOf.call(columns.kind, code) as number;
  return found >= 0 ? (columns.t[found] ?? 0) : 0;
}

/** The variables' series from the columns (a variable observation's id, value and time). */
export function variableSteps(
  columns: LanesColumns,
  variables: readonly { id: string; label: string; min: number; max: number; initial: number }[],
): VariableSeries[] {
  const series = new Map(
    variables.map((v) => [
      v.id,
      { id: v.id, label: v.label, min: v.min, max: v.max, times: [0], values: [v.initial] },
    ]),
  );
  const { strings, variable: ids, value: values } = columns;
  const byCode = strings.map((id) => series.get(id));
  for (let i = 0; i < columns.count; i += 1) {
    const code = ids[i] ?? -1;
    if (code < 0) continue;
    const s = byCode[code];
    if (!s) continue;
    const t = columns.t[i] ?? 0;
    const value = values[i] ?? 0;
    if (s.times.at(-1) === t) s.values[s.values.length - 1] = value;
    else {
      s.times.push(t);
      s.values.push(value);
    }
  }
  return [...series.values()];
}

/**
 * The picture the lanes open on at `width` (the whole call fitted, as the page's first paint
 * shows it): its markers, ticks and curves from the timeline's columns. `marks`: the bookmarks'
 * and annotations' times, at their x (one before the pickup sits at it).
 */
export function openingPicture(
  columns: LanesColumns,
  variables: readonly { id: string; label: string; min: number; max: number; initial: number }[],
  marks: readonly { t: number; kind: string }[],
  width: number,
): { picture: LanesPicture; marks: { x: number; kind: string }[] } {
  const origin = pickupTime(columns);
  const duration = columns.t[columns.count - 1] ?? 0;
  const { from, to, pxPerMs } = openingWindow(width, origin, duration);
  const markers = laneMarkers(callTimes(columns.t, origin), lanesOfColumns(columns), { from, to, width });
  return {
    picture: {
      width,
      origin,
      from,
      pxPerMs,
      series: variableSteps(columns, variables),
      ticks: rulerTicks(origin, from, to, pxPerMs),
      markers,
    },
    marks: marks
      .filter((mark) => Math.max(mark.t, origin) >= from && mark.t <= to)
      .map((mark) => ({ x: (Math.max(mark.t, origin) - from) * pxPerMs, kind: mark.kind })),
  };
}
