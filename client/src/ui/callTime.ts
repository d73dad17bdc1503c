// One clock in the consoles: a time a person reads is call time, from the pickup, as the status
// bar's « Durée de l'appel », the transcript and the debrief count it. Session time stays what the
// records hold; only what is read is shifted.
// Before the pickup there is no call yet: a transcript entry of that stretch (a join while the
// phone rings) reads « avant le décroché », not a time. It read session time while the phone rang
// (0:30), then the first entries after the pickup read 0:00: times went backwards on screen, and
// the same entry changed its time at the pickup. Marked so, it reads the same before and after.
import type { TimelineEntry } from '@ecoute/engine';
import { formatDuration } from './formatDuration.js';
import { pickupTime } from './useCallElapsed.js';

/** A session time (ms) as call time « m:ss », counted from the pickup found in `entries`. */
export function callTimeOf(entries: readonly TimelineEntry[]): (t: number) => string {
  const origin = pickupTime(entries) ?? 0;
  return (t) => formatDuration(t - origin);
}

/** The seq of the pickup in `entries`, or undefined while the phone still rings. */
export function pickupSeq(entries: readonly TimelineEntry[]): number | undefined {
  return entries.find((entry) => entry.kind === 'input' && entry.input.kind === 'pickup')?.seq;
}

/**
 * Whether the entry numbered `seq` came before the pickup numbered `pickup` (undefined: the phone
 * still rings, or never was picked up). By seq, not time: a join in the pickup's very millisecond
 * but before it is before it.
 */
export function isBeforePickup(seq: number, pickup: number | undefined): boolean {
  return pickup === undefined || seq < pickup;
}
