// A scheduler whose time runs `rate` times faster than the wall clock: `ECOUTE_CLOCK_RATE=10`
// plays a 20-minute call in 2 (demonstrations). Rate 1 is the real clock; tests drive time with
// the manual test clock instead (`test-clock/`).
import type { Scheduler } from '@ecoute/engine';

export function scaledScheduler(base: Scheduler, rate: number): Scheduler {
  if (rate === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * rate,
    setTimeout: (fn, ms) => base.setTimeout(fn, ms / rate),
    clearTimeout: (handle) => base.clearTimeout(handle),
  };
}
