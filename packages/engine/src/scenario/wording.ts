// Which wording of a line is said: a line with `variants` has several wordings, said in an order
// drawn from the session's seed (and the line's id), so that a prompt that repeats (« Vous êtes
// toujours là ? ») does not sound like a recording, and a replay says the same words.
import type { Scenario } from './schema.js';

/** 32-bit FNV-1a of a string: a stable, dependency-free hash for seeding. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, enough to shuffle a handful of wordings. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order in which the `count` wordings of `line` are said in a session of `seed`. */
export function wordingOrder(seed: number, line: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = generator(hash(`${seed}:${line}`));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The text of the `occurrence`-th saying (0 for the first) of `line`: the line's text and its
 * variants, in the seed's order, round and round.
 */
export function lineWording(
  scenario: Pick<Scenario, 'lines'>,
  seed: number,
  line: string,
  occurrence: number,
): string | undefined {
  const config = scenario.lines[line];
  if (!config) return undefined;
  const wordings = [config.text, ...(config.variants ?? [])];
  if (wordings.length === 1) return config.text;
  const order = wordingOrder(seed, line, wordings.length);
  return wordings[order[occurrence % wordings.length]!];
}
