// The playback's speeds (pure: a debrief link's early paint shows them before React is there).
export const SPEEDS = [1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
