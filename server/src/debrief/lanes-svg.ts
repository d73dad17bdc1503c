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
  LANES,
  LANES_HEIGHT,
  LANES_PALETTE,
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

/** A nested SVG the width of the drawing, its `width` px of geometry stretched to it. */
function stretched(width: number, height: number): string {
  return `<svg x="0" y="0" width="100%" height="${height}" viewBox="0 0 ${num(width)} ${height}" preserveAspectRatio="none" overflow="visible">`;
}

/** A curve's vertices as path data: `H` and `V` for the steps' runs, one decimal. */
function pathOf(points: readonly number[]): string {
  let x = points[0] ?? 0;
  let y = points[1] ?? 0;
  let d = `M${num1(x)} ${num1(y)}`;
  for (let k = 2; k + 1 < points.length; k += 2) {
    const nx = points[k] ?? 0;
    const ny = points[k + 1] ?? 0;
    if (num1(ny) === num1(y)) {
      if (num1(nx) !== num1(x)) d += `H${num1(nx)}`;
    } else if (num1(nx) === num1(x)) d += `V${num1(ny)}`;
    else d += `L${num1(nx)} ${num1(ny)}`;
    x = nx;
    y = ny;
  }
  return d;
}

function num1(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** `value` px of `width` as a percentage of the SVG's width. */
function pct(value: number, width: number): string {
  return `${num((value / width) * 100)}%`;
}

/** On a phone's width, one ruler time of this many is shown (the layout's spacing, a quarter or less). */
export const SPARSE_TICKS = 4;

/** A mark's button on the page (debrief.css's `.lanes__mark`): its size and colours. */
const MARK_WIDTH = 14;
const MARK_HEIGHT = 18;
const MARK_COLOURS = {
  bookmark: { border: '#8a5a00', fill: '#ffd98a' },
  annotation: { border: '#1f5fbf', fill: '#cfe0fb' },
} as const;

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

  // The curves and the markers: stretched to the SVG's width (`stretched`), their strokes kept
  // in px. A curve is steps: horizontal and vertical runs written as such (`H`, `V`).
  parts.push(stretched(width, CURVES_HEIGHT));
  for (const curve of geometry.curves) {
    const style = curveStyle(curve.style);
    const dash = style.dash.length > 0 ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
    parts.push(
      `<path d="${pathOf(curve.points)}" fill="none" stroke="${palette.curve ?? style.colour}" stroke-width="2"${dash} vector-effect="non-scaling-stroke"/>`,
    );
  }
  parts.push('</svg>');
  for (const curve of geometry.curves)
    parts.push(
      `<text x="100%" dx="${num(curve.labelX - width)}" y="${num(curve.labelY)}" text-anchor="end" fill="${palette.curve ?? curveStyle(curve.style).colour}">${escapeXml(curve.label)}</text>`,
    );

  // The ruler. Its times are spaced for the layout's width: on a phone's the picture is a quarter
  // of it or less, and only every `SPARSE_TICKS`th time is shown (`lanes-early__tick--minor`
  // hidden by debrief.css below 40rem), so they never run into each other.
  geometry.ticks.forEach((tick, i) => {
    const x = pct(tick.x, width);
    const minor = i % SPARSE_TICKS === 0 ? '' : ' lanes-early__tick--minor';
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${CURVES_HEIGHT}" y2="${CURVES_HEIGHT + TICK_LENGTH}" stroke="${palette.muted}" stroke-width="1"/>`,
      `<text class="lanes-early__tick${minor}" x="${x}" dx="${TICK_TEXT_DX}" y="${TICK_TEXT_Y}" fill="${palette.muted}">${escapeXml(tick.text)}</text>`,
    );
  });

  // The marks' row: each mark where the page puts its button (14 × 18 px, centred on its time,
  // its border 2 px), as strokes of those widths: one path per kind and colour (a long call has
  // hundreds of bookmarks: an element each would weigh more than the rest of the drawing).
  const marksTop = CURVES_HEIGHT + RULER_HEIGHT;
  parts.push(stretched(width, LANES_HEIGHT));
  for (const [kind, colours] of Object.entries(MARK_COLOURS)) {
    const xs = marks.filter((mark) => (mark.kind === 'annotation') === (kind === 'annotation'));
    if (xs.length === 0) continue;
    const strokes = (inset: number) =>
      xs.map((mark) => `M${num(mark.x)} ${marksTop + inset}v${MARK_HEIGHT - 2 * inset}`).join('');
    parts.push(
      `<path d="${strokes(0)}" stroke="${colours.border}" stroke-width="${MARK_WIDTH}" vector-effect="non-scaling-stroke"/>`,
      `<path d="${strokes(2)}" stroke="${colours.fill}" stroke-width="${MARK_WIDTH - 4}" vector-effect="non-scaling-stroke"/>`,
    );
  }
  parts.push('</svg>');

  // The markers, one per bucket and lane: each a vertical stroke of the marker's width (a
  // marker standing for several entries: wider, outlined in ink), one path per lane and kind.
  parts.push(stretched(width, LANES_HEIGHT));
  for (const lane of LANES) {
    const own = geometry.markers.filter((m) => m.lane === lane);
    for (const many of [false, true]) {
      const markers = own.filter((m) => m.many === many);
      if (markers.length === 0) continue;
      const colour = palette.marker[lane];
      const w = markers[0]!.width;
      const strokes = (inset: number) =>
        markers
          .map((m) => `M${num(m.x + m.width / 2)} ${num(m.top - inset)}v${num(m.height + 2 * inset)}`)
          .join('');
      if (many)
        parts.push(
          `<path d="${strokes(0.5)}" stroke="${palette.ink}" stroke-width="${num(w + 1)}" vector-effect="non-scaling-stroke"/>`,
        );
      parts.push(
        `<path d="${strokes(many ? -0.5 : 0)}" stroke="${colour}" stroke-width="${num(many ? w - 1 : w)}" vector-effect="non-scaling-stroke"/>`,
      );
    }
  }
  parts.push('</svg>');
  parts.push('</svg>');
  return parts.join('');
}
