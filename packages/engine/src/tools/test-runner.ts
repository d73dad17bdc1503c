// Runs a scenario's play-through tests (`<id>.tests.yaml`) on a manual clock, plays the generated
// shortest path to each ending, and measures coverage: the states the tests entered and the
// transitions they took, out of all those the scenario declares.
//
// Time: a step's `at` is session time. Before a step the clock moves to `at`, each timer firing at
// its own due time; while the session is paused, session time stands still (as in a replay), so
// steps during a pause happen at the pause's time whatever their `at`.
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { CallRun } from '../run/call-run.js';
import { scoreRubric } from '../run/score.js';
import { endingMessage } from '../run/ending-feedback.js';
import type { CompiledScenario } from '../scenario/compile.js';
import { collectStates } from '../scenario/references.js';
import { listTransitions } from '../scenario/transitions.js';
import type { Input, Observation, TimelineEntry } from '../timeline.js';
import { frenchText, msg, type EngineMessage } from '../messages.js';
import { pathsToEndings, type ExploreOptions, type ExploreResult, type GeneratedPath } from './explore.js';
import type { PlayThrough, PlayThroughFile, PlayThroughStep } from './play-throughs.js';

export interface PlayThroughResult {
  /** The test's name as written; a generated path's in French (`nameText` its message). */
  name: string;
  /** A generated path's name as a code and its parameters (`test.generated.*`). */
  nameText?: EngineMessage;
  passed: boolean;
  /** What went wrong, in French, one line each (empty when passed): `failureTexts` worded. */
  failures: string[];
  /** What went wrong as codes and parameters (`test.*`), worded by a page in its language. */
  failureTexts: EngineMessage[];
  /** State paths entered (first-entry order). */
  states: string[];
  /** Transition ids taken. */
  transitions: string[];
  generated: boolean;
  /** The ending's message, as the run recorded it (built from the rubric for an ending with `feedback`). */
  endingMessage?: string;
}

export interface Coverage {
  covered: number;
  total: number;
  /** Ids not covered, in document order. */
  missing: string[];
}

export interface ScenarioTestReport {
  scenario: string;
  tests: PlayThroughResult[];
  generated: PlayThroughResult[];
  /** Endings no generated path reached (within the search bounds). */
  unreached: string[];
  search: Pick<ExploreResult, 'method' | 'explored' | 'complete'>;
  /** Coverage by the written tests alone. */
  coverage: { states: Coverage; transitions: Coverage };
  /** Coverage by the written tests and the generated paths together. */
  coverageWithGenerated: { states: Coverage; transitions: Coverage };
  passed: boolean;
}

/** The step's input, or undefined for `wait`. */
export function stepInput(step: PlayThroughStep): Input | undefined {
  if ('pickup' in step) return { kind: 'pickup' };
  if ('move' in step) return { kind: 'move', move: step.move };
  if ('inject' in step) return { kind: 'inject', inject: step.inject };
  if ('say' in step) return { kind: 'say', text: step.say };
  if ('hangup' in step) return { kind: 'hangup' };
  if ('pause' in step) return { kind: 'pause' };
  if ('resume' in step) return { kind: 'resume' };
  if ('end' in step) return { kind: 'end' };
  return undefined;
}

/** The step that sends `input` at `at`. */
export function inputStep(at: number, input: Input): PlayThroughStep {
  switch (input.kind) {
    case 'pickup':
      return { at, pickup: true };
    case 'move':
      return { at, move: input.move };
    case 'inject':
      return { at, inject: input.inject };
    case 'say':
      return { at, say: input.text };
    case 'hangup':
      return { at, hangup: true };
    case 'pause':
      return { at, pause: true };
    case 'resume':
      return { at, resume: true };
    case 'end':
      return { at, end: true };
    // Live role-play inputs have no play-through step; generated paths never contain them.
    // A wait keeps the step's time.
    case 'join':
    case 'hold':
    case 'unhold':
    case 'note':
    case 'whisper':
    case 'adlib':
    case 'effect':
    case 'bookmark':
    case 'projector':
    case 'speak':
    case 'interpret':
    case 'correct':
      return { at, wait: true };
  }
}

const describeStep = (step: PlayThroughStep): EngineMessage => {
  const input = stepInput(step);
  const what = !input
    ? msg('test.step.wait')
    : input.kind === 'move'
      ? msg('test.step.move', { move: input.move })
      : input.kind === 'inject'
        ? msg('test.step.inject', { inject: input.inject })
        : msg('test.step.input', { kind: input.kind });
  return msg('test.step', { at: step.at, what });
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Plays one test through a CallRun on a manual clock and checks every expectation. */
export function runPlayThrough(
  compiled: CompiledScenario,
  test: PlayThrough,
  generated = false,
  /** A generated path's name as a message (`generatedName`). */
  nameText?: EngineMessage,
): PlayThroughResult {
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const failures: EngineMessage[] = [];
  const transitions = new Set<string>();
  const entries: TimelineEntry[] = [];
  let seq = 0;
  const record = (
    t: number,
    entry: { kind: 'input'; input: Input } | { kind: 'observation'; observation: Observation },
  ) =>
    entries.push({
      seq: ++seq,
      t,
      at: new Date(0).toISOString(),
      source: 'system',
      ...entry,
    } as TimelineEntry);
  let pendingLines: string[] = [];
  const observe = (t: number, observations: Observation[]) => {
    for (const observation of observations) {
      record(t, { kind: 'observation', observation });
      if (observation.kind === 'line') pendingLines.push(observation.line);
    }
  };
  const run = new CallRun(compiled, {
    clock,
    seed: test.seed,
    onTimer: (timed) => {
      for (const { t, observation } of timed) observe(t, [observation]);
    },
    onTransitions: (ids) => ids.forEach((id) => transitions.add(id)),
  });

  test.steps.forEach((step) => {
    if (!clock.paused && step.at > clock.now()) scheduler.advanceBy(step.at - clock.now());
    const input = stepInput(step);
    const label = describeStep(step);
    if (input) {
      const result = run.apply(input);
      const t = clock.now();
      if (result.ok) {
        record(t, { kind: 'input', input });
        observe(t, result.observations);
        if (step.expect?.error)
          failures.push(msg('test.accepted', { step: label, expected: step.expect.error }));
      } else if (step.expect?.error !== result.code) {
        failures.push(
          step.expect?.error
            ? msg('test.refused_otherwise', { step: label, expected: step.expect.error, code: result.code })
            : msg('test.refused', { step: label, code: result.code, message: result.text }),
        );
      }
    } else {
      clock.runDue();
    }
    const expect = step.expect;
    if (
      expect?.lines &&
      !(expect.lines.length === pendingLines.length && expect.lines.every((l, i) => l === pendingLines[i]))
    ) {
      failures.push(
        msg('test.lines', { step: label, expected: expect.lines.join(', '), said: pendingLines.join(', ') }),
      );
    }
    if (expect?.states && !sameSet(expect.states, run.states)) {
      failures.push(
        msg('test.states', {
          step: label,
          expected: expect.states.join(', '),
          active: run.states.join(', '),
        }),
      );
    }
    if (expect?.variables) {
      const vars = run.variables;
      for (const [id, value] of Object.entries(expect.variables)) {
        if (!(id in vars)) failures.push(msg('test.variable_unknown', { step: label, variable: id }));
        else if (vars[id] !== value)
          failures.push(
            msg('test.variable', { step: label, variable: id, expected: value, value: vars[id]! }),
          );
      }
    }
    pendingLines = [];
  });

  const ending = run.ending;
  const none = msg('test.ending.none');
  const stopped = msg('test.ending.stopped');
  if (!ending) {
    failures.push(msg('test.not_ended', { states: run.states.join(', ') || msg('test.not_ended.none') }));
  } else {
    if (ending.ending !== test.end.ending || ending.outcome !== test.end.outcome) {
      failures.push(
        msg('test.ending', {
          expected: test.end.ending ?? none,
          expectedOutcome: test.end.outcome ?? stopped,
          ending: ending.ending ?? none,
          outcome: ending.outcome ?? stopped,
        }),
      );
    }
    if (test.end.reason && ending.reason !== test.end.reason)
      failures.push(msg('test.reason', { expected: test.end.reason, reason: ending.reason }));
    // An ending built from the rubric says what the timeline's scoring says, nothing else.
    if (ending.ending !== null && compiled.scenario.endings[ending.ending]?.feedback) {
      const expected = endingMessage(
        compiled.scenario,
        ending.ending,
        scoreRubric(compiled, entries, { seed: test.seed }),
      );
      if (ending.message !== expected)
        failures.push(msg('test.ending_message', { message: ending.message, expected }));
    }
  }
  if (test.rubric) {
    const word = (met: boolean | null) =>
      msg(met === null ? 'test.criterion.unassessed' : met ? 'test.criterion.met' : 'test.criterion.unmet');
    const scored = new Map(scoreRubric(compiled, entries, { seed: test.seed }).map((r) => [r.criterion, r]));
    for (const [criterion, expected] of Object.entries(test.rubric)) {
      const result = scored.get(criterion);
      if (!result) failures.push(msg('test.criterion_missing', { criterion }));
      else if (result.kind !== 'auto') failures.push(msg('test.criterion_judged', { criterion }));
      else if ((result.met ?? null) !== expected)
        failures.push(
          msg('test.criterion', { criterion, expected: word(expected), result: word(result.met ?? null) }),
        );
    }
  }
  const states = run.machineContext?.visited ?? [];
  run.dispose();
  return {
    name: test.name,
    ...(nameText ? { nameText } : {}),
    passed: failures.length === 0,
    failures: failures.map(frenchText),
    failureTexts: failures,
    states,
    transitions: [...transitions],
    generated,
    ...(ending ? { endingMessage: ending.message } : {}),
  };
}

/** A generated path's name (`test.generated.*`). */
export const generatedName = (path: GeneratedPath): EngineMessage =>
  msg(path.shortest ? 'test.generated.shortest' : 'test.generated.short', {
    ending: String(path.ending),
    steps: path.length,
  });

/** A generated path as a play-through test. */
export function generatedPlayThrough(path: GeneratedPath, seed = 1): PlayThrough {
  const steps = path.inputs.map(({ t, input }) => inputStep(t, input));
  if (path.t > (path.inputs.at(-1)?.t ?? 0)) steps.push({ at: path.t, wait: true });
  return {
    name: frenchText(generatedName(path)),
    seed,
    steps,
    end: { ending: path.ending, outcome: path.outcome },
  };
}

function coverageOf(all: string[], covered: Set<string>): Coverage {
  const missing = all.filter((id) => !covered.has(id));
  return { covered: all.length - missing.length, total: all.length, missing };
}

export interface RunScenarioTestsOptions extends ExploreOptions {
  /** Skip the generated paths (and their search). */
  skipGenerated?: boolean;
}

/** Runs a scenario's tests (if any), then its generated paths, and measures coverage. */
export function runScenarioTests(
  compiled: CompiledScenario,
  file: PlayThroughFile | undefined,
  options: RunScenarioTestsOptions = {},
): ScenarioTestReport {
  const tests = (file?.tests ?? []).map((test) => runPlayThrough(compiled, test));
  const explored = options.skipGenerated
    ? { paths: [], unreached: [], method: 'bfs' as const, explored: 0, complete: false }
    : pathsToEndings(compiled, options);
  const generated = explored.paths.map((path) =>
    runPlayThrough(compiled, generatedPlayThrough(path, options.seed), true, generatedName(path)),
  );

  // A history state is never active: nothing could cover it.
  const allStates = [...collectStates(compiled.scenario.machine)]
    .filter(([k, info]) => k !== '' && info.node.type !== 'history')
    .map(([k]) => k);
  const allTransitions = listTransitions(compiled.scenario).map((t) => t.id);
  const measure = (results: PlayThroughResult[]) => ({
    states: coverageOf(allStates, new Set(results.flatMap((r) => r.states))),
    transitions: coverageOf(allTransitions, new Set(results.flatMap((r) => r.transitions))),
  });
  return {
    scenario: compiled.scenario.id,
    tests,
    generated,
    unreached: explored.unreached,
    search: { method: explored.method, explored: explored.explored, complete: explored.complete },
    coverage: measure(tests),
    coverageWithGenerated: measure([...tests, ...generated]),
    passed: [...tests, ...generated].every((r) => r.passed),
  };
}

const percent = (c: Coverage) => (c.total === 0 ? 100 : Math.floor((1000 * c.covered) / c.total) / 10);

/** The report, in French, for the terminal. */
export function formatTestReport(report: ScenarioTestReport): string {
  const lines: string[] = [];
  const passed = report.tests.filter((t) => t.passed).length;
  lines.push(`${report.scenario} : ${passed}/${report.tests.length} tests réussis`);
  for (const result of [...report.tests, ...report.generated]) {
    lines.push(`  ${result.passed ? '✓' : '✗'} ${result.generated ? '[généré] ' : ''}${result.name}`);
    for (const failure of result.failures) lines.push(`      ${failure}`);
  }
  if (report.unreached.length > 0)
    lines.push(
      `  ! chemin généré introuvable dans les limites de la recherche vers : ${report.unreached.join(', ')} (${report.search.explored} nœuds explorés ; les tests écrits restent la preuve)`,
    );
  const { states, transitions } = report.coverage;
  lines.push(
    `  couverture des états : ${states.covered}/${states.total} (${percent(states)} %)` +
      (states.missing.length ? ` — non atteints : ${states.missing.join(', ')}` : ''),
  );
  lines.push(
    `  couverture des transitions : ${transitions.covered}/${transitions.total} (${percent(transitions)} %)` +
      (transitions.missing.length ? ` — non prises : ${transitions.missing.join(', ')}` : ''),
  );
  const withGenerated = report.coverageWithGenerated;
  lines.push(
    `  avec les chemins générés : états ${percent(withGenerated.states)} %, transitions ${percent(withGenerated.transitions)} %`,
  );
  return lines.join('\n');
}
