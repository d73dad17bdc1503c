import { describe, it, expect } from '@jest/globals';
import { ManualScheduler } from './manual-scheduler.js';

describe('ManualScheduler', () => {
  it('fires due timers one at a time, in due order, each at its own due time', () => {
    const s = new ManualScheduler();
    const fired: [string, number][] = [];
    s.setTimeout(() => fired.push(['b', s.now()]), 300);
    s.setTimeout(() => fired.push(['a', s.now()]), 100);
    s.setTimeout(() => fired.push(['c', s.now()]), 300);
    s.setTimeout(() => fired.push(['late', s.now()]), 1000);
    expect(s.nextDueTime()).toBe(100);
    s.advanceTo(500);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 300],
      ['c', 300],
    ]);
    expect(s.now()).toBe(500);
    expect(s.nextDueTime()).toBe(1000);
  });

  it('fires timers scheduled by a firing timer within the same advance', () => {
    const s = new ManualScheduler();
    const fired: number[] = [];
    s.setTimeout(() => {
      fired.push(s.now());
      s.setTimeout(() => fired.push(s.now()), 50);
    }, 100);
    s.advanceBy(200);
    expect(fired).toEqual([100, 150]);
    expect(s.pending).toBe(0);
    expect(s.nextDueTime()).toBeUndefined();
  });

  it('retime moves a timer as clearing and setting it again would, keeping its handle', () => {
    const run = (retime: boolean): [string, number][] => {
      const s = new ManualScheduler();
      const fired: [string, number][] = [];
      const a = () => fired.push(['a', s.now()]);
      const h = s.setTimeout(a, 100);
      s.setTimeout(() => fired.push(['b', s.now()]), 300);
      s.advanceTo(50);
      if (retime) expect(s.retime(h, 250)).toBe(true);
      else {
        s.clearTimeout(h);
        s.setTimeout(a, 250);
      }
      s.setTimeout(() => fired.push(['c', s.now()]), 250);
      s.advanceTo(1000);
      return fired;
    };
    // `a` now due at 300 like `b`, and set after it; `c` set after `a`.
    expect(run(true)).toEqual([
      ['b', 300],
      ['a', 300],
      ['c', 300],
    ]);
    expect(run(false)).toEqual(run(true));
    const s = new ManualScheduler();
    const h = s.setTimeout(() => {}, 10);
    s.advanceBy(10);
    expect(s.retime(h, 10)).toBe(false);
  });

  it('clears timers and refuses to go back in time', () => {
    const s = new ManualScheduler(10);
    let fired = false;
    const h = s.setTimeout(() => (fired = true), 5);
    s.clearTimeout(h);
    s.advanceBy(100);
    expect(fired).toBe(false);
    expect(() => s.advanceTo(50)).toThrow(RangeError);
  });
});
