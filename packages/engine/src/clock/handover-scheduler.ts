// A scheduler that starts on one scheduler (a replay's ManualScheduler) and is then handed over
// to another (the server's real timers) without a jump: `now()` continues from where the first
// one stood, so a SessionClock built on it keeps its anchor. Timers armed on the first
// scheduler stay there (cancel them first: pausing the session clock does); each handle
// remembers its scheduler, so clearing one after the handover still reaches the right one.
import type { Scheduler } from './scheduler.js';

interface HandoverHandle {
  scheduler: Scheduler;
  handle: unknown;
}

export class HandoverScheduler implements Scheduler {
  private current: Scheduler;
  private offset = 0;

  constructor(initial: Scheduler) {
    this.current = initial;
  }

  now(): number {
    return this.current.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): HandoverHandle {
    return { scheduler: this.current, handle: this.current.setTimeout(fn, ms) };
  }

  clearTimeout(handle: unknown): void {
    if (handle && typeof handle === 'object' && 'scheduler' in handle) {
      const { scheduler, handle: inner } = handle as HandoverHandle;
      scheduler.clearTimeout(inner);
    }
  }

  /**
   * A timer of the current scheduler is moved there (when it can: `Scheduler.retime`); one left on
   * an earlier scheduler is not (a new timer would go to the current one): the caller sets it again.
   */
  retime(handle: unknown, ms: number): boolean {
    if (!handle || typeof handle !== 'object' || !('scheduler' in handle)) return false;
    const { scheduler, handle: inner } = handle as HandoverHandle;
    return scheduler === this.current && (scheduler.retime?.(inner, ms) ?? false);
  }

  /** From now on, time and new timers come from `next`; `now()` goes on without a jump. */
  handOver(next: Scheduler): void {
    const now = this.now();
    this.current = next;
    this.offset = now - next.now();
  }
}
