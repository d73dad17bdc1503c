import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoleView, TimelineEntry } from '@ecoute/engine';

/** Session time of the pickup, or undefined while the phone still rings. */
export function pickupTime(entries: readonly TimelineEntry[]): number | undefined {
  return entries.find((entry) => entry.kind === 'input' && entry.input.kind === 'pickup')?.t;
}

/** Session time of the ending, if the call has ended. */
export function endingTime(entries: readonly TimelineEntry[]): number | undefined {
  return entries.find((entry) => entry.kind === 'observation' && entry.observation.kind === 'ending')?.t;
}

interface Anchor {
  view: RoleView;
  /** Wall-clock ms when this page received `view`. */
  at: number;
}

/** Whether the session clock runs (the call is on and not paused). */
function ticking(view: RoleView): boolean {
  return view.phase === 'connected' && !view.paused;
}

/** The session time at wall-clock `now`: the last view's, plus what passed since, if it runs. */
function extrapolated({ view, at }: Anchor, now: number): number {
  return ticking(view) ? view.t + Math.max(0, now - at) : view.t;
}

/** The page's last view (none yet: null), with the wall-clock time it came. */
function useAnchor<V extends RoleView | null>(view: V): { current: { view: V; at: number } } {
  const anchor = useRef({ view, at: Date.now() });
  if (anchor.current.view !== view) anchor.current = { view, at: Date.now() };
  return anchor;
}

/**
 * The session time now, as this page estimates it (for a bookmark's moment): between two views
 * the session clock is extrapolated from the wall clock, unless the session is paused; 0 before
 * the first view.
 */
export function useSessionNow(view: RoleView | null): () => number {
  const anchor = useAnchor(view);
  return useCallback(() => {
    const { view: last, at } = anchor.current;
    return last ? extrapolated({ view: last, at }, Date.now()) : 0;
  }, [anchor]);
}

/**
 * How long the call has lasted, in ms, or null before pickup. Between two views the session
 * clock is extrapolated from the wall clock, unless the session is paused (its clock frozen).
 */
export function useCallElapsed(entries: TimelineEntry[], view: RoleView): number | null {
  const [now, setNow] = useState(() => Date.now());
  const anchor = useAnchor(view);

  const runs = ticking(view);
  useEffect(() => {
    if (!runs) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [runs]);

  return callElapsed(entries, view, extrapolated(anchor.current, now));
}

/**
 * The consoles' call time (ms) at session time `sessionNow`: counted from the pickup, stopped at
 * the ending once the call has ended; null before the pickup (the phone rings: no call time, the
 * status bar shows none). `useCallElapsed` reads it on the live clock, the studio's test-play on
 * its simulated one.
 */
export function callElapsed(
  entries: readonly TimelineEntry[],
  view: Pick<RoleView, 'phase' | 't'>,
  sessionNow: number,
): number | null {
  const start = pickupTime(entries);
  if (start === undefined) return null;
  const end = view.phase === 'ended' ? (endingTime(entries) ?? view.t) : sessionNow;
  return Math.max(0, end - start);
}
