// A bookmark marks the moment « Marquer ce moment » was pressed: the trainer's page says when, in
// session time. The page's clock is its own estimate: the moment recorded is never after the
// session's now, nor before the call's start.
import type { Input } from '@ecoute/engine';

export function markedMoment(input: Input, now: number): Input {
  if (input.kind !== 'bookmark' || input.moment === undefined) return input;
  return { ...input, moment: Math.max(0, Math.min(Math.round(now), Math.round(input.moment))) };
}
