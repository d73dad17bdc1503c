// The debrief's scores, in one place: the rubric's automatic results (the engine's
// `scoreRubric`, with the scenario's labels) and the measures (`measures.ts`). They are computed
// once, when the call ends or at the first debrief, and kept (`debrief_results`): a long call's
// rubric replays the whole call for its flags, which no debrief should wait for again. Kept
// results hold while the timeline has no entry past their last seq and the rubric key is the
// same: the scenario version, its rubric and these rules. A judgment is not part of them: the
// trainer's judgments are read with the debrief and added to the automatic results where a
// score is made of both (the export).
import { createHash } from 'node:crypto';
import { scoreRubric } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry } from '@ecoute/engine';
import type { DebriefCriterion } from '@ecoute/protocol';
import type { ResultsRecord } from './debrief-store.js';
import { ALERT_COLLEAGUE_MOVE, computeMeasures } from './measures.js';

/** Bumped when the rules of the results or the measures change: kept results are then recomputed. */
export const RESULTS_RULES_VERSION = 2;

const keys = new WeakMap<CompiledScenario, string>();

/** What kept results were computed with: the scenario version, its rubric and the rules. */
export function rubricKey(compiled: CompiledScenario): string {
  let key = keys.get(compiled);
  if (key === undefined) {
    const { scenario } = compiled;
    const digest = createHash('sha256')
      .update(JSON.stringify([RESULTS_RULES_VERSION, scenario.rubric ?? [], scenario.variables]))
      .digest('base64url')
      .slice(0, 22);
    key = `${scenario.id}@${scenario.version}:${digest}`;
    keys.set(compiled, key);
  }
  return key;
}

/** The results of a timeline (every entry, in seq order). */
export function computeResults(
  compiled: CompiledScenario,
  entries: readonly TimelineEntry[],
  seed: number,
): ResultsRecord {
  return {
    lastSeq: entries.at(-1)?.seq ?? 0,
    rubricKey: rubricKey(compiled),
    rubric: rubricOf(compiled, entries, seed),
    measures: computeMeasures(entries, {
      alertMove: Object.hasOwn(compiled.scenario.moves ?? {}, ALERT_COLLEAGUE_MOVE),
    }),
  };
}

function rubricOf(
  compiled: CompiledScenario,
  entries: readonly TimelineEntry[],
  seed: number,
): DebriefCriterion[] {
  const results = scoreRubric(compiled, entries, { seed });
  const competencies = new Map((compiled.scenario.rubric ?? []).map((c) => [c.id, c]));
  return results.map((result) => {
    const competency = competencies.get(result.competency);
    const criterion = competency?.criteria.find((c) => c.id === result.criterion);
    return {
      competency: result.competency,
      competencyLabel: competency?.label ?? result.competency,
      criterion: result.criterion,
      label: result.label,
      help: criterion?.help ?? null,
      kind: result.kind,
      ...(result.assessed !== undefined ? { assessed: result.assessed } : {}),
      ...(result.met !== undefined ? { met: result.met } : {}),
      ...(result.evidenceSeq !== undefined && result.evidenceT !== undefined
        ? { evidence: { seq: result.evidenceSeq, t: result.evidenceT } }
        : {}),
    };
  });
}
