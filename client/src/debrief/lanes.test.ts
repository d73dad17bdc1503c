import { rowsFromBottom } from './MomentTranscript.js';
import { describe, expect, it } from '@jest/globals';
import { longTimeline, shortCall } from './debriefFixture.js';
import { laneMarkers, laneOf, tickStep, visibleRows } from './lanes.js';
import { freeLabelY } from './lanesPaint.js';

describe('laneOf', () => {
  it('puts each entry on the lane of who made it', () => {
    expect(shortCall().map(laneOf)).toEqual([
      'listener',
      'listener',
      'caller',
      'system',
      'listener',
      'caller',
      'system',
      'system',
      'trainer',
      'listener',
      'caller',
      'listener',
      'system',
    ]);
  });
});

describe('laneMarkers: the virtualised lanes', () => {
  const entries = longTimeline(10_000);
  const lanes = entries.map(laneOf);
  const times = entries.map((entry) => entry.t);

  it('draws at most one marker per bucket and lane, however many entries', () => {
    const all = laneMarkers(times, lanes, { from: 0, to: entries.at(-1)!.t, width: 1200 }, 6);
    // 1200 px / 6 px = 200 buckets, 2 lanes used.
    expect(all.length).toBeLessThanOrEqual(2 * 201);
    expect(all.reduce((sum, m) => sum + m.count, 0)).toBe(entries.length);
  });

  it('walks only the entries of the window', () => {
    const window = { from: 100_000, to: 104_000, width: 1000 };
    const markers = laneMarkers(times, lanes, window, 6);
    const inWindow = entries.filter((e) => e.t >= window.from && e.t <= window.to);
    expect(markers.reduce((sum, m) => sum + m.count, 0)).toBe(inWindow.length);
    expect(markers[0]?.x).toBe(0);
    expect(markers.every((m) => m.x >= 0 && m.x <= window.width)).toBe(true);
    expect(laneMarkers(times, lanes, { from: 5, to: 5, width: 100 })).toEqual([]);
  });
});

describe('visibleRows: the virtualised list', () => {
  it('returns the rows on screen with an overscan, within the list', () => {
    expect(visibleRows(0, 440, 44, 10_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRows(44 * 5_000, 440, 44, 10_000, 5)).toEqual({ start: 4_995, end: 5_015 });
    expect(visibleRows(44 * 9_999, 440, 44, 10_000, 5)).toEqual({ start: 9_994, end: 10_000 });
    expect(visibleRows(0, 440, 44, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('tickStep', () => {
  it('keeps ticks at least the asked distance apart', () => {
    expect(tickStep(0.1, 80)).toBe(1_000);
    expect(tickStep(0.01, 80)).toBe(10_000);
    expect(tickStep(1 / 60_000, 80)).toBe(3_600_000);
  });
});

describe("the curves' series names", () => {
  it('go where the line ends, else the nearest free place below, then above', () => {
    expect(freeLabelY([], 40, 10, 94)).toBe(40);
    expect(freeLabelY([40], 42, 10, 94)).toBe(53);
    // At the bottom of the band: the free place is above.
    expect(freeLabelY([94], 94, 10, 94)).toBe(83);
  });

  it('end even when more series than the band holds sit at the top (the debrief once hung there)', () => {
    const taken: number[] = [];
    for (let i = 0; i < 12; i += 1) taken.push(freeLabelY(taken, 200, 10, 94));
    expect(taken).toHaveLength(12);
    expect(new Set(taken.slice(0, 8)).size).toBe(8);
  });
});

describe('the transcript held at its bottom (rowsFromBottom)', () => {
  it('draws the last rows at the bottom, and those around the scroll when scrolled up', () => {
    // At the bottom: the last rows that fill 352 px (8 rows of 44) and 10 more above.
    expect(rowsFromBottom(0, 352, 10_000)).toEqual({ start: 10_000 - 18, end: 10_000 });
    // A step adds a row: the window follows the end.
    expect(rowsFromBottom(0, 352, 10_001)).toEqual({ start: 10_001 - 18, end: 10_001 });
    // Scrolled up 100 rows: the rows there, with 10 more on each side.
    expect(rowsFromBottom(4_400, 352, 10_000)).toEqual({ start: 10_000 - 118, end: 10_000 - 90 });
    expect(rowsFromBottom(0, 352, 5)).toEqual({ start: 0, end: 5 });
    expect(rowsFromBottom(0, 352, 0)).toEqual({ start: 0, end: 0 });
  });
});
