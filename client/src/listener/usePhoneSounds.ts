import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { createPhoneSounds, type PhoneSounds } from './phoneAudio.js';

export interface PhoneSoundOptions {
  ringing: boolean;
  onHold: boolean;
  muted: boolean;
  entries: TimelineEntry[];
  /** True once the first sync is in: cues already in the timeline then are not replayed. */
  ready: boolean;
  /** Tests pass a fake. */
  create?: () => PhoneSounds;
}

/** Rings while the phone rings, plays hold music on hold, and a short sound for new cues. */
export function usePhoneSounds({
  ringing,
  onHold,
  muted,
  entries,
  ready,
  create = createPhoneSounds,
}: PhoneSoundOptions): {
  blocked: boolean;
} {
  // Made in an effect (not during render) so that StrictMode's remount gets a fresh one.
  const [sounds, setSounds] = useState<PhoneSounds | null>(null);
  const [blocked, setBlocked] = useState(false);
  const playedUpTo = useRef<number | null>(null);
  const factory = useRef(create);

  useEffect(() => {
    const made = factory.current();
    setSounds(made);
    setBlocked(made.isBlocked());
    const unsubscribe = made.onBlockedChange(setBlocked);
    return () => {
      unsubscribe();
      made.dispose();
    };
  }, []);

  useEffect(() => sounds?.setMuted(muted), [sounds, muted]);
  useEffect(() => sounds?.setRinging(ringing), [sounds, ringing]);
  useEffect(() => sounds?.setHoldMusic(onHold), [sounds, onHold]);

  useEffect(() => {
    if (!ready || !sounds) return;
    const lastSeq = entries[entries.length - 1]?.seq ?? 0;
    const after = playedUpTo.current;
    playedUpTo.current = Math.max(after ?? 0, lastSeq);
    if (after === null) return;
    for (const entry of entries) {
      if (entry.seq <= after || entry.kind !== 'observation') continue;
      const { observation } = entry;
      if (observation.kind === 'cue') sounds.playCue(observation.cue);
      else if (observation.kind === 'line' && observation.cue) sounds.playCue(observation.cue);
    }
  }, [sounds, entries, ready]);

  return { blocked };
}
