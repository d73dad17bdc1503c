import { describe, expect, it } from '@jest/globals';
import { LABEL_GAP } from '../charts/directLabels.js';
import { CURVES_HEIGHT, END_LABELS_MIN_WIDTH, curveY, paintLanes, type LanesContext } from './lanesPaint.js';
import type { VariableSeries } from './moment.js';

/** A context that keeps the curves' path: each stroke's vertices. */
function pathRecorder() {
  const strokes: { x: number; y: number }[][] = [];
  const texts: { text: string; y: number }[] = [];
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
    fillText(text: string, _x: number, y: number) {
      texts.push({ text, y });
    },
    setLineDash() {},
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
  };
  return { ctx: ctx as unknown as LanesContext, strokes, texts };
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
    // Each curve on its own declared range.
    const range = series;
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

  it('draw each variable on its own range, their names apart', () => {
    const flat = (id: string, label: string, max: number, value: number): VariableSeries => ({
      id,
      label,
      min: 0,
      max,
      times: [0],
      values: [value],
    });
    const series = [
      flat('stress', 'Stress', 10, 10),
      flat('confiance', 'Confiance', 10, 5),
      flat('batterie', 'Batterie (%)', 100, 50),
      flat('forfait', 'Forfait restant (Mo)', 150, 150),
    ];
    const { ctx, strokes, texts } = pathRecorder();
    paintLanes(ctx, { width: 400, from: 0, pxPerMs: 0.01, series, ticks: [], markers: [] });
    const ends = strokes.slice(0, 4).map((stroke) => stroke.at(-1)!.y);
    // 10 of 0–10 and 150 of 0–150 both at the band's top; 5 of 0–10 and 50 of 0–100 both halfway.
    const top = CURVES_HEIGHT - 6 - (CURVES_HEIGHT - 12);
    const middle = CURVES_HEIGHT - 6 - (CURVES_HEIGHT - 12) / 2;
    expect(ends).toEqual([top, middle, middle, top]);
    // The names at the lines' ends: in the band, no two on one another.
    const names = texts.filter((text) => series.some((s) => s.label === text.text));
    expect(names.map((name) => name.text)).toEqual(series.map((s) => s.label));
    for (let i = 0; i < names.length; i += 1)
      for (let j = i + 1; j < names.length; j += 1)
        expect(Math.abs(names[i]!.y - names[j]!.y)).toBeGreaterThanOrEqual(LABEL_GAP);
  });

  it("write each curve's name at its end where the lanes leave room, not over the curves of a phone's narrow lanes", () => {
    const names = (width: number) => {
      const { ctx, texts } = pathRecorder();
      paintLanes(ctx, {
        width,
        from: 0,
        pxPerMs: width / 600_000,
        series: [busySeries()],
        ticks: [],
        markers: [],
      });
      return texts.map((text) => text.text);
    };
    expect(names(END_LABELS_MIN_WIDTH)).toContain('Détresse');
    expect(names(800)).toContain('Détresse');
    expect(names(END_LABELS_MIN_WIDTH - 1)).not.toContain('Détresse');
  });
});
