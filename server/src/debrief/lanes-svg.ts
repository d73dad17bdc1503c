// The debrief's lanes as SVG, written into a debrief link's HTML for its signed-in trainer
// (`early-lanes.ts`): the picture the page's canvas paints (`@ecoute/engine`'s `lanesGeometry`,
// the one geometry the client's `lanesPaint.ts` paints too), there with the document's first
// paint, before any script ran. A picture only (`aria-hidden`: React's lanes are the accessible
// ones, and replace it); no sentence of the interface (variable labels and call times only).
//
// The width: the server does not know the lanes' width, so the geometry is laid out at
// `EARLY_WIDTH` and written in percentages of the SVG's own width (100 % of the lanes' box, as
// the canvas is): x as `%`, the fixed sizes (marker widths, text, line widths, heights) in px,
// the curves in a nested SVG stretched horizontally only (`preserveAspectRatio="none"`) with
// strokes that do not scale (`vector-effect`). The text is never stretched, the markers keep
// their widths, and at the width the page then has, every x is where the canvas puts it (to
// the markers' bucketing: buckets of 6 px at `EARLY_WIDTH`). No `style` attribute (the CSP
// allows no inline style): presentation attributes only.
import {
  CURVES_HEIGHT,
  LANES_HEIGHT,
  LANES_PALETTE,
  MARKS_HEIGHT,
  RULER_HEIGHT,
  TICK_LENGTH,
  TICK_TEXT_DX,
  TICK_TEXT_Y,
  curveStyle,
  type LanesGeometry,
  type LanesPalette,
} from '@ecoute/engine';

/** The width the opening window is laid out at (px): a laptop's lanes (1366 px wide screen). */
export const EARLY_WIDTH = 1200;

/** Text and attribute values escaped for HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** A number as written in an attribute: at most two decimals, no `-0`. */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** `value` px of `width` as a percentage of the SVG's width. */
function pct(value: number, width: number): string {
  return `${num((value / width) * 100)}%`;
}

/** A bookmark or annotation at its x (the page draws it as a button on the marks' row). */
export interface MarkAt {
  x: number;
  kind: string;
}

/**
 * The SVG of one window's geometry (laid out at `geometry.width`), with the marks' row, as a
 * string of markup ready to put in HTML. `palette`: the page's colours.
 */
export function lanesSvg(
  geometry: LanesGeometry,
  marks: readonly MarkAt[] = [],
  palette: LanesPalette = LANES_PALETTE,
): string {
  const { width } = geometry;
  const parts: string[] = [
    `<svg class="lanes-early__svg" xmlns="http://www.w3.org/2000/svg" width="100%" height="${LANES_HEIGHT}" focusable="false" aria-hidden="true" font-family="system-ui, sans-serif" font-size="11">`,
  ];
  for (const band of geometry.bands) {
    const background = palette.lane[band.lane];
    if (background)
      parts.push(
        `<rect x="0" y="${num(band.top)}" width="100%" height="${num(band.height)}" fill="${background}"/>`,
      );
    parts.push(`<rect x="0" y="${num(band.top)}" width="100%" height="1" fill="${palette.line}"/>`);
  }
  for (const y of geometry.grid)
    parts.push(`<rect x="0" y="${num(y)}" width="100%" height="1" fill="${palette.line}"/>`);

  // The curves: stretched to the SVG's width, their strokes kept at 2 px.
  parts.push(
    `<svg x="0" y="0" width="100%" height="${CURVES_HEIGHT}" viewBox="0 0 ${num(width)} ${CURVES_HEIGHT}" preserveAspectRatio="none" overflow="visible">`,
  );
  for (const curve of geometry.curves) {
    const style = curveStyle(curve.style);
    const { points } = curve;
    let d = `M${num(points[0] ?? 0)} ${num(points[1] ?? 0)}`;
    for (let k = 2; k + 1 < points.length; k += 2) d += `L${num(points[k] ?? 0)} ${num(points[k + 1] ?? 0)}`;
    const dash = style.dash.length > 0 ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
    parts.push(
      `<path d="${d}" fill="none" stroke="${palette.curve ?? style.colour}" stroke-width="2"${dash} vector-effect="non-scaling-stroke"/>`,
    );
  }
  parts.push('</svg>');
  for (const curve of geometry.curves)
    parts.push(
      `<text x="100%" dx="${num(curve.labelX - width)}" y="${num(curve.labelY)}" text-anchor="end" fill="${palette.curve ?? curveStyle(curve.style).colour}">${escapeXml(curve.label)}</text>`,
    );

  // The ruler.
  for (const tick of geometry.ticks) {
    const x = pct(tick.x, width);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${CURVES_HEIGHT}" y2="${CURVES_HEIGHT + TICK_LENGTH}" stroke="${palette.muted}" stroke-width="1"/>`,
      `<text x="${x}" dx="${TICK_TEXT_DX}" y="${TICK_TEXT_Y}" fill="${palette.muted}">${escapeXml(tick.text)}</text>`,
    );
  }

  // The marks' row: each mark where the page puts its button (14 × 18 px, centred on its time).
  const marksTop = CURVES_HEIGHT + RULER_HEIGHT;
  for (const mark of marks) {
    const annotation = mark.kind === 'annotation';
    parts.push(
      `<svg x="${pct(mark.x, width)}" y="${marksTop}" width="14" height="${MARKS_HEIGHT}" overflow="visible"><rect x="-6" y="1" width="12" height="16" rx="3" fill="${annotation ? '#cfe0fb' : '#ffd98a'}" stroke="${annotation ? '#1f5fbf' : '#8a5a00'}" stroke-width="2"/></svg>`,
    );
  }

  // The markers, one per bucket and lane.
  for (const marker of geometry.markers) {
    const outline = marker.many ? ` stroke="${palette.ink}" stroke-width="1"` : '';
    parts.push(
      `<rect x="${pct(marker.x, width)}" y="${num(marker.top)}" width="${num(marker.width)}" height="${num(marker.height)}" fill="${palette.marker[marker.lane]}"${outline}/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
