// Whether one call counts towards a badge: every criterion the badge lists was met in it, by
// the rubric's automatic result or by the trainer's judgment « atteint ». A criterion the call
// never reached (not assessed) or that its scenario does not have does not count.
import type { BadgeCriterion, CriterionJudgment, DebriefCriterion } from '@ecoute/protocol';

export function callMeets(
  criteria: readonly BadgeCriterion[],
  rubric: readonly DebriefCriterion[],
  judgments: readonly CriterionJudgment[],
): boolean {
  return criteria.every((wanted) => {
    const result = rubric.find((r) => r.competency === wanted.competency && r.criterion === wanted.criterion);
    if (!result) return false;
    if (result.met === true) return true;
    return judgments.some((j) => j.criterion === wanted.criterion && j.rating === 'met');
  });
}

/** Lower case without accents, trimmed: the pseudonym as the learner key of an organisation. */
export function learnerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLocaleLowerCase('fr');
}
