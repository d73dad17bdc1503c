import { UNDERSTOOD_THRESHOLD } from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';

/**
 * How close a free-speech sentence came to a move, in words rather than the matcher's cosine: a
 * trainer reads whether the reading was sure, borderline or far off. Below the understood
 * threshold « loin » (not understood); from it « assez proche » (understood, borderline), then
 * « proche » and « très proche ».
 */
export function closenessKey(score: number): MessageKey {
  if (score < UNDERSTOOD_THRESHOLD) return 'speech.closeness.far';
  if (score < 0.35) return 'speech.closeness.fair';
  if (score < 0.6) return 'speech.closeness.close';
  return 'speech.closeness.veryClose';
}

/**
 * A reading's words: `understood` (« Lue comme : Se présenter (assez proche) »), not understood
 * with the closest move (« la plus proche : …, loin »), or with none that came near (no move, or
 * a score of 0: « aucune action proche »).
 */
export function readingKeys(
  reading: { move: string | null; score: number; understood: boolean },
  keys: { readAs: MessageKey; notUnderstood: MessageKey; notUnderstoodNone: MessageKey },
): MessageKey {
  if (reading.understood) return keys.readAs;
  return reading.move === null || reading.score <= 0 ? keys.notUnderstoodNone : keys.notUnderstood;
}
