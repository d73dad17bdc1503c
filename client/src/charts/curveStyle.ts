// The look of each variable's curve, shared by the live curves (uPlot), the debrief's lanes and
// their legends: distinct on white, still apart for the common colour blindnesses, and each
// with its own dash so that colour is never the only difference.
export const CURVE_COLOURS = ['#b3261e', '#1f5fbf', '#1d7a3a', '#8a5a00', '#6b3fa0', '#00707a'];
/** Each series its own dash (not told apart by colour alone); the legend draws the same. */
export const CURVE_DASHES: readonly (readonly number[])[] = [
  [],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [1, 6],
];

export function curveStyle(i: number): { colour: string; dash: readonly number[] } {
  return {
    colour: CURVE_COLOURS[i % CURVE_COLOURS.length] ?? '#1c2430',
    dash: CURVE_DASHES[i % CURVE_DASHES.length] ?? [],
  };
}
