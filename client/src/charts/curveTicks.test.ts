import { describe, expect, it } from '@jest/globals';
import { formatDuration } from '../ui/formatDuration.js';
import { callTimeTicks } from './curveTicks.js';

describe('the live curves’ time axis', () => {
  it('ticks at whole call times from the pickup, not at round session times', () => {
    // Picked up 39 s into the session; 3:31 of call shown on 400 px.
    const pickup = 39_000;
    const ticks = callTimeTicks(0, 250, 400 / 250, pickup);
    const read = ticks.map((tick) => formatDuration(tick * 1000 - pickup));
    expect(read).toEqual(['0:00', '1:00', '2:00', '3:00']);
  });

  it('counts from the session’s start while the phone rings, and fewer ticks on a phone', () => {
    expect(callTimeTicks(0, 120, 400 / 120, undefined)).toEqual([0, 30, 60, 90, 120]);
    expect(callTimeTicks(0, 120, 150 / 120, undefined)).toEqual([0, 120]);
    expect(callTimeTicks(10, 10, 4, undefined)).toEqual([]);
  });
});
