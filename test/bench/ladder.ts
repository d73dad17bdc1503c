// How the benchmark looks for a target's largest passing N: doubling from 25 up to `max`, then
// halving the interval between the last N that passed and the first that failed down to 50. A
// target that passes `max` itself has not failed yet: `max` is only a floor of its limit, and a
// ratio against it would flatter the other target. So it goes on by quarters of `max` (up to
// twice `max`) until one fails, and is then halved like the other; a target that passes even
// twice `max` is reported as `capped` (its largest N is a floor, the ratio an upper bound).

export interface LadderResult {
  /** The largest N that passed (null: none did). */
  largest: number | null;
  /** Every N tried passed: `largest` is a floor of the target's limit, not its limit. */
  capped: boolean;
}

/** Runs `passes(n)` on the ladder's N, one after the other, and says where it ended. */
export async function climbLadder(
  max: number,
  passes: (n: number) => Promise<boolean>,
): Promise<LadderResult> {
  let passed = 0;
  let failed = 0;
  for (let n = 25; n <= max; n *= 2) {
    if (!(await passes(n))) {
      failed = n;
      break;
    }
    passed = n;
  }
  if (failed === 0 && passed > 0) {
    const step = Math.max(25, Math.round(max / 4 / 25) * 25);
    for (let n = passed + step; n <= 2 * max; n += step) {
      if (!(await passes(n))) {
        failed = n;
        break;
      }
      passed = n;
    }
  }
  while (passed > 0 && failed > 0 && failed - passed > 50) {
    const n = Math.round((passed + failed) / 2 / 25) * 25;
    if (await passes(n)) passed = n;
    else failed = n;
  }
  return { largest: passed > 0 ? passed : null, capped: passed > 0 && failed === 0 };
}
