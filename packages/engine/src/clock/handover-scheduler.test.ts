import { describe, expect, it } from '@jest/globals';
import { HandoverScheduler } from './handover-scheduler.js';
import { ManualScheduler } from './manual-scheduler.js';
import { SessionClock } from './session-clock.js';

describe('HandoverScheduler.retime', () => {
  it('moves a timer of the current scheduler; one armed on an earlier scheduler is set again on the current one', () => {
    const replay = new ManualScheduler();
    const live = new ManualScheduler(5_000);
    const handover = new HandoverScheduler(replay);
    const clock = new SessionClock(handover);
    const fired: [string, number][] = [];
    const silence = clock.setTimeout(() => fired.push(['silence', clock.now()]), 1_000);
    replay.advanceTo(500);
    expect(clock.retime(silence, 1_000)).toBe(true);
    expect(replay.pending).toBe(1);
    expect(replay.nextDueTime()).toBe(1_500);

    handover.handOver(live);
    // Still armed on the replay's scheduler, which no longer moves: retimed onto the live one.
    expect(clock.retime(silence, 1_000)).toBe(true);
    expect(replay.pending).toBe(0);
    expect(live.pending).toBe(1);
    live.advanceBy(999);
    expect(fired).toEqual([]);
    live.advanceBy(1);
    expect(fired).toEqual([['silence', 1_500]]);
  });
});
