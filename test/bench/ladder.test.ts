// The benchmark's search for a target's largest passing N (`bench/ladder.ts`), on targets whose
// limit is known: nothing runs but the ladder, each N « passes » below the limit.
import { describe, expect, it } from '@jest/globals';
import { climbLadder, largestLines } from './ladder.js';

async function climb(
  max: number,
  limit: number,
): Promise<{ tried: number[]; largest: number | null; capped: boolean }> {
  const tried: number[] = [];
  const result = await climbLadder(max, (n) => {
    tried.push(n);
    return Promise.resolve(n <= limit);
  });
  return { tried, ...result };
}

describe('the benchmark ladder', () => {
  it('doubles up to the first failure, then halves down to 50 sessions', async () => {
    const { tried, largest, capped } = await climb(1600, 1180);
    expect(tried).toEqual([25, 50, 100, 200, 400, 800, 1600, 1200, 1000, 1100, 1150]);
    expect(largest).toBe(1150);
    expect(capped).toBe(false);
  });

  it('goes on past --max when nothing failed there: --max is a floor, not the limit', async () => {
    const { tried, largest, capped } = await climb(1600, 1850);
    expect(tried).toEqual([25, 50, 100, 200, 400, 800, 1600, 2000, 1800, 1900, 1850]);
    expect(largest).toBe(1850);
    expect(capped).toBe(false);
  });

  it('says when even twice --max passed (the largest N is then a floor)', async () => {
    const { tried, largest, capped } = await climb(400, 10_000);
    expect(tried).toEqual([25, 50, 100, 200, 400, 500, 600, 700, 800]);
    expect(largest).toBe(800);
    expect(capped).toBe(true);
  });

  it('has no largest N when the first step fails', async () => {
    const { tried, largest, capped } = await climb(1600, 10);
    expect(tried).toEqual([25]);
    expect(largest).toBeNull();
    expect(capped).toBe(false);
  });

  it('prints a floor as « ≥ N » and the ratio as a bound, or none when both are floors', () => {
    const none = { product: false, relay: false };
    expect(largestLines(1250, 1800, none, 1600)).toEqual([
      'Plus grand N réussi : produit 1250, relais 1800, rapport 0.69',
    ]);
    const relayOnly = largestLines(1300, 3200, { product: false, relay: true }, 1600);
    expect(relayOnly[0]).toBe('Plus grand N réussi : produit 1300, relais ≥ 3200, rapport ≤ 0.41');
    expect(relayOnly[1]).toContain('3200 séances');
    expect(largestLines(400, 400, { product: true, relay: true }, 200)[0]).toBe(
      'Plus grand N réussi : produit ≥ 400, relais ≥ 400, rapport —',
    );
    expect(largestLines(null, 100, none, 1600)[0]).toBe(
      'Plus grand N réussi : produit —, relais 100, rapport —',
    );
  });
});
