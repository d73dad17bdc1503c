// One clock for the whole debrief: call time counts from the pickup, as the transcript and the
// status bar of the consoles count it (a moment before the pickup reads 0:00). Session time
// stays what the records hold (the cursor, the marks, the API); only what is read is shifted.
// The transcript's entries before the pickup read `transcript.beforePickup`, as in the live consoles
// (ui/callTime.ts), rather than a 0:00 that the pickup itself reads too.
import { createContext, useContext } from 'react';
import { pickupTime } from '@ecoute/engine';
import { isBeforePickup } from '../ui/callTime.js';
import { formatDuration } from '../ui/formatDuration.js';
import type { Timeline } from './timeline.js';

export interface CallClock {
  /** Session time of the pickup (0 when the phone was never picked up). */
  origin: number;
  /** A session time as call time, in ms. */
  callMs: (t: number) => number;
  /** A session time as call time, m:ss. */
  format: (t: number) => string;
  /** Whether the entry numbered `seq` came before the pickup (every entry, if never picked up). */
  beforePickup: (seq: number) => boolean;
}

export function callClock(timeline: Timeline): CallClock {
  const origin = pickupTime(timeline.columns);
  const callMs = (t: number) => Math.max(0, t - origin);
  const index = timeline.firstOfKind('input:pickup');
  const pickup = index >= 0 ? timeline.seq[index] : undefined;
  return {
    origin,
    callMs,
    format: (t) => formatDuration(callMs(t)),
    beforePickup: (seq) => isBeforePickup(seq, pickup),
  };
}

/** The index the debrief opens on: the call's ending (entries after it came later), else the last. */
export function openingIndex(timeline: Timeline): number {
  const ending = timeline.firstOfKind('observation:ending');
  return ending >= 0 ? ending : timeline.count - 1;
}

const SESSION_CLOCK: CallClock = {
  origin: 0,
  callMs: (t) => t,
  format: formatDuration,
  beforePickup: () => false,
};

export const CallClockContext = createContext<CallClock>(SESSION_CLOCK);

export function useCallClock(): CallClock {
  return useContext(CallClockContext);
}
