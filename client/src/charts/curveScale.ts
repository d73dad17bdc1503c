// Each variable on its own scale: its value as a share (0–100 %) of its declared range, so that a
// 0–10 stress and a 0–150 Mo plan both span the chart's height. The drawings (live curves and the
// debrief's lanes) plot the share; the legends say each range, the tables keep the exact values.

/** The top of the shared axis: a value at its declared max sits at 100 (%). */
export const SHARE_MAX = 100;

/** Where `value` sits in its own `min`–`max` (0 at min, 100 at max; outside when it is). */
export function shareOf(value: number, range: { min: number; max: number }): number {
  const span = range.max - range.min;
  if (!(span > 0)) return value >= range.max ? SHARE_MAX : 0;
  return ((value - range.min) / span) * SHARE_MAX;
}

/** Each value of a series as its share of the series' range. */
export function sharesOf(values: readonly number[], range: { min: number; max: number }): number[] {
  return values.map((value) => shareOf(value, range));
}

/** A declared bound as written in a label (integers as is, else one decimal). */
export function formatBound(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
