// The debrief lanes' opening picture from a timeline in columns: the one both the client's canvas
// and the server's early drawing (SVG) draw, so each is held here, where it is computed.
import { describe, expect, it } from '@jest/globals';
import {
  callTimes,
  lanesGeometry,
  openingPicture,
  openingWindow,
  pickupTime,
  rulerTicks,
  type LanesColumns,
} from './lanes-geometry.js';

const STRINGS = [
  'listener',
  'scenario',
  'input:join',
  'input:pickup',
  'observation:line',
  'observation:variable',
  'input:move',
  'detresse',
];

/** A call: joined at 0, picked up at 2 s, then a line, a move and a variable change every second. */
function columns(seconds: number): LanesColumns {
  const rows: [source: number, kind: number, t: number, variable: number, value: number][] = [
    [0, 2, 0, -1, 0],
    [0, 3, 2_000, -1, 0],
  ];
  for (let s = 3; s <= seconds; s++) {
    rows.push([1, 4, s * 1_000, -1, 0]);
    rows.push([0, 6, s * 1_000 + 200, -1, 0]);
    rows.push([1, 5, s * 1_000 + 400, 7, s % 10]);
  }
  return {
    count: rows.length,
    strings: STRINGS,
    t: Float64Array.from(rows.map((r) => r[2])),
    source: rows.map((r) => r[0]),
    kind: rows.map((r) => r[1]),
    variable: rows.map((r) => r[3]),
    value: rows.map((r) => r[4]),
  };
}

const VARIABLES = [{ id: 'detresse', label: 'Détresse', min: 0, max: 10, initial: 3 }];

describe('the lanes’ opening picture', () => {
  it('reads call time from the pickup: before it, every entry sits at 0:00', () => {
    const c = columns(60);
    expect(pickupTime(c)).toBe(2_000);
    expect(Array.from(callTimes(c.t, 2_000).slice(0, 3))).toEqual([2_000, 2_000, 3_000]);
    // Never picked up: the session's start is 0:00, the times as they are.
    const unanswered = { ...c, strings: STRINGS.map((s) => (s === 'input:pickup' ? 'input:other' : s)) };
    expect(pickupTime(unanswered)).toBe(0);
    expect(callTimes(c.t, 0)).toBe(c.t);
  });

  it('fits the whole call in the width, and its ruler reads whole call times in it', () => {
    const window = openingWindow(1_200, 2_000, 62_400);
    expect(window.from).toBe(2_000);
    expect(window.to).toBeCloseTo(62_400);
    expect((window.to - window.from) * window.pxPerMs).toBeCloseTo(1_200);
    const ticks = rulerTicks(2_000, window.from, window.to, window.pxPerMs);
    // 80 px at least between ticks: every 5 s at 20 px a second.
    expect(ticks.slice(0, 3)).toEqual([2_000, 7_000, 12_000]);
    expect(ticks.every((t) => t >= window.from && t <= window.to)).toBe(true);
  });

  it('draws every lane’s markers inside the width, one per bucket, the curve from its initial value', () => {
    const c = columns(600);
    const { picture, marks } = openingPicture(c, VARIABLES, [{ t: 1_000, kind: 'bookmark' }], 300);
    const geometry = lanesGeometry(picture);
    expect(geometry.width).toBe(300);
    expect(geometry.ticks[0]?.text).toBe('0:00');
    // 1,796 entries in 300 px: the markers are bucketed (6 px), never one per entry.
    const byLane = new Map<string, typeof geometry.markers>();
    for (const m of geometry.markers) byLane.set(m.lane, [...(byLane.get(m.lane) ?? []), m]);
    expect([...byLane.keys()].sort()).toEqual(['caller', 'listener', 'system']);
    for (const markers of byLane.values()) {
      expect(markers.length).toBeLessThanOrEqual(Math.ceil(300 / 6) + 1);
      // Each centred on its first entry's time, inside the window.
      for (const m of markers) expect(m.x + m.width / 2 >= 0 && m.x + m.width / 2 <= 300).toBe(true);
    }
    // The variable's curve starts at its initial value and ends at its last one.
    const series = picture.series[0]!;
    expect(series.values[0]).toBe(3);
    expect(series.values.at(-1)).toBe(0);
    expect(geometry.curves).toHaveLength(1);
    expect(geometry.curves[0]!.label).toBe('Détresse');
    // A bookmark before the pickup sits at the ruler's 0:00.
    expect(marks).toEqual([{ x: 0, kind: 'bookmark' }]);
  });
});
