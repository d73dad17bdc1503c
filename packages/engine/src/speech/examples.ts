// Whether a call is ready for free speech: the matcher reads a move from its label and its
// example phrases (`moves.<id>.examples`), so a move without any is read only from a sentence
// that repeats its label's words (« je vais reformuler »), never from what a listener says on
// the phone (« si je comprends bien… »). The session form, the studio and the lint say it from
// these counts; the server puts them in each scenario's summary.
import type { SpeechMove } from './matcher.js';

/** How many of a call's moves have example phrases. */
export interface SpeechExampleCount {
  moves: number;
  withExamples: number;
}

/** A move with at least one example phrase that is not blank. */
export function hasSpeechExamples(move: Pick<SpeechMove, 'examples'>): boolean {
  return (move.examples ?? []).some((example) => example.trim() !== '');
}

export function speechExampleCount(
  moves: Readonly<Record<string, Pick<SpeechMove, 'examples'>>>,
): SpeechExampleCount {
  const all = Object.values(moves);
  return { moves: all.length, withExamples: all.filter(hasSpeechExamples).length };
}

/**
 * The rule the session form and the lint share: a call is short of example phrases for free
 * speech when most of its moves (more than half) have none. Then free speech understands almost
 * nothing; with half or more covered, the few moves without examples are named one by one.
 */
export function fewSpeechExamples(count: SpeechExampleCount): boolean {
  return count.moves > 0 && count.withExamples * 2 < count.moves;
}
