// Where a call run's timers report when the run is built before the runtime that records what
// they cause (crash recovery rebuilds the run first, then builds the runtime around it).
import type { TimedObservation } from '@ecoute/engine';

export class TimerRelay {
  private listener: ((observations: TimedObservation[]) => void) | undefined;

  /** Give this to the run as its `onTimer`. */
  readonly report = (observations: TimedObservation[]): void => {
    this.listener?.(observations);
  };

  /** The runtime listens from here on (one listener: the last one set). */
  listen(listener: (observations: TimedObservation[]) => void): void {
    this.listener = listener;
  }
}
