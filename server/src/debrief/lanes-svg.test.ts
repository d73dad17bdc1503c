// The lanes' SVG of a debrief link's HTML draws what the lanes' geometry says (the geometry the
// client's canvas paints): the curves' vertices, the ruler's ticks and times, each marker on its
// lane, the marks; the variables' labels escaped; no inline style (the CSP allows none).
import { describe, expect, it } from '@jest/globals';
import {
  LANES_PALETTE,
  lanesGeometry,
  laneMarkers,
  rulerTicks,
  type Lane,
  type LanesPicture,
} from '@ecoute/engine';
import { earlyLanesHtml, withEarlyLanes } from './early-lanes.js';
import { SPARSE_TICKS, escapeXml, lanesSvg } from './lanes-svg.js';

const WIDTH = 600;

/** A call of 2 minutes from its pickup at 4 s: entries on every lane, two variables. */
function picture(label = 'Détresse'): LanesPicture {
  const origin = 4_000;
  const times: number[] = [];
  const lanes: Lane[] = [];
  for (let i = 0; i < 240; i += 1) {
    times.push(origin + i * 500);
    lanes.push((['caller', 'listener', 'trainer', 'system'] as const)[i % 4]!);
  }
  const to = origin + 120_000;
  const pxPerMs = WIDTH / (to - origin);
  return {
    width: WIDTH,
    origin,
    from: origin,
    pxPerMs,
    series: [
      { id: 'detresse', label, min: 0, max: 10, times: [0, 10_000, 10_250, 60_000], values: [4, 6, 8, 2] },
      { id: 'confiance', label: 'Confiance', min: 0, max: 10, times: [0, 30_000], values: [3, 5] },
    ],
    ticks: rulerTicks(origin, origin, to, pxPerMs),
    markers: laneMarkers(times, lanes, { from: origin, to, width: WIDTH }),
  };
}

/** A path's vertices, its `M`, `L`, `H`, `V` commands read back (absolute). */
function vertices(d: string): number[][] {
  const out: number[][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHV])([^MLHV]*)/g)) {
    const n = (args ?? '').trim().split(/[ ,]+/).map(Number);
    if (command === 'M' || command === 'L') [x, y] = [n[0]!, n[1]!];
    else if (command === 'H') x = n[0]!;
    else y = n[0]!;
    out.push([x, y]);
  }
  return out;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

describe('lanesSvg', () => {
  it('draws each curve through the vertices of the geometry', () => {
    const geometry = lanesGeometry(picture());
    const svg = lanesSvg(geometry);
    const paths = [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="([^"]+)"/g)];
    expect(paths).toHaveLength(2);
    geometry.curves.forEach((curve, i) => {
      const expected: number[][] = [];
      for (let k = 0; k + 1 < curve.points.length; k += 2) {
        const point = [round1(curve.points[k]!), round1(curve.points[k + 1]!)];
        const last = expected.at(-1);
        if (!last || last[0] !== point[0] || last[1] !== point[1]) expected.push(point);
      }
      expect(vertices(paths[i]![1]!)).toEqual(expected);
    });
    // Each in its own colour (`curveStyle`), the second dashed.
    expect(paths[0]![2]).toBe('#b3261e');
    expect(svg).toContain('stroke="#1f5fbf" stroke-width="2" stroke-dasharray="8 4"');
  });

  it("writes the ruler's call times and each marker on its lane, at its x", () => {
    const geometry = lanesGeometry(picture());
    const svg = lanesSvg(geometry);
    expect(geometry.ticks.length).toBeGreaterThan(3);
    geometry.ticks.forEach((tick, i) =>
      expect(svg).toContain(
        // One time in SPARSE_TICKS stays on a phone's width, the others are « minor ».
        `<text class="lanes-early__tick${i % SPARSE_TICKS === 0 ? '' : ' lanes-early__tick--minor'}" ` +
          `x="${Math.round((tick.x / WIDTH) * 10_000) / 100}%" dx="3" y="113" fill="#5a6472">${tick.text}</text>`,
      ),
    );
    expect(svg).toMatch(/<text class="lanes-early__tick" [^>]*>0:00</);
    expect(geometry.markers.length).toBeGreaterThan(20);
    for (const marker of geometry.markers) {
      const stroke = `M${Math.round((marker.x + marker.width / 2) * 100) / 100} `;
      // In its lane's path (its colour), from its top.
      const lanePaths = [
        ...svg.matchAll(
          new RegExp(`<path d="([^"]+)" stroke="${LANES_PALETTE.marker[marker.lane]}" stroke-width`, 'g'),
        ),
      ].map((m) => m[1]!);
      const top = marker.many ? marker.top + 0.5 : marker.top;
      expect(lanePaths.some((d) => d.includes(`${stroke}${top}v`))).toBe(true);
    }
  });

  it("draws the marks where the page's buttons go", () => {
    const svg = lanesSvg(lanesGeometry(picture()), [
      { x: 150, kind: 'bookmark' },
      { x: 300, kind: 'annotation' },
    ]);
    // Each at its x, on the marks' row (from 118 px, 18 px high), in its kind's colours: the
    // button's border, then its inside.
    expect(svg).toContain('<path d="M150 118v18" stroke="#8a5a00" stroke-width="14"');
    expect(svg).toContain('<path d="M150 120v14" stroke="#ffd98a" stroke-width="10"');
    expect(svg).toContain('<path d="M300 118v18" stroke="#1f5fbf" stroke-width="14"');
    expect(svg).toContain('<path d="M300 120v14" stroke="#cfe0fb" stroke-width="10"');
    expect(lanesSvg(lanesGeometry(picture()))).not.toContain('stroke-width="14"');
  });

  it("escapes the variables' labels and writes no inline style", () => {
    const svg = lanesSvg(lanesGeometry(picture('<b onclick="x()">Stress & co</b>')));
    expect(svg).toContain('&lt;b onclick=&quot;x()&quot;&gt;Stress &amp; co&lt;/b&gt;</text>');
    expect(svg).not.toContain('<b onclick');
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).toMatch(/^<svg class="lanes-early__svg"[^>]* aria-hidden="true"/);
    expect(escapeXml(`'&'`)).toBe('&#39;&amp;&#39;');
  });
});

describe('the early lanes in the page', () => {
  it('puts the drawing in the empty #root, hidden from assistive technologies', () => {
    const page = '<body><div id="root"></div><script type="module" src="/a.js"></script></body>';
    const html = withEarlyLanes(page, earlyLanesHtml('<svg></svg>'));
    expect(html).toMatch(
      /^<body class="lanes-drawn"><div id="root"><div class="lanes-early" data-lanes-painted="server" aria-hidden="true">.*<svg><\/svg>.*<\/div><script/,
    );
    // A page without that root is sent as it is.
    expect(withEarlyLanes('<body></body>', 'x')).toBe('<body></body>');
  });
});
