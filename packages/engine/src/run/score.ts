// The rubric's automatic criteria, measured on a session's timeline. Judged criteria are listed
// without a result: the trainer gives it. Times are measured from the pickup input's `t`.
// A criterion whose window the call never reached is not assessed (« non évalué »), never met:
// every criterion of a call never picked up; a trap (`notMove`) the call never offered; a state
// to avoid (`notState`) whose parent the call never entered; an `ending` of a call not ended.
// A goal not reached (a move, a state, a flag, within its delay or not) is not met.
// Nothing earns points by doing nothing: a criterion that only says what did not happen
// (`notMove`, `notState`, `variable` within limits) is met only once the call reached its
// substance (an ending `good` or `best`, or a state the scenario's `substance.reached` names);
// before that it is not assessed. Broken, it is not met whatever the call reached.
// A `move` or `state` criterion with `since: { inject }` measures its window from the first time
// the trainer sent that inject, and counts only what came after it; a call where the inject was
// never sent does not assess it.
// Flags are not observations, so a `flag` criterion replays the timeline's inputs (the seed does
// not change which flags are set unless a scenario draws on it; pass the session's seed anyway).
import type { CompiledScenario } from '../scenario/compile.js';
import type { AutoCriterion } from '../scenario/schema.js';
import { moveMadeBy, type Observation, type TimelineEntry } from '../timeline.js';
import { replayWith, type TimedInput } from './replay.js';

export interface CriterionResult {
  competency: string;
  criterion: string;
  label: string;
  kind: 'auto' | 'judged';
  /** Automatic criteria only: false when the call never reached the criterion's window. */
  assessed?: boolean;
  /** Automatic criteria that were assessed only. */
  met?: boolean;
  /** The entry that proves the criterion, or the one that breaks it (when there is one). */
  evidenceSeq?: number;
  evidenceT?: number;
}

export interface ScoreOptions {
  /** The session's seed, for the replay a `flag` criterion needs (default 1). */
  seed?: number;
}

type Entry = TimelineEntry;
type ObservationEntry<K extends Observation['kind']> = Entry & {
  kind: 'observation';
  observation: Extract<Observation, { kind: K }>;
};

export function scoreRubric(
  compiled: CompiledScenario,
  entries: readonly TimelineEntry[],
  options: ScoreOptions = {},
): CriterionResult[] {
  const { scenario } = compiled;
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const pickup = sorted.find((e) => e.kind === 'input' && e.input.kind === 'pickup');
  const observations = <K extends Observation['kind']>(kind: K): ObservationEntry<K>[] =>
    sorted.filter((e): e is ObservationEntry<K> => e.kind === 'observation' && e.observation.kind === kind);
  const withinDelay = (entry: Entry, within: number | undefined, from: Entry | undefined = pickup): boolean =>
    within === undefined || (from !== undefined && entry.t - from.t <= within);
  /** Where a criterion's window starts: the pickup, or the first sending of its inject (if ever). */
  const windowStart = (since: { inject: string } | undefined): Entry | undefined =>
    since === undefined
      ? pickup
      : sorted.find(
          (e) => e.kind === 'input' && e.input.kind === 'inject' && e.input.inject === since.inject,
        );
  const ending = observations('ending')[0];
  let replayed: ReplayFacts | undefined;
  const facts = () => (replayed ??= replayFacts(compiled, sorted, options.seed ?? 1));

  const substanceReached = (): boolean => {
    const outcome = ending?.observation.outcome;
    if (outcome === 'best' || outcome === 'good') return true;
    const stages = scenario.substance?.reached ?? [];
    return observations('state').some((e) =>
      e.observation.states.some((s) => stages.some((p) => s === p || s.startsWith(`${p}.`))),
    );
  };
  let substance: boolean | undefined;
  const reachedSubstance = () => (substance ??= substanceReached());

  type Evaluation = { met: boolean | null; evidence?: Entry | undefined };
  /** A « did not » criterion met: only counted once the call reached its substance. */
  const avoided = (evaluation: Evaluation): Evaluation =>
    evaluation.met === true && !reachedSubstance() ? { met: null } : evaluation;
  const evaluate = (auto: AutoCriterion): Evaluation => {
    if ('move' in auto) {
      const start = windowStart(auto.since);
      if (!start) return { met: null };
      const made = sorted.filter(
        (e) => e.seq > start.seq && e.kind === 'input' && moveMadeBy(e.input) === auto.move,
      );
      const atLeast = auto.atLeast ?? 1;
      const first = made[0];
      if (first && !withinDelay(first, auto.within, start)) return { met: false, evidence: first };
      if (made.length >= atLeast) return { met: true, evidence: made[atLeast - 1] };
      return { met: false, evidence: made.at(-1) };
    }
    if ('notMove' in auto) {
      const made = sorted.find((e) => e.kind === 'input' && moveMadeBy(e.input) === auto.notMove);
      if (made) return { met: false, evidence: made };
      // A trap never set is not avoided: the move was never on offer.
      return { met: facts().offered.has(auto.notMove) ? true : null };
    }
    if ('state' in auto || 'notState' in auto) {
      const path = 'state' in auto ? auto.state : auto.notState;
      const enteredPath = (p: string) =>
        observations('state').find((e) => e.observation.states.some((s) => s === p || s.startsWith(`${p}.`)));
      const entered = enteredPath(path);
      if ('notState' in auto) {
        if (entered) return { met: false, evidence: entered };
        const parent = path.split('.').slice(0, -1).join('.');
        return { met: parent === '' || enteredPath(parent) ? true : null };
      }
      if (auto.since === undefined) {
        if (!entered) return { met: false };
        return { met: withinDelay(entered, auto.within), evidence: entered };
      }
      const start = windowStart(auto.since);
      if (!start) return { met: null };
      const inPath = (e: ObservationEntry<'state'>) =>
        e.observation.states.some((s) => s === path || s.startsWith(`${path}.`));
      // Already there when the inject came: met at once; else the first entry after it.
      const before = observations('state')
        .filter((e) => e.seq < start.seq)
        .at(-1);
      if (before && inPath(before)) return { met: true, evidence: start };
      const after = observations('state').find((e) => e.seq > start.seq && inPath(e));
      if (!after) return { met: false };
      return { met: withinDelay(after, auto.within, start), evidence: after };
    }
    if ('variable' in auto) {
      const inBounds = (v: number) =>
        (auto.min === undefined || v >= auto.min) && (auto.max === undefined || v <= auto.max);
      const initial = scenario.variables[auto.variable]?.initial ?? 0;
      if (!inBounds(initial)) return { met: false, evidence: pickup };
      const broken = observations('variable').find(
        (e) => e.observation.variable === auto.variable && !inBounds(e.observation.value),
      );
      return { met: broken === undefined, evidence: broken };
    }
    if ('flag' in auto) {
      const evidence = facts().flags.get(auto.flag);
      return { met: evidence !== undefined, evidence };
    }
    if (!ending) return { met: null };
    return {
      met: ending.observation.outcome !== null && auto.ending.includes(ending.observation.outcome),
      evidence: ending,
    };
  };

  const results: CriterionResult[] = [];
  for (const competency of scenario.rubric ?? []) {
    for (const criterion of competency.criteria) {
      const base = { competency: competency.id, criterion: criterion.id, label: criterion.label };
      if (!('auto' in criterion)) {
        results.push({ ...base, kind: 'judged' });
        continue;
      }
      const auto = criterion.auto;
      const negative = 'notMove' in auto || 'notState' in auto || 'variable' in auto;
      const { met, evidence } = !pickup
        ? { met: null, evidence: undefined }
        : negative
          ? avoided(evaluate(auto))
          : evaluate(auto);
      results.push({
        ...base,
        kind: 'auto',
        assessed: met !== null,
        ...(met !== null ? { met } : {}),
        ...(evidence ? { evidenceSeq: evidence.seq, evidenceT: evidence.t } : {}),
      });
    }
  }
  return results;
}

/** What scoring learns by replaying the inputs (flags and offers are not observations). */
interface ReplayFacts {
  /** For each flag, the entry of the step that first set it. */
  flags: Map<string, Entry>;
  /** The moves offered to the listener at some moment of the call. */
  offered: Set<string>;
}

/** Replays the inputs; notes the step that first set each flag and every move ever offered. */
function replayFacts(compiled: CompiledScenario, sorted: readonly Entry[], seed: number): ReplayFacts {
  const inputEntries = sorted.filter((e): e is Entry & { kind: 'input' } => e.kind === 'input');
  const inputs: TimedInput[] = inputEntries.map((e) => ({ t: e.t, input: e.input }));
  const found = new Map<string, Entry>();
  const offered = new Set<string>();
  const last = sorted.at(-1);
  let lastInputSeq = -Infinity;
  const { run } = replayWith(compiled, seed, inputs, {
    ...(last ? { until: last.t } : {}),
    // Scoring's replay does not build ending messages (that would score again).
    endingFeedback: false,
    onStep: (step, run) => {
      if (step.kind === 'input') lastInputSeq = inputEntries[step.index]?.seq ?? lastInputSeq;
      for (const move of run.availableMoves()) offered.add(move.id);
      const flags = Object.entries(run.flags).filter(([name, on]) => on && !found.has(name));
      if (flags.length === 0) return;
      // An input step is proven by the input; a timer step by the first entry it recorded.
      const evidence =
        step.kind === 'input'
          ? inputEntries[step.index]
          : (sorted.find((e) => e.kind === 'observation' && e.seq > lastInputSeq && e.t === step.t) ??
            sorted.find((e) => e.seq > lastInputSeq && e.t >= step.t));
      if (evidence) for (const [name] of flags) found.set(name, evidence);
    },
  });
  // A timer that set a flag and said nothing left no entry of its own: the last one stands in.
  for (const [name, on] of Object.entries(run.flags))
    if (on && !found.has(name) && last) found.set(name, last);
  return { flags: found, offered };
}
