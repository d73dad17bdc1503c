// Lint rules for what a call says and how it is scored, kept apart from the structural rules of
// lint.ts: stage directions out of spoken text, and the rubric's substance (see run/score.ts).
import { msg } from '../messages.js';
import type { IssuePath } from '../scenario/issues.js';
import type { At } from './lint.js';
import { collectStates } from '../scenario/references.js';
import type { Scenario } from '../scenario/schema.js';

export const FidelityLintCode = {
  /** Brackets in a line's spoken text: a stage direction the speech synthesis would read out. */
  SpokenDirection: 'lint/spoken_direction',
  /** `substance.reached` names a state the machine does not have. */
  SubstanceState: 'lint/substance_state',
  /** « Did not » criteria, and no stage named where the call reaches its substance. */
  MissingSubstance: 'lint/missing_substance',
} as const;

/** `( … )` or `[ … ]` in spoken text. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/;

export function checkFidelity(scenario: Scenario, at: At): void {
  for (const [id, line] of Object.entries(scenario.lines)) {
    const wordings: [IssuePath, string][] = [
      [['lines', id, 'text'], line.text],
      ...(line.variants ?? []).map((v, i): [IssuePath, string] => [['lines', id, 'variants', i], v]),
    ];
    for (const [path, text] of wordings) {
      const found = BRACKETED.exec(text)?.[0];
      if (found)
        at(
          'error',
          FidelityLintCode.SpokenDirection,
          msg('lint.spoken_direction', { line: id, found }),
          path,
        );
    }
  }

  const states = collectStates(scenario.machine);
  (scenario.substance?.reached ?? []).forEach((path, i) => {
    if (path === '' || !states.has(path))
      at('error', FidelityLintCode.SubstanceState, msg('lint.substance_state', { path }), [
        'substance',
        'reached',
        i,
      ]);
  });

  const negative = (scenario.rubric ?? []).some((c) =>
    c.criteria.some(
      (cr) => 'auto' in cr && ('notMove' in cr.auto || 'notState' in cr.auto || 'variable' in cr.auto),
    ),
  );
  if (negative && !scenario.substance)
    at('warning', FidelityLintCode.MissingSubstance, msg('lint.missing_substance'), ['rubric']);
}
