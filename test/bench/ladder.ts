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

/**
 * The benchmark's closing lines on the largest N: a target that never failed is « ≥ N », and the
 * ratio then a bound (« ≤ » when only the relay never failed, « ≥ » when only the product did,
 * none when both did: each is only a floor).
 */
export function largestLines(
  product: number | null,
  relay: number | null,
  capped: { product: boolean; relay: boolean },
  max: number,
): string[] {
  const floor = (n: number | null, isCapped: boolean): string =>
    n === null ? '—' : `${isCapped ? '≥ ' : ''}${n}`;
  const bound = capped.relay ? (capped.product ? null : '≤ ') : capped.product ? '≥ ' : '';
  const ratio =
    product === null || !relay || bound === null ? '—' : `${bound}${(product / relay).toFixed(2)}`;
  const lines = [
    `Plus grand N réussi : produit ${floor(product, capped.product)}, relais ${floor(relay, capped.relay)}, rapport ${ratio}`,
  ];
  if (capped.product || capped.relay)
    lines.push(
      `(« ≥ » : aucun échec jusqu'à ${2 * max} séances, le double de --max=${max} ; relancer avec un --max plus grand pour mesurer la limite)`,
    );
  return lines;
}
