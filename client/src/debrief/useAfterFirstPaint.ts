// False on the first render, true once that render has been painted: what a page draws after
// its first paint (two animation frames: the first frame holds what was committed, the second
// starts once it was presented). The update is a transition, so React renders what comes after
// in slices and a frame (the lanes scrolled, a key pressed) is never held by it.
import { startTransition, useEffect, useState } from 'react';

export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  return painted;
}
