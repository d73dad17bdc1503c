// Direct labels: each series' name written at the end of its line (not only in a legend), so a
// curve is read without matching colours or dashes to a key (WCAG 1.4.1). The debrief's lanes
// paint them on their canvas (and the server in its early drawing); the live curves set them as
// text beside the plot. Pure: the client and the server read it (`@ecoute/engine`).

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

/** A name's baseline sits this far above its line's end (px). */
export const LABEL_LIFT = 3;
/** How far a name's letters (11 px type) rise above its baseline and fall below it (px). */
export const LABEL_ASCENT = 9;
export const LABEL_DESCENT = 2;

/** Whether a line ending at `y` runs through the name written on `baseline` (1 px to spare). */
export function crossesLabel(y: number, baseline: number): boolean {
  return y > baseline - LABEL_ASCENT - 1 && y < baseline + LABEL_DESCENT + 1;
}

/**
 * The baselines of the names written at the right end of lines that end at heights `ends` (px,
 * downwards), all in one column: each just above its own line where that is free, else the
 * nearest free baseline (above first) within `top`–`bottom`. Free: `gap` from every name already
 * placed, and no line's end (its own or another's) running through its letters, so that a name
 * never sits on another name nor on another variable's line. When the band has no such place,
 * the nearest place free of names only (`freeLabelY`).
 */
export function placeEndLabels(
  ends: readonly number[],
  top: number,
  bottom: number,
  gap = LABEL_GAP,
): number[] {
  const placed: number[] = [];
  for (const end of ends) {
    const wanted = Math.min(bottom, Math.max(top, end - LABEL_LIFT));
    const clear = (baseline: number) =>
      placed.every((other) => Math.abs(other - baseline) >= gap) &&
      ends.every((y) => !crossesLabel(y, baseline));
    let found: number | undefined;
    for (let distance = 0; found === undefined && distance <= bottom - top; distance += 1) {
      for (const baseline of [wanted - distance, wanted + distance]) {
        if (baseline >= top && baseline <= bottom && clear(baseline)) {
          found = baseline;
          break;
        }
      }
    }
    placed.push(found ?? freeLabelY(placed, wanted, top, bottom, gap));
  }
  return placed;
}
