import { useEffect, useRef, useState } from 'react';
import type { RoleView, TimelineEntry } from '@ecoute/engine';

/** Session time of the pickup, or undefined while the phone still rings. */
export function pickupTime(entries: readonly TimelineEntry[]): number | undefined {
  return entries.find((entry) => entry.kind === 'input' && entry.input.kind === 'pickup')?.t;
}

/** Session time of the ending, if the call has ended. */
export function endingTime(entries: TimelineEntry[]): number | undefined {
  return entries.find((entry) => entry.kind === 'observation' && entry.observation.kind === 'ending')?.t;
}

/**
 * How long the call has lasted, in ms, or null before pickup. Between two views the session
 * clock is extrapolated from the wall clock, unless the session is paused (its clock frozen).
 */
export function useCallElapsed(entries: TimelineEntry[], view: RoleView): number | null {
  const [now, setNow] = useState(() => Date.now());
  const anchor = useRef({ view, at: Date.now() });
  if (anchor.current.view !== view) anchor.current = { view, at: Date.now() };

  const ticking = view.phase === 'connected' && !view.paused;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  const start = pickupTime(entries);
  if (start === undefined) return null;
  const sessionNow =
    view.phase === 'ended'
      ? (endingTime(entries) ?? view.t)
      : ticking
        ? view.t + Math.max(0, now - anchor.current.at)
        : view.t;
  return Math.max(0, sessionNow - start);
}
