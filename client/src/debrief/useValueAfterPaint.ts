// A value shown one paint late: a step of the moment paints first what follows it at once (the
// cursor, the moment's heading and line, the gauges), and only then what is costly to redraw —
// the state graph and the path of states — once that frame is painted (a frame, then a task: the
// frame's rendering is done), as a transition that a next step interrupts. Quick steps in a row
// redraw the graph once they pause; playback redraws it a frame behind the moment.
import { startTransition, useEffect, useState } from 'react';

export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
