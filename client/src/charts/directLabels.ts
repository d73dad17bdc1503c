// Direct labels: each series' name written at the end of its line (not only in a legend), so a
// curve is read without matching colours or dashes to a key (WCAG 1.4.1). The debrief's lanes
// paint them on their canvas; the live curves set them as text beside the plot.

/** Height of a series' name (px): two names closer than this overlap. */
export const LABEL_GAP = 11;

/**
 * Where a series' name goes: at `wanted` (kept within `top`–`bottom`) unless another name sits
 * there, else the nearest free place below, then above; when the band is full (more names than it
 * holds), at `wanted` anyway. Always ends: it tries each slot of the band once.
 */
export function freeLabelY(
  taken: readonly number[],
  wanted: number,
  top: number,
  bottom: number,
  gap = LABEL_GAP,
): number {
  const start = Math.min(bottom, Math.max(top, wanted));
  const free = (y: number) => !taken.some((other) => Math.abs(other - y) < gap);
  for (let y = start; y <= bottom; y += gap) if (free(y)) return y;
  for (let y = start - gap; y >= top; y -= gap) if (free(y)) return y;
  return start;
}

/** The places of several names wanted at `wanted` (in order: the first keeps its place). */
export function placeLabels(wanted: readonly number[], top: number, bottom: number, gap: number): number[] {
  const taken: number[] = [];
  for (const y of wanted) taken.push(freeLabelY(taken, y, top, bottom, gap));
  return taken;
}
