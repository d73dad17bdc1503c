// A switch whose position is the person's choice, kept in this browser (localStorage): the page's
// default until they change it, then what they chose, on every page that reads the same key. A
// browser that refuses storage keeps the choice for the page only.
import { useCallback, useState } from 'react';

/** The keys kept: one per choice, shared by the pages that offer it. */
export const STORED_SWITCHES = {
  /** The caller's voice on the listener's console and in the debrief's playback. */
  callerVoice: 'ecoute.callerVoice',
  /** The caller's voice on the observer's page (off by default: the listener's device speaks). */
  observerVoice: 'ecoute.callerVoice.observer',
  /** The phone's ring and hold music on the listener's console. */
  phoneSounds: 'ecoute.phoneSounds',
  /** What the trainer's call log announces: also hidden variables, states and readings. */
  announceDetails: 'ecoute.trainer.announceDetails',
  /** The studio's call text (YAML) unfolded: folded by default, under the forms. */
  studioText: 'ecoute.studio.text',
} as const;

export type StoredSwitch = (typeof STORED_SWITCHES)[keyof typeof STORED_SWITCHES];

function read(key: StoredSwitch, fallback: boolean): boolean {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === 'on' ? true : stored === 'off' ? false : fallback;
  } catch {
    return fallback;
  }
}

export function useStoredSwitch(
  key: StoredSwitch,
  fallback: boolean,
): [boolean, (next: boolean | ((on: boolean) => boolean)) => void] {
  const [on, setOn] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean | ((on: boolean) => boolean)) =>
      setOn((was) => {
        const now = typeof next === 'function' ? next(was) : next;
        try {
          window.localStorage.setItem(key, now ? 'on' : 'off');
        } catch {
          // Storage refused: the choice holds for this page.
        }
        return now;
      }),
    [key],
  );
  return [on, set];
}
