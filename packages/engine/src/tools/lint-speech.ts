// Lint of a call's readiness for free speech (« parole libre », a hint mode the trainer picks when
// she creates a session, for any call): the matcher reads a move from its label and its example
// phrases, so a move without any is understood only from a sentence that repeats its label.
// Most moves without examples: one warning for the call; a few: one warning per move.
import { msg } from '../messages.js';
import type { At } from './lint.js';
import type { Scenario } from '../scenario/schema.js';
import { fewSpeechExamples, hasSpeechExamples, speechExampleCount } from '../speech/examples.js';

export const SpeechLintCode = {
  /** Moves without example phrases (`moves.<id>.examples`): free speech cannot read them. */
  MissingExamples: 'lint/missing_examples',
} as const;

export function checkSpeechExamples(scenario: Scenario, at: At): void {
  const count = speechExampleCount(scenario.moves);
  if (fewSpeechExamples(count)) {
    const missing = count.moves - count.withExamples;
    at(
      'warning',
      SpeechLintCode.MissingExamples,
      count.withExamples === 0
        ? msg('lint.missing_examples.none')
        : msg('lint.missing_examples.some', { missing, total: count.moves }),
      ['moves'],
    );
    return;
  }
  for (const [id, move] of Object.entries(scenario.moves))
    if (!hasSpeechExamples(move))
      at('warning', SpeechLintCode.MissingExamples, msg('lint.missing_examples.move', { move: move.label }), [
        'moves',
        id,
      ]);
}
