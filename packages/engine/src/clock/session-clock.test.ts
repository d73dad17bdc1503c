import { describe, it, expect } from '@jest/globals';
import { ManualScheduler } from './manual-scheduler.js';
import { SessionClock } from './session-clock.js';

describe('SessionClock', () => {
  it('retime moves a pending timer as clearing and setting it again would, keeping its id', () => {
    // Two clocks side by side: one clears and sets, the other retimes; same firings, same order.
    const run = (retime: boolean): string[] => {
      const s = new ManualScheduler();
      const clock = new SessionClock(s);
      const fired: string[] = [];
      const silence = () => fired.push(`silence@${clock.now()}`);
      const handle = clock.setTimeout(silence, 1000);
      clock.setTimeout(() => fired.push(`other@${clock.now()}`), 1500);
      s.advanceBy(500);
      // Due at 1500 like `other`, set after it: fires after it.
      if (retime) expect(clock.retime(handle, 1000)).toBe(true);
      else {
        clock.clearTimeout(handle);
        clock.setTimeout(silence, 1000);
      }
      clock.setTimeout(() => fired.push(`third@${clock.now()}`), 1000);
      expect(clock.dueTimes()).toEqual([1500, 1500, 1500]);
      s.advanceBy(2000);
      return fired;
    };
    expect(run(true)).toEqual(['other@1500', 'silence@1500', 'third@1500']);
    expect(run(false)).toEqual(run(true));
  });

  it('retime: nothing for a timer no longer pending; frozen while paused', () => {
    const s = new ManualScheduler();
    const clock = new SessionClock(s);
    const fired: number[] = [];
    const handle = clock.setTimeout(() => fired.push(clock.now()), 100);
    expect(clock.has(handle)).toBe(true);
    clock.pause();
    expect(clock.retime(handle, 300)).toBe(true);
    s.advanceBy(1000);
    expect(fired).toEqual([]);
    clock.resume();
    s.advanceBy(299);
    expect(fired).toEqual([]);
    s.advanceBy(1);
    expect(fired).toEqual([300]);
    expect(clock.has(handle)).toBe(false);
    expect(clock.retime(handle, 100)).toBe(false);
    expect(clock.retime('x', 100)).toBe(false);
  });

  it('starts at 0 (or the given start) and follows the scheduler', () => {
    const s = new ManualScheduler(5000);
    const clock = new SessionClock(s);
    expect(clock.now()).toBe(0);
    s.advanceBy(250);
    expect(clock.now()).toBe(250);
    expect(new SessionClock(s, { start: 1000 }).now()).toBe(1000);
  });

  it('pause freezes time and every timer; resume fires them after their remaining time, in order', () => {
    const s = new ManualScheduler();
    const clock = new SessionClock(s);
    const fired: [string, number, number][] = [];
    clock.setTimeout(() => fired.push(['a', clock.now(), s.now()]), 1000);
    clock.setTimeout(() => fired.push(['b', clock.now(), s.now()]), 1500);
    clock.setTimeout(() => fired.push(['c', clock.now(), s.now()]), 1500);
    s.advanceBy(400);
    clock.pause();
    expect(clock.paused).toBe(true);
    clock.pause(); // idempotent
    s.advanceBy(10_000);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(400);
    clock.resume();
    clock.resume(); // idempotent
    expect(clock.paused).toBe(false);
    s.advanceBy(599);
    expect(fired).toEqual([]);
    s.advanceBy(1);
    expect(fired).toEqual([['a', 1000, 11_000]]);
    s.advanceBy(500);
    expect(fired).toEqual([
      ['a', 1000, 11_000],
      ['b', 1500, 11_500],
      ['c', 1500, 11_500],
    ]);
  });

  it('cancels timers, including frozen ones', () => {
    const s = new ManualScheduler();
    const clock = new SessionClock(s);
    let fired = 0;
    const a = clock.setTimeout(() => fired++, 100);
    clock.setTimeout(() => fired++, 200);
    clock.pause();
    clock.clearTimeout(a);
    clock.resume();
    s.advanceBy(1000);
    expect(fired).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('a timer set while paused starts counting at resume', () => {
    const s = new ManualScheduler();
    const clock = new SessionClock(s);
    clock.pause();
    const at: number[] = [];
    clock.setTimeout(() => at.push(clock.now()), 300);
    s.advanceBy(1000);
    expect(at).toEqual([]);
    clock.resume();
    s.advanceBy(300);
    expect(at).toEqual([300]);
  });

  it('reads the due time inside a late callback, and runDue fires overdue timers first', () => {
    // A scheduler that never fires on its own: like an event loop too busy to get to the timer.
    let t = 0;
    const lazy = { now: () => t, setTimeout: () => 0, clearTimeout: () => {} };
    const clock = new SessionClock(lazy);
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 10);
    }, 100);
    t = 250;
    clock.runDue();
    expect(seen).toEqual([100, 110]);
    expect(clock.now()).toBe(250);
  });
});

describe('SessionClock time', () => {
  it('counts whole milliseconds, so a timeline t replays exactly', () => {
    const s = new ManualScheduler(0.25);
    const clock = new SessionClock(s);
    s.advanceTo(3100.9);
    expect(clock.now()).toBe(3100);
    const at: number[] = [];
    clock.setTimeout(() => at.push(clock.now()), 20_000);
    expect(clock.nextDueTime()).toBe(23_100);
    s.advanceTo(23_101);
    expect(at).toEqual([23_100]);
  });
});

describe('SessionClock.hold', () => {
  it('holds session time for the length of a step; timers fired inside read their due time', () => {
    let t = 1000;
    const moving = { now: () => t, setTimeout: () => 0, clearTimeout: () => {} };
    const clock = new SessionClock(moving);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 500);
    t = 1700;
    const result = clock.hold(() => {
      const start = clock.now();
      t = 1705; // time moves while the step runs
      clock.runDue();
      const due = clock.setTimeout(() => undefined, 100);
      clock.pause();
      return { start, end: clock.now(), due, next: clock.nextDueTime() };
    });
    expect(seen).toEqual([500]);
    expect(result).toMatchObject({ start: 700, end: 700, next: 800 });
    t = 5000;
    expect(clock.now()).toBe(700);
  });
});
