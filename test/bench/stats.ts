// Percentiles and small formatting helpers for the benchmark's figures.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : '—');

/**
 * The slice of the window where a latency was worst (by p99; slices of fewer than 10 values are
 * left out), and how many of the window's values over `limit` fall in it: when most do, the
 * window's p99 is one burst's, not the steady load's.
 */
export interface WorstSlice {
  /** From the window's start. */
  fromMs: number;
  toMs: number;
  count: number;
  p50: number;
  p99: number;
  overLimit: number;
  overLimitInWindow: number;
}

/** `points`: [time from the window's start, value], in any order. */
export function worstSlice(
  points: readonly (readonly [number, number])[],
  sliceMs: number,
  limit: number,
): WorstSlice | null {
  const slices = new Map<number, number[]>();
  let overLimitInWindow = 0;
  for (const [at, value] of points) {
    const index = Math.floor(at / sliceMs);
    let values = slices.get(index);
    if (!values) slices.set(index, (values = []));
    values.push(value);
    if (value > limit) overLimitInWindow += 1;
  }
  let worst: WorstSlice | null = null;
  for (const [index, values] of slices) {
    if (values.length < 10) continue;
    const sorted = values.sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    if (worst && p99 <= worst.p99) continue;
    worst = {
      fromMs: index * sliceMs,
      toMs: (index + 1) * sliceMs,
      count: sorted.length,
      p50: percentile(sorted, 50),
      p99,
      overLimit: sorted.filter((v) => v > limit).length,
      overLimitInWindow,
    };
  }
  return worst;
}

/**
 * Under a failed step, where its p99 came from: the worst second of the window, and the share
 * of the latencies over the limit that fall in it (most of them: one burst failed the step).
 */
export function burstLine(passed: boolean, worst: WorstSlice | null): string | null {
  if (passed || !worst || worst.overLimitInWindow === 0) return null;
  const sec = (v: number): string => (v / 1000).toFixed(1);
  const share = Math.round((100 * worst.overLimit) / worst.overLimitInWindow);
  return `         pire seconde : ${sec(worst.fromMs)}–${sec(worst.toMs)} s de la fenêtre, p99 ${ms(worst.p99)} ; ${share} % des entrées au-delà de la limite y tombent (${worst.overLimit} sur ${worst.overLimitInWindow})`;
}
