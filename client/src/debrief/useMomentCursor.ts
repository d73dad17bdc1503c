// The moment picked in the debrief: its cursor (an entry's index and a session time), how a
// click, a jump or a step moves it, and the ← → keys that step through the moments.
import { useCallback, useEffect, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { indexAtTime, indexOfSeq } from './moment.js';
import type { Cursor } from './TimelineLanes.js';

/** Keys that step through the moments, unless typing or choosing in a form control. */
function isStepKeyTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('input, textarea, select, [contenteditable="true"]');
}

export function useMomentCursor(
  entries: readonly TimelineEntry[],
  /** The moment it opens on (the last entry unless told). */
  opening: (entries: readonly TimelineEntry[]) => number = (all) => all.length - 1,
) {
  const [cursor, setCursor] = useState<Cursor>(() => {
    const index = opening(entries);
    return { index, t: entries[index]?.t ?? 0 };
  });

  const pickIndex = useCallback(
    (index: number) => {
      const bounded = Math.max(-1, Math.min(entries.length - 1, index));
      setCursor({ index: bounded, t: bounded >= 0 ? (entries[bounded]?.t ?? 0) : 0 });
    },
    [entries],
  );
  const jumpToSeq = useCallback((seq: number) => pickIndex(indexOfSeq(entries, seq)), [entries, pickIndex]);
  const jumpToTime = useCallback(
    (time: number, seq: number | null) =>
      seq !== null
        ? pickIndex(indexOfSeq(entries, seq))
        : setCursor({ index: indexAtTime(entries, time), t: time }),
    [entries, pickIndex],
  );

  // ← → step through the moments, one entry at a time.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !isStepKeyTarget(event.target)) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      setCursor((current) => {
        const index = Math.max(
          -1,
          Math.min(entries.length - 1, current.index + (event.key === 'ArrowRight' ? 1 : -1)),
        );
        return { index, t: index >= 0 ? (entries[index]?.t ?? 0) : 0 };
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [entries]);

  return { cursor, setCursor, pickIndex, jumpToSeq, jumpToTime };
}
