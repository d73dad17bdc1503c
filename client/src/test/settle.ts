import { act } from '@testing-library/react';

/**
 * Lets a page's promises settle (who is signed in, then its data): a few turns of microtasks,
 * each inside `act` so React renders what they set.
 */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}
