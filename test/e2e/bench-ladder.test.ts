// The benchmark's search for a target's largest passing N (`bench/ladder.ts`), on targets whose
// limit is known: nothing runs but the ladder, each N « passes » below the limit.
import { describe, expect, it } from '@jest/globals';
import { climbLadder } from '../bench/ladder.js';

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
});
