import { describe, expect, it } from '@jest/globals';
import { curveY, paintLanes, valueRange, type LanesContext } from './lanesPaint.js';
import type { VariableSeries } from './moment.js';

/** A context that keeps the curves' path: each stroke's vertices. */
function pathRecorder() {
  const strokes: { x: number; y: number }[][] = [];
  let path: { x: number; y: number }[] = [];
  const ctx = {
    setTransform() {},
    clearRect() {},
    fillRect() {},
    strokeRect() {},
    beginPath() {
      path = [];
    },
    moveTo(x: number, y: number) {
      path.push({ x, y });
    },
    lineTo(x: number, y: number) {
      path.push({ x, y });
    },
    stroke() {
      strokes.push(path);
    },
    fillText() {},
    setLineDash() {},
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
  };
  return { ctx: ctx as unknown as LanesContext, strokes };
}

/** A variable that changes every 120 ms for 10 minutes: 5,000 steps in 800 px. */
function busySeries(): VariableSeries {
  const times = [0];
  const values = [4];
  for (let i = 1; i <= 5_000; i += 1) {
    times.push(i * 120);
    values.push((i * 7) % 11);
  }
  return { id: 'detresse', label: 'Détresse', min: 0, max: 10, times, values };
}

describe('the curves on the lanes', () => {
  it('draw a few vertices per pixel column, lighting the same span as one vertex per step', () => {
    const series = busySeries();
    const width = 800;
    const pxPerMs = width / 600_000;
    const { ctx, strokes } = pathRecorder();
    paintLanes(ctx, { width, from: 0, pxPerMs, series: [series], ticks: [], markers: [] });
    const curve = strokes[0]!;
    // Every step as its own two vertices would be 10,000; each of the 801 columns holds at most
    // 4, with the start and the right edge.
    expect(curve.length).toBeLessThanOrEqual(4 * (width + 1) + 2);
    expect(curve.length).toBeGreaterThan(width);
    // Column by column, the lowest and highest y reached are those of the step path.
    const range = valueRange([series]);
    const expected = new Map<number, { low: number; high: number }>();
    for (let i = 1; i < series.times.length; i += 1) {
      const column = Math.round(series.times[i]! * pxPerMs);
      const ys = [curveY(series.values[i - 1]!, range), curveY(series.values[i]!, range)];
      const seen = expected.get(column) ?? { low: Infinity, high: -Infinity };
      expected.set(column, { low: Math.min(seen.low, ...ys), high: Math.max(seen.high, ...ys) });
    }
    const drawn = new Map<number, { low: number; high: number }>();
    // The first vertex (the start) and the last (the right edge) are not columns of steps.
    for (const { x, y } of curve.slice(1, -1)) {
      const column = Math.round(x);
      const seen = drawn.get(column) ?? { low: Infinity, high: -Infinity };
      drawn.set(column, { low: Math.min(seen.low, y), high: Math.max(seen.high, y) });
    }
    expect(drawn).toEqual(expected);
    // It ends at the last value, at the right edge.
    expect(curve.at(-1)).toEqual({ x: width, y: curveY(series.values.at(-1)!, range) });
  });
});
