// The moment picked in the debrief: its cursor (an entry's index and a session time), how a
// click, a jump or a step moves it, and the ← → keys that step through the moments.
import { useCallback, useEffect, useState } from 'react';
import { indexAtTime, indexOfSeq } from './moment.js';
import type { Cursor } from './TimelineLanes.js';
import type { Timeline } from './timeline.js';

/** Keys that step through the moments, unless typing or choosing in a form control. */
function isStepKeyTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('input, textarea, select, [contenteditable="true"]');
}

export function useMomentCursor(
  timeline: Timeline,
  /** The moment it opens on (the last entry unless told). */
  opening: (timeline: Timeline) => number = (all) => all.count - 1,
) {
  const { count, t: times, seq: seqs } = timeline;
  const [cursor, setCursor] = useState<Cursor>(() => {
    const index = opening(timeline);
    return { index, t: times[index] ?? 0 };
  });

  const pickIndex = useCallback(
    (index: number) => {
      const bounded = Math.max(-1, Math.min(count - 1, index));
      setCursor({ index: bounded, t: bounded >= 0 ? (times[bounded] ?? 0) : 0 });
    },
    [count, times],
  );
  const jumpToSeq = useCallback((seq: number) => pickIndex(indexOfSeq(seqs, seq)), [seqs, pickIndex]);
  const jumpToTime = useCallback(
    (time: number, seq: number | null) =>
      seq !== null
        ? pickIndex(indexOfSeq(seqs, seq))
        : setCursor({ index: indexAtTime(times, time), t: time }),
    [seqs, times, pickIndex],
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
          Math.min(count - 1, current.index + (event.key === 'ArrowRight' ? 1 : -1)),
        );
        return { index, t: index >= 0 ? (times[index] ?? 0) : 0 };
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, times]);

  return { cursor, setCursor, pickIndex, jumpToSeq, jumpToTime };
}
