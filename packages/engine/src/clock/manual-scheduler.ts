// A scheduler whose time moves only when told to. Unlike XState's SimulatedClock (which jumps to
// the target and then fires everything due, so every timer reads the jump's end as its time),
// it fires due timers one at a time, in due-time order (ties in scheduling order), with `now()`
// equal to each timer's due time: a timer-driven observation gets the same `t` as in a live run.
import type { Scheduler } from './scheduler.js';

interface ManualTimer {
  id: number;
  due: number;
  /** Among timers due together, the lower fires first: its id, or a fresh one when retimed. */
  order: number;
  fn: () => void;
}

export class ManualScheduler implements Scheduler {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, ManualTimer>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.time + delayOf(ms), order: id, fn });
    return id;
  }

  /** See `Scheduler.retime`: the timer takes the next id's place, as a new one would. */
  retime(handle: unknown, ms: number): boolean {
    const timer = typeof handle === 'number' ? this.timers.get(handle) : undefined;
    if (!timer) return false;
    timer.due = this.time + delayOf(ms);
    timer.order = this.nextId++;
    return true;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  /** Due time of the earliest pending timer, or `undefined` when none is pending. */
  nextDueTime(): number | undefined {
    return this.next()?.due;
  }

  /** How many timers are pending. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time to `target`, firing each timer due by then at its own due time, one by one. */
  advanceTo(target: number): void {
    if (target < this.time)
      throw new RangeError(`ManualScheduler: cannot go back in time (${target} < ${this.time})`);
    for (let timer = this.next(); timer && timer.due <= target; timer = this.next()) {
      this.timers.delete(timer.id);
      this.time = timer.due;
      timer.fn();
    }
    this.time = target;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** Fires every pending timer, including those they schedule, up to `limit` of them. */
  runAll(limit = 10_000): void {
    for (let i = 0; i < limit; i++) {
      const due = this.nextDueTime();
      if (due === undefined) return;
      this.advanceTo(Math.max(due, this.time));
    }
    throw new Error(`ManualScheduler: more than ${limit} timers fired by runAll()`);
  }

  private next(): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    // Of equal due times, the first set (or retimed) wins: scheduling order.
    for (const timer of this.timers.values())
      if (!best || timer.due < best.due || (timer.due === best.due && timer.order < best.order)) best = timer;
    return best;
  }
}

function delayOf(ms: number): number {
  return Math.max(0, Number.isFinite(ms) ? ms : 0);
}
