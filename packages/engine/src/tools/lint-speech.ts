// Lint of a call's readiness for free speech (« parole libre », a hint mode the trainer picks when
// she creates a session, for any call): the matcher reads a move from its label and its example
// phrases, so a move without any is understood only from a sentence that repeats its label.
// Most moves without examples: one warning for the call; a few: one warning per move.
import type { IssuePath } from '../scenario/issues.js';
import type { Scenario } from '../scenario/schema.js';
import { fewSpeechExamples, hasSpeechExamples, speechExampleCount } from '../speech/examples.js';

export const SpeechLintCode = {
  /** Moves without example phrases (`moves.<id>.examples`): free speech cannot read them. */
  MissingExamples: 'lint/missing_examples',
} as const;

type At = (severity: 'error' | 'warning', code: string, message: string, path: IssuePath) => void;

/** Where an author adds them, in the studio and in the text. */
const HOW = `Sous chaque action, ajoutez quelques phrases qu'un·e écoutant·e pourrait dire : formulaires, onglet « Actions de l'écoutant·e », « Phrases exemples (parole libre) », ou dans le texte une liste examples sous l'action.`;

export function checkSpeechExamples(scenario: Scenario, at: At): void {
  const count = speechExampleCount(scenario.moves);
  if (fewSpeechExamples(count)) {
    const missing = count.moves - count.withExamples;
    const what =
      count.withExamples === 0
        ? `aucune action n'a de phrases exemples`
        : `${missing} actions sur ${count.moves} n'ont pas de phrases exemples`;
    at(
      'warning',
      SpeechLintCode.MissingExamples,
      `${what} : en parole libre, seules les phrases qui reprennent le nom d'une action seront reconnues. ${HOW}`,
      ['moves'],
    );
    return;
  }
  for (const [id, move] of Object.entries(scenario.moves))
    if (!hasSpeechExamples(move))
      at(
        'warning',
        SpeechLintCode.MissingExamples,
        `action « ${move.label} » sans phrases exemples : en parole libre, elle ne sera reconnue que dans une phrase qui reprend son nom. Ajoutez-en quelques-unes : formulaires, onglet « Actions de l'écoutant·e », « Phrases exemples (parole libre) », ou dans le texte une liste examples sous l'action.`,
        ['moves', id],
      );
}
