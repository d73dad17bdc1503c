// Whether one call counts towards a badge. A badge's criteria each name their call (scenario):
// a call counts when the badge lists criteria of its scenario and every one of them was met in
// it, by the rubric's automatic result or by the trainer's judgment « atteint ». So a badge on
// the risk-protocol criteria of two calls counts either call, each on its own criteria. Criteria
// of badges defined before criteria named their call (no `scenario`) apply to every call, as
// they did then. A criterion the call never reached (not assessed) or that its rubric does not
// have does not count.
import type { BadgeCriterion, CriterionJudgment, DebriefCriterion } from '@ecoute/protocol';

export function callMeets(
  criteria: readonly BadgeCriterion[],
  scenarioId: string,
  rubric: readonly DebriefCriterion[],
  judgments: readonly CriterionJudgment[],
): boolean {
  const scoped = criteria.some((c) => c.scenario !== undefined);
  const applicable = criteria.filter((c) => c.scenario === undefined || c.scenario === scenarioId);
  if (scoped && !applicable.some((c) => c.scenario === scenarioId)) return false;
  if (applicable.length === 0) return false;
  return applicable.every((wanted) => {
    const result = rubric.find((r) => r.competency === wanted.competency && r.criterion === wanted.criterion);
    if (!result) return false;
    if (result.met === true) return true;
    return judgments.some((j) => j.criterion === wanted.criterion && j.rating === 'met');
  });
}

/** The key of a criterion of one call (`scenario/competency/criterion`), or of a legacy one. */
export function criterionKey(c: BadgeCriterion): string {
  return `${c.scenario ?? '*'}/${c.competency}/${c.criterion}`;
}

/** Lower case without accents, trimmed: the pseudonym as the learner key of an organisation. */
export function learnerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLocaleLowerCase('fr');
}
