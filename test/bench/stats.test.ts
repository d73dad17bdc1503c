// The benchmark's worst second (`bench/stats.ts`): where a failed step's p99 came from.
import { describe, expect, it } from '@jest/globals';
import { burstLine, worstSlice } from './stats.js';

/** A steady window of 20 s: 100 values of 4–6 ms every half-second. */
function steady(): [number, number][] {
  const points: [number, number][] = [];
  for (let slice = 0; slice < 40; slice++)
    for (let i = 0; i < 100; i++) points.push([slice * 500 + i * 5, 4 + (i % 3)]);
  return points;
}

describe('the worst second of a benchmark window', () => {
  it('finds the burst, and how many of the window’s latencies over the limit fall in it', () => {
    const points = steady();
    // 12.0–12.5 s: a backlog, 60 values over 50 ms; elsewhere two stray ones.
    for (let i = 0; i < 60; i++) points.push([12_000 + i * 8, 60 + i]);
    points.push([3_100, 70], [17_400, 55]);
    const worst = worstSlice(points, 1000, 50);
    expect(worst).toMatchObject({
      fromMs: 12_000,
      toMs: 13_000,
      count: 260,
      overLimit: 60,
      overLimitInWindow: 62,
    });
    expect(worst?.p99).toBeGreaterThan(100);
    expect(worst?.p50).toBeLessThan(10);
    expect(burstLine(false, worst)).toBe(
      `         pire seconde : 12.0–13.0 s de la fenêtre, p99 ${worst?.p99.toFixed(2)} ms ; 97 % des entrées au-delà de la limite y tombent (60 sur 62)`,
    );
  });

  it('leaves out slices too small to have a p99 (the window’s ragged ends)', () => {
    const points = steady();
    // Five slow values alone in a slice past the window's end.
    for (let i = 0; i < 5; i++) points.push([20_100 + i, 400]);
    const worst = worstSlice(points, 1000, 50);
    expect(worst?.p99).toBe(6);
    expect(worst?.overLimit).toBe(0);
    expect(worst?.overLimitInWindow).toBe(5);
  });

  it('prints nothing for a passed step, a window with nothing over the limit, or no values', () => {
    const points = steady();
    points.push([12_000, 90]);
    const worst = worstSlice(points, 1000, 50);
    expect(burstLine(true, worst)).toBeNull();
    expect(burstLine(false, worstSlice(steady(), 1000, 50))).toBeNull();
    expect(worstSlice([], 1000, 50)).toBeNull();
    expect(burstLine(false, null)).toBeNull();
  });
});
