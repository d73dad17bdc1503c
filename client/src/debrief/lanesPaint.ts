// The lanes' drawing (pure of React): the variables' curves, the time ruler, the lanes and their
// markers, painted on one canvas for the visible window. One canvas instead of an element per
// marker: a long call costs the same few draw calls per marker bucket, and stepping through the
// moments never repaints it (the cursor is an element of its own above it).
import { SHARE_MAX, shareOf } from '../charts/curveScale.js';
import { curveStyle } from '../charts/curveStyle.js';
import { placeEndLabels } from '../charts/directLabels.js';
import { formatDuration } from '../ui/formatDuration.js';
import { LANES, type Lane, type LaneMarker } from './lanes.js';
import type { VariableSeries } from './moment.js';

export const CURVES_HEIGHT = 96;
export const RULER_HEIGHT = 22;
export const MARKS_HEIGHT = 22;
export const LANE_HEIGHT = 30;
export const LANES_TOP = CURVES_HEIGHT + RULER_HEIGHT + MARKS_HEIGHT;
export const LANES_HEIGHT = LANES_TOP + LANES.length * LANE_HEIGHT;
export { CURVE_COLOURS, CURVE_DASHES, curveStyle } from '../charts/curveStyle.js';
export { freeLabelY } from '../charts/directLabels.js';

/** The value axis's range: each curve is drawn on its own declared range, as a share of it
 * (`charts/curveScale.ts`), so the axis reads 0 % at every variable's min, 100 % at its max. */
export const SHARE_RANGE = { min: 0, max: SHARE_MAX } as const;

/** The y of a value in the curves' band, in its own `range` (the value axis reads shares:
 * `curveY(share, SHARE_RANGE)`). */
export function curveY(value: number, range: { min: number; max: number }): number {
  const share = shareOf(value, range);
  return CURVES_HEIGHT - 6 - (share / SHARE_MAX) * (CURVES_HEIGHT - 12);
}

/** The few methods of a 2D context the lanes use (a test records them). */
export type LanesContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'fillText'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'setLineDash'
  | 'textAlign'
>;

/** The colours: ui/styles.css's custom properties (read once, not at each paint: reading the
 * computed style makes the browser work out the whole page's style first). */
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

/** Paints the window; `ratio` is the device pixel ratio the canvas was sized with. */
export function paintLanes(
  ctx: LanesContext,
  picture: LanesPicture,
  palette: LanesPalette = LANES_PALETTE,
  ratio = 1,
): void {
  const { width, from, pxPerMs } = picture;
  const xOf = (time: number) => (time - from) * pxPerMs;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, LANES_HEIGHT);

  LANES.forEach((lane, i) => {
    const top = LANES_TOP + i * LANE_HEIGHT;
    const background = palette.lane[lane];
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, top, width, LANE_HEIGHT);
    }
    ctx.fillStyle = palette.line;
    ctx.fillRect(0, top, width, 1);
  });

  // The value axis's lines (its numbers, shares of each range, are beside the canvas).
  ctx.fillStyle = palette.line;
  for (const share of [0, SHARE_MAX / 2, SHARE_MAX])
    ctx.fillRect(0, Math.round(curveY(share, SHARE_RANGE)), width, 1);
  const to = from + width / pxPerMs;
  const ends: number[] = [];
  ctx.font = '11px system-ui, sans-serif';
  picture.series.forEach((series, i) => {
    // Each curve on its own declared range (a 0–10 stress is not flattened by a 0–150 plan).
    const yOf = (value: number) => curveY(value, series);
    let j = 0;
    while (j + 1 < series.times.length && (series.times[j + 1] ?? Infinity) <= from) j += 1;
    const style = curveStyle(i);
    ctx.strokeStyle = palette.curve ?? style.colour;
    ctx.setLineDash([...style.dash]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    let y = yOf(series.values[j] ?? series.min);
    ctx.moveTo(Math.max(0, xOf(0)), y);
    // Steps that fall in one device pixel's column are drawn as one: the level it came at,
    // the lowest and highest it reached there, the level it left at (the same pixels lit as a
    // vertex per step, for a few vertices per column however many steps a long call has).
    let column = NaN;
    let columnX = 0;
    let steps = 0;
    let low = y;
    let high = y;
    const closeColumn = () => {
      if (steps > 1 && low !== high) {
        ctx.lineTo(columnX, low);
        ctx.lineTo(columnX, high);
      }
      ctx.lineTo(columnX, y);
    };
    for (j += 1; j < series.times.length; j += 1) {
      const time = series.times[j] ?? 0;
      if (time > to) break;
      const x = xOf(time);
      const px = Math.round(x * ratio);
      if (px !== column) {
        if (steps > 0) closeColumn();
        ctx.lineTo(x, y);
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
    ctx.lineTo(width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ends.push(y);
  });
  // Each name at the right end of its line, once every line's end is known: moved off the other
  // names and off the other variables' lines (charts/directLabels.ts).
  const labelYs = placeEndLabels(ends, 10, CURVES_HEIGHT - 2);
  ctx.textAlign = 'right';
  picture.series.forEach((series, i) => {
    ctx.fillStyle = palette.curve ?? curveStyle(i).colour;
    ctx.fillText(series.label, width - 4, labelYs[i] ?? 0);
  });
  ctx.textAlign = 'left';

  ctx.fillStyle = palette.muted;
  ctx.strokeStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  for (const tick of picture.ticks) {
    const x = Math.round(xOf(tick)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, CURVES_HEIGHT);
    ctx.lineTo(x, CURVES_HEIGHT + 6);
    ctx.stroke();
    ctx.fillText(formatDuration(Math.max(0, tick - (picture.origin ?? 0))), x + 3, CURVES_HEIGHT + 17);
  }

  for (const marker of picture.markers) {
    const top = LANES_TOP + LANES.indexOf(marker.lane) * LANE_HEIGHT + 6;
    const many = marker.count > 1;
    const w = many ? 6 : 4;
    ctx.fillStyle = palette.marker[marker.lane];
    ctx.fillRect(marker.x - w / 2, top, w, 18);
    if (many) {
      ctx.strokeStyle = palette.ink;
      ctx.strokeRect(marker.x - w / 2 - 0.5, top - 0.5, w + 1, 19);
    }
  }
}
