// The session's pausable clock, and the XState clock of its actor. Session time starts at 0 (or a
// given start) and stands still while the session is paused; pausing freezes every pending timer
// with its remaining time, resuming re-arms them in their original order.
//
// Session time is in whole milliseconds, so the timeline's `t` is exact and a replay from those
// `t`s sees inputs and timers in the same order as the live run. While a timer's callback runs,
// `now()` reads the timer's due time (not the slightly later moment a real event loop got to
// it), so what it causes is stamped exactly as a replay would stamp it.
import type { Scheduler } from './scheduler.js';

interface SessionTimer {
  id: number;
  /** Session time at which it fires. */
  due: number;
  /** Among timers due at the same time, the lower fires first: its id, or a fresh one when retimed. */
  order: number;
  fn: () => void;
  /** The scheduler's handle while armed (not paused). */
  handle: unknown;
  /** What the scheduler calls (made once per timer, however often it is armed). */
  onDue?: () => void;
}

export class SessionClock {
  private readonly scheduler: Scheduler;
  /** Session time at the last resume (or creation). */
  private base: number;
  /** Scheduler time at the last resume (or creation). */
  private anchor: number;
  private isPaused = false;
  private firingAt: number | undefined;
  private nextId = 1;
  /**
   * The pending timers, in the order they were set. Replaced, never changed in place: a new
   * array of its size at each change (a session has one or two timers pending, where a Map's
   * table is 152 B a session); a loop over it is not disturbed by a timer it fires or clears.
   */
  private timers: readonly SessionTimer[] = NO_TIMERS;

  constructor(scheduler: Scheduler, options: { start?: number } = {}) {
    this.scheduler = scheduler;
    this.base = Math.floor(options.start ?? 0);
    this.anchor = scheduler.now();
  }

  /**
   * Runs `fn` with session time held at the current moment: every `now()` inside reads the
   * same value (timers it fires still read their own due time). A server applies each input
   * this way, so the input, the timers its step sets and its `t` in the timeline share one
   * moment, as they do in a replay; without it, time moving while a step runs (a slow step,
   * or a clock running faster than real time) would shift them by a millisecond or more.
   */
  hold<T>(fn: () => T): T {
    const outer = this.firingAt;
    this.firingAt = this.now();
    try {
      return fn();
    } finally {
      this.firingAt = outer;
    }
  }

  /** Session time in ms. */
  now(): number {
    if (this.firingAt !== undefined) return this.firingAt;
    return this.isPaused ? this.base : this.base + Math.floor(this.scheduler.now() - this.anchor);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    const id = this.nextId++;
    const timer: SessionTimer = {
      id,
      due: this.now() + delayOf(ms),
      order: id,
      fn,
      handle: undefined,
    };
    this.timers = this.timers.concat(timer);
    if (!this.isPaused) this.arm(timer);
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id !== 'number') return;
    const timer = this.find(id);
    if (!timer) return;
    this.remove(timer);
    if (timer.handle !== undefined) this.scheduler.clearTimeout(timer.handle);
  }

  /** Whether the timer `id` is pending (set, not yet fired nor cleared). */
  has(id: unknown): boolean {
    return typeof id === 'number' && this.find(id) !== undefined;
  }

  /**
   * Moves the pending timer `id` to `ms` from now, as if it were cleared and set again with the
   * same callback: it takes the next id's place among timers due at the same time, and is armed
   * again on the scheduler, but keeps its id. False (nothing done) if it is not pending. A silence
   * timer restarted at every act of the listener costs no new timer this way.
   */
  retime(id: unknown, ms: number): boolean {
    if (typeof id !== 'number') return false;
    const timer = this.find(id);
    if (!timer) return false;
    timer.due = this.now() + delayOf(ms);
    timer.order = this.nextId++;
    if (this.isPaused) return true;
    // The scheduler moves its own timer when it can (a manual one: no new timer either).
    if (timer.handle !== undefined && this.scheduler.retime?.(timer.handle, timer.due - this.now()))
      return true;
    if (timer.handle !== undefined) this.scheduler.clearTimeout(timer.handle);
    this.arm(timer);
    return true;
  }

  /** Freezes session time and every pending timer. Idempotent. */
  pause(): void {
    if (this.isPaused) return;
    this.base = this.now();
    this.isPaused = true;
    for (const timer of this.timers) {
      if (timer.handle !== undefined) this.scheduler.clearTimeout(timer.handle);
      timer.handle = undefined;
    }
  }

  /** Starts session time again; frozen timers fire after their remaining time. Idempotent. */
  resume(): void {
    if (!this.isPaused) return;
    this.anchor = this.scheduler.now();
    this.isPaused = false;
    for (const timer of this.ordered()) this.arm(timer);
  }

  /** Due time of the earliest pending timer, or `undefined`. */
  nextDueTime(): number | undefined {
    return this.earliest()?.due;
  }

  get pending(): number {
    return this.timers.length;
  }

  /**
   * Fires, one by one in order, the timers already due that the scheduler has not fired yet (a
   * busy event loop is late). The run calls it before each input, so an input never overtakes a
   * timer that was due before it: live and replay see the same order.
   */
  runDue(): void {
    if (this.isPaused) return;
    for (let timer = this.earliest(); timer && timer.due <= this.now(); timer = this.earliest()) {
      this.fire(timer);
    }
  }

  /** Session due times of the pending timers, earliest first. */
  dueTimes(): number[] {
    return this.ordered().map((timer) => timer.due);
  }

  private arm(timer: SessionTimer): void {
    const delay = Math.max(0, timer.due - this.now());
    timer.handle = this.scheduler.setTimeout((timer.onDue ??= () => this.fire(timer)), delay);
  }

  private fire(timer: SessionTimer): void {
    if (!this.timers.includes(timer)) return;
    this.remove(timer);
    if (timer.handle !== undefined) this.scheduler.clearTimeout(timer.handle);
    timer.handle = undefined;
    const outer = this.firingAt;
    this.firingAt = timer.due;
    try {
      timer.fn();
    } finally {
      this.firingAt = outer;
    }
  }

  /**
   * The first of `ordered()` without sorting (nor an array): the run asks before every input, and
   * most inputs find nothing due.
   */
  private earliest(): SessionTimer | undefined {
    let best: SessionTimer | undefined;
    // Indexed loops: no iterator objects before the code is optimised (a run's first inputs).
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) {
      const timer = timers[i]!;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.order < best.order)) best = timer;
    }
    return best;
  }

  private ordered(): SessionTimer[] {
    return [...this.timers].sort((a, b) => a.due - b.due || a.order - b.order);
  }

  private find(id: number): SessionTimer | undefined {
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) if (timers[i]!.id === id) return timers[i];
    return undefined;
  }

  private remove(timer: SessionTimer): void {
    const timers = this.timers;
    const index = timers.indexOf(timer);
    this.timers = timers.length === 1 ? NO_TIMERS : timers.slice(0, index).concat(timers.slice(index + 1));
  }
}

const NO_TIMERS: readonly SessionTimer[] = Object.freeze([]);

function delayOf(ms: number): number {
  return Math.max(0, Number.isFinite(ms) ? Math.ceil(ms) : 0);
}
