// The rubric criteria a badge may ask for, as an author thinks of them: by call, then by the
// rubric's section (competency) within the call, in the catalogue's order.
import type { CriterionChoice } from './badgesApi.js';

export type CriterionRef = { scenario?: string; competency: string; criterion: string };

/** Call + competency + criterion: two calls' criteria with the same ids stay distinct. */
export const criterionKey = (c: CriterionRef): string =>
  `${c.scenario ?? '*'}/${c.competency}/${c.criterion}`;

export interface CriteriaSection {
  competency: string;
  label: string;
  criteria: CriterionChoice[];
}

export interface CallCriteria {
  scenario: string;
  title: string;
  sections: CriteriaSection[];
}

export function groupCriteria(choices: readonly CriterionChoice[]): CallCriteria[] {
  const calls = new Map<string, CallCriteria>();
  for (const choice of choices) {
    let call = calls.get(choice.scenario);
    if (!call) {
      call = { scenario: choice.scenario, title: choice.scenarioTitle, sections: [] };
      calls.set(choice.scenario, call);
    }
    let section = call.sections.find((s) => s.competency === choice.competency);
    if (!section) {
      section = { competency: choice.competency, label: choice.competencyLabel, criteria: [] };
      call.sections.push(section);
    }
    section.criteria.push(choice);
  }
  return [...calls.values()];
}
