// What the caller says when they did not follow a sentence (free speech, below the threshold):
// several wordings, the n-th « Pardon ? » of a session chosen by the seed (deterministic).
export const PARDON_LINE = 'pardon';

/**
 * No wording says who is calling (a woman or a man). Plain spaces before « ? », as in the
 * scenarios' texts: the transcript sets French spacing (client `frenchSpacing`).
 */
export const PARDON_TEXTS = [
  'Pardon ?',
  "Excusez-moi, je n'ai pas bien compris…",
  'Comment ? Vous pouvez répéter ?',
  'Je ne vous suis pas bien, là…',
  "Pardon, qu'est-ce que vous voulez dire ?",
] as const;

/**
 * The wordings sessions recorded before were given, rank for rank (« Je ne suis pas sûr de vous
 * suivre… » was masculine whoever the caller is). A rebuild of such a session draws the same rank
 * and takes the two for the same line (`samePardonText`).
 */
const EARLIER_TEXTS: readonly (readonly string[])[] = [
  [
    'Pardon ?',
    "Excusez-moi, je n'ai pas bien compris…",
    'Comment ? Vous pouvez répéter ?',
    'Je ne suis pas sûr de vous suivre…',
    "Pardon, qu'est-ce que vous voulez dire ?",
  ],
];

/** The wording of the session's `count`-th « Pardon ? » (from 0). */
export function pardonText(seed: number, count: number): string {
  // A small integer hash of (seed, count): stable across runs and platforms.
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(count + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return PARDON_TEXTS[h % PARDON_TEXTS.length]!;
}

function pardonRank(text: string): number {
  const now = (PARDON_TEXTS as readonly string[]).indexOf(text);
  if (now >= 0) return now;
  for (const texts of EARLIER_TEXTS) {
    const before = texts.indexOf(text);
    if (before >= 0) return before;
  }
  return -1;
}

/** Whether two wordings of the « Pardon ? » line are the same rank, in this version or an earlier one. */
export function samePardonText(recorded: string, rebuilt: string): boolean {
  if (recorded === rebuilt) return true;
  const rank = pardonRank(recorded);
  return rank >= 0 && rank === pardonRank(rebuilt);
}
