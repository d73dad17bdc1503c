// What the caller says when they did not follow a sentence (free speech, below the threshold):
// several wordings, the n-th « Pardon ? » of a session chosen by the seed (deterministic).
export const PARDON_LINE = 'pardon';

export const PARDON_TEXTS = [
  'Pardon ?',
  "Excusez-moi, je n'ai pas bien compris…",
  'Comment ? Vous pouvez répéter ?',
  'Je ne suis pas sûr de vous suivre…',
  "Pardon, qu'est-ce que vous voulez dire ?",
] as const;

/** The wording of the session's `count`-th « Pardon ? » (from 0). */
export function pardonText(seed: number, count: number): string {
  // A small integer hash of (seed, count): stable across runs and platforms.
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(count + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return PARDON_TEXTS[h % PARDON_TEXTS.length]!;
}
