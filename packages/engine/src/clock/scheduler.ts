// The one boundary through which the engine sees time. The server runs on `systemScheduler`;
// tests and replay run on a `ManualScheduler` they advance by hand.

export interface Scheduler {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /**
   * Optional: moves the pending timer `handle` to `ms` from now, as clearing it and setting its
   * callback again would (after every timer set before), keeping the handle; false if it is not
   * pending. Without it, a retimed session timer is cleared and set again.
   */
  retime?(handle: unknown, ms: number): boolean;
}

/** Real time: `performance.now()` and the global timers. */
export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
