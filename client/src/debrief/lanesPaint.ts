// The lanes' drawing (pure of React): the variables' curves, the time ruler, the lanes and their
// markers, painted on one canvas for the visible window. One canvas instead of an element per
// marker: a long call costs the same few draw calls per marker bucket, and stepping through the
// moments never repaints it (the cursor is an element of its own above it). What is drawn where
// is the lanes' geometry (`@ecoute/engine`'s `lanesGeometry`), which the server also writes as
// SVG into a debrief link's HTML: this file only paints it.
import {
  CURVES_HEIGHT,
  LANES_HEIGHT,
  LANES_PALETTE,
  TICK_LENGTH,
  TICK_TEXT_DX,
  TICK_TEXT_Y,
  curveStyle,
  lanesGeometry,
  type LanesPalette,
  type LanesPicture,
} from '@ecoute/engine';

export {
  CURVES_HEIGHT,
  CURVE_COLOURS,
  CURVE_DASHES,
  LANES_HEIGHT,
  LANES_PALETTE,
  LANES_TOP,
  LANE_HEIGHT,
  MARKS_HEIGHT,
  RULER_HEIGHT,
  SHARE_RANGE,
  curveStyle,
  curveY,
  forcedPalette,
  freeLabelY,
  type LanesPalette,
  type LanesPicture,
} from '@ecoute/engine';

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

/** The narrowest lanes (CSS px) that write the curves' names at their end. */
export const END_LABELS_MIN_WIDTH = 360;

/** Paints the window; `ratio` is the device pixel ratio the canvas was sized with. */
export function paintLanes(
  ctx: LanesContext,
  picture: LanesPicture,
  palette: LanesPalette = LANES_PALETTE,
  ratio = 1,
): void {
  const geometry = lanesGeometry(picture, ratio);
  const { width } = geometry;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, LANES_HEIGHT);

  for (const band of geometry.bands) {
    const background = palette.lane[band.lane];
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, band.top, width, band.height);
    }
    ctx.fillStyle = palette.line;
    ctx.fillRect(0, band.top, width, 1);
  }

  // The value axis's lines (its numbers, shares of each range, are beside the canvas).
  ctx.fillStyle = palette.line;
  for (const y of geometry.grid) ctx.fillRect(0, y, width, 1);
  ctx.font = '11px system-ui, sans-serif';
  for (const curve of geometry.curves) {
    const style = curveStyle(curve.style);
    ctx.strokeStyle = palette.curve ?? style.colour;
    ctx.setLineDash([...style.dash]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    const { points } = curve;
    ctx.moveTo(points[0] ?? 0, points[1] ?? 0);
    for (let k = 2; k + 1 < points.length; k += 2) ctx.lineTo(points[k] ?? 0, points[k + 1] ?? 0);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The names at the lines' end, where there is room for them beside the lines: on a phone's
  // narrow lanes they lay over the curves themselves (the legend above names each line by its dash).
  if (width >= END_LABELS_MIN_WIDTH) {
    ctx.textAlign = 'right';
    for (const curve of geometry.curves) {
      ctx.fillStyle = palette.curve ?? curveStyle(curve.style).colour;
      ctx.fillText(curve.label, curve.labelX, curve.labelY);
    }
    ctx.textAlign = 'left';
  }

  ctx.fillStyle = palette.muted;
  ctx.strokeStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  for (const tick of geometry.ticks) {
    ctx.beginPath();
    ctx.moveTo(tick.x, CURVES_HEIGHT);
    ctx.lineTo(tick.x, CURVES_HEIGHT + TICK_LENGTH);
    ctx.stroke();
    ctx.fillText(tick.text, tick.x + TICK_TEXT_DX, TICK_TEXT_Y);
  }

  for (const marker of geometry.markers) {
    ctx.fillStyle = palette.marker[marker.lane];
    ctx.fillRect(marker.x, marker.top, marker.width, marker.height);
    if (marker.many) {
      ctx.strokeStyle = palette.ink;
      ctx.strokeRect(marker.x - 0.5, marker.top - 0.5, marker.width + 1, marker.height + 1);
    }
  }
}
