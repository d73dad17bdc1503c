// Each variable on its own scale: its value as a share (0–100 %) of its declared range, so that a
// 0–10 stress and a 0–150 Mo plan both span the chart's height. The drawings (live curves and the
// debrief's lanes) plot the share; the legends say each range, the tables keep the exact values.

// The share itself (`SHARE_MAX`, `shareOf`) is the lanes geometry's (`@ecoute/engine`): the
// server's early drawing of the debrief's lanes plots it too.
import { SHARE_MAX, shareOf } from '@ecoute/engine';

export { SHARE_MAX, shareOf };

/** Each value of a series as its share of the series' range. */
export function sharesOf(values: readonly number[], range: { min: number; max: number }): number[] {
  return values.map((value) => shareOf(value, range));
}

/** A declared bound as written in a label (integers as is, else one decimal). */
export function formatBound(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
