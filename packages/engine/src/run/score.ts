// The rubric's automatic criteria, measured on a session's timeline. Judged criteria are listed
// without a result: the trainer gives it. Times are measured from the pickup input's `t`.
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
  /** Automatic criteria only. */
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
  const withinDelay = (entry: Entry, within: number | undefined): boolean =>
    within === undefined || (pickup !== undefined && entry.t - pickup.t <= within);
  let flagEvidence: Map<string, Entry> | undefined;

  const evaluate = (auto: AutoCriterion): { met: boolean; evidence?: Entry | undefined } => {
    if ('move' in auto) {
      const made = sorted.filter(
        (e) => e.kind === 'input' && moveMadeBy(e.input) === auto.move,
      );
      const atLeast = auto.atLeast ?? 1;
      const first = made[0];
      if (first && !withinDelay(first, auto.within)) return { met: false, evidence: first };
      if (made.length < atLeast) return { met: false, evidence: made.at(-1) };
      return { met: true, evidence: made[atLeast - 1] };
    }
    if ('notMove' in auto) {
      const made = sorted.find(
        (e) => e.kind === 'input' && moveMadeBy(e.input) === auto.notMove,
      );
      return { met: made === undefined, evidence: made };
    }
    if ('state' in auto || 'notState' in auto) {
      const path = 'state' in auto ? auto.state : auto.notState;
      const entered = observations('state').find((e) =>
        e.observation.states.some((s) => s === path || s.startsWith(`${path}.`)),
      );
      if ('notState' in auto) return { met: entered === undefined, evidence: entered };
      if (!entered) return { met: false };
      return { met: withinDelay(entered, auto.within), evidence: entered };
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
      flagEvidence ??= flagsSet(compiled, sorted, options.seed ?? 1);
      const evidence = flagEvidence.get(auto.flag);
      return { met: evidence !== undefined, evidence };
    }
    const ending = observations('ending')[0];
    if (!ending) return { met: false };
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
      const { met, evidence } = evaluate(criterion.auto);
      results.push({
        ...base,
        kind: 'auto',
        met,
        ...(evidence ? { evidenceSeq: evidence.seq, evidenceT: evidence.t } : {}),
      });
    }
  }
  return results;
}

/** Replays the inputs and notes, for each flag, the entry of the step that first set it. */
function flagsSet(compiled: CompiledScenario, sorted: readonly Entry[], seed: number): Map<string, Entry> {
  const inputEntries = sorted.filter((e): e is Entry & { kind: 'input' } => e.kind === 'input');
  const inputs: TimedInput[] = inputEntries.map((e) => ({ t: e.t, input: e.input }));
  const found = new Map<string, Entry>();
  const last = sorted.at(-1);
  let lastInputSeq = -Infinity;
  const { run } = replayWith(compiled, seed, inputs, {
    ...(last ? { until: last.t } : {}),
    onStep: (step, run) => {
      if (step.kind === 'input') lastInputSeq = inputEntries[step.index]?.seq ?? lastInputSeq;
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
  return found;
}
