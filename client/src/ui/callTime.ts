// One clock in the consoles: a time a person reads is call time, from the pickup, as the status
// bar's « Durée de l'appel », the transcript and the debrief count it (before the pickup: 0:00).
// Session time stays what the records hold; only what is read is shifted.
import type { TimelineEntry } from '@ecoute/engine';
import { formatDuration } from './formatDuration.js';
import { pickupTime } from './useCallElapsed.js';

/** A session time (ms) as call time « m:ss », counted from the pickup found in `entries`. */
export function callTimeOf(entries: readonly TimelineEntry[]): (t: number) => string {
  const origin = pickupTime(entries) ?? 0;
  return (t) => formatDuration(t - origin);
}
