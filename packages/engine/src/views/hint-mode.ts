// What the listener's console may show of the offered moves, by the session's hint mode: the
// moves with their help (`guided`), their labels only (`no_hints`), none (`free_speech`: the
// listener answers in their own words and the server interprets them).
import type { HintMode, MoveOption } from './types.js';

export function movesForMode(moves: readonly MoveOption[], mode: HintMode): MoveOption[] {
  switch (mode) {
    case 'guided':
      return moves as MoveOption[];
    case 'no_hints':
      return moves.map((move) => ({ ...move, help: '' }));
    case 'free_speech':
      return [];
  }
}
