// An ending's message built from the rubric's results: what the listener did (the automatic
// criteria met) and what to work on (those missed), after the ending's own message. Criteria not
// assessed and judged criteria are left out: the message praises only what the timeline proves.
import type { Scenario } from '../scenario/schema.js';
import type { CriterionResult } from './score.js';

/** A label as the continuation of a sentence: « Se présente » → « se présente » (not « SMS »). */
function inSentence(label: string): string {
  const [first, second] = [...label];
  if (first === undefined || second === undefined || second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(first.length);
}

function part(heading: string, labels: readonly string[]): string {
  // French spacing: a no-break space before « ; » (a session recorded with a plain one still
  // rebuilds: `sameObservation` reads the two spaces alike).
  const body = labels.map((l) => inSentence(l.trim().replace(/[.;:]+$/u, ''))).join('\u00a0; ');
  return `${heading.trim()} ${body}.`;
}

/**
 * The message of `endingId`: its `message`, then, when the ending has `feedback`, the criteria met
 * and those missed in the rubric's order (a part with no criterion is left out). Only the endings
 * are read: the studio words an example of it from a draft's ending.
 */
export function endingMessage(
  scenario: Pick<Scenario, 'endings'>,
  endingId: string,
  results: readonly CriterionResult[],
): string {
  const ending = scenario.endings[endingId];
  if (!ending) return '';
  const { feedback } = ending;
  if (!feedback) return ending.message;
  const assessed = results.filter((r) => r.kind === 'auto' && r.assessed === true);
  const met = assessed.filter((r) => r.met === true).map((r) => r.label);
  const missed = assessed.filter((r) => r.met === false).map((r) => r.label);
  return [
    ending.message.trim(),
    ...(met.length > 0 ? [part(feedback.met, met)] : []),
    ...(missed.length > 0 ? [part(feedback.missed, missed)] : []),
  ].join(' ');
}
