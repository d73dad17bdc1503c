// The live curves' time axis: its ticks at whole call times (0:00, 0:30, 1:00… from the pickup),
// as the debrief's ruler has them (`rulerTicks`, the lanes geometry's). uPlot's own ticks are
// round in session time, which the axis shows as call time: a call picked up 39 s into the
// session read « 0:11, 1:01, 1:51 ».
import { rulerTicks } from '@ecoute/engine';

/**
 * The x axis' ticks (session seconds, as the plot's data) between `min` and `max` seconds, drawn
 * at `pxPerSecond` (a tick at least every 80 px, as the ruler): whole call times counted from
 * `pickupMs` (session ms; none yet: 0).
 */
export function callTimeTicks(
  min: number,
  max: number,
  pxPerSecond: number,
  pickupMs: number | undefined,
): number[] {
  if (!(max > min) || !(pxPerSecond > 0)) return [];
  return rulerTicks(pickupMs ?? 0, min * 1000, max * 1000, pxPerSecond / 1000).map((tick) => tick / 1000);
}
