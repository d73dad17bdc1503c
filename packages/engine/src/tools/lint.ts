// `scenario lint`: everything that can be said about a scenario file (or a play-through file)
// without playing it. Errors make the command fail; warnings are what an author should look at.
// Pure: the caller reads the files and prints the issues.
import { frenchText, msg, type EngineMessage } from '../messages.js';
import { availableByState } from '../scenario/availability.js';
import type { IssuePath, ScenarioIssue } from '../scenario/issues.js';
import {
  loadYaml,
  locatePath,
  parseScenario,
  parseScenarioWithSource,
  type LoadedYaml,
  type YamlLoader,
} from '../scenario/parse.js';
import { collectStates, toArray } from '../scenario/references.js';
import type { ActionConfig, GuardConfig, Scenario } from '../scenario/schema.js';
import {
  isWithin,
  listTransitions,
  reachableStates,
  transitionsBySource,
  parentKey,
  ancestorKeys,
  commonAncestor,
  type TransitionInfo,
} from '../scenario/transitions.js';
import { stateLabel } from '../views/graph-model.js';
import { checkFidelity } from './lint-fidelity.js';
import { checkSpeechExamples } from './lint-speech.js';
import { checkTemplateTexts } from './lint-template.js';
import { checkRepeatedLines } from './lint-variants.js';
import { parsePlayThroughs, type ParsePlayThroughsResult } from './play-throughs.js';

export type LintSeverity = 'error' | 'warning';

export const LintCode = {
  UnreachableState: 'lint/unreachable_state',
  DeadEnd: 'lint/dead_end',
  UnreachableEnding: 'lint/unreachable_ending',
  UnusedVariable: 'lint/unused_variable',
  MoveNeverOffered: 'lint/move_never_offered',
  InjectNeverOffered: 'lint/inject_never_offered',
  LineNeverSaid: 'lint/line_never_said',
  MissingText: 'lint/missing_text',
  PlaceholderText: 'lint/placeholder_text',
  MissingRubric: 'lint/missing_rubric',
  CriterionNeverMet: 'lint/criterion_never_met',
  TestReference: 'lint/test_reference',
  FileName: 'lint/file_name',
  UnreachableTransition: 'lint/unreachable_transition',
} as const;

export interface LintIssue {
  file: string;
  line?: number;
  column?: number;
  severity: LintSeverity;
  /** A parse code (`scenario/schema`, `scenario/reference`…) or a lint code (`lint/…`). */
  code: string;
  /** In French (the command line; the studio when its catalogue lacks `text`'s code). */
  message: string;
  /** The message as a code and its parameters, which the studio words in its page's language. */
  text?: EngineMessage;
}

/** Reports an issue at a path of the document: its message as a code and its parameters. */
export type At = (severity: LintSeverity, code: string, text: EngineMessage, path: IssuePath) => void;

export interface LintFile {
  path: string;
  text: string;
}

/** `file:line:col  error|warning  code  message`. */
export function formatLintIssue(issue: LintIssue): string {
  return `${issue.file}:${issue.line ?? 1}:${issue.column ?? 1}  ${issue.severity}  ${issue.code}  ${issue.message}`;
}

export const isPlayThroughFile = (path: string): boolean => /\.tests\.ya?ml$/.test(path);

const fromParse = (file: string, issues: ScenarioIssue[]): LintIssue[] =>
  issues.map((i) => ({
    file,
    ...(i.line !== undefined ? { line: i.line } : {}),
    ...(i.column !== undefined ? { column: i.column } : {}),
    severity: 'error',
    code: i.code,
    message: i.message,
    ...(i.text ? { text: i.text } : {}),
  }));

/**
 * Lints scenario text. Returns the issues and, when it parsed, the scenario. `load` reads the
 * YAML (the studio's worker passes an `IncrementalYaml`'s, which reuses unchanged blocks).
 */
export function lintScenario(
  file: string,
  text: string,
  options: { load?: YamlLoader } = {},
): { issues: LintIssue[]; scenario?: Scenario; loaded?: LoadedYaml } {
  const parsed = parseScenarioWithSource(text, undefined, options.load);
  if (!parsed.ok) return { issues: fromParse(file, parsed.errors) };
  const { scenario, loaded } = parsed;
  const issues: LintIssue[] = [];
  const at: At = (severity, code, text, path) => {
    const pos = locatePath(loaded, path);
    issues.push({ file, ...(pos ?? {}), severity, code, message: frenchText(text), text });
  };
  // No `compileScenario` here: on a scenario the parse just checked (schema, references, cycles)
  // it has nothing to report, and building XState's machine was a fifth of the lint of a wide
  // call. Whatever compiles a scenario (a session, publishing, test-play) still builds it.
  checkScenario(scenario, at);
  checkFidelity(scenario, at);
  checkSpeechExamples(scenario, at);
  checkTemplateTexts(scenario, at);
  checkRepeatedLines(scenario, at);
  return { issues: sortIssues(issues), scenario, loaded };
}

/** A text as a lint message names it: its first words (the studio shows labels and texts, not ids). */
export function excerpt(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function checkScenario(scenario: Scenario, at: At): void {
  const states = collectStates(scenario.machine);
  const transitions = listTransitions(scenario, states);
  const reachable = reachableStates(scenario, states, transitions);

  // States nobody can enter, and states nobody can leave.
  const hasWayOut = wayOutChecker(states, transitions);
  for (const [key, { node, docPath }] of states) {
    if (key === '') continue;
    // Named as the author named it (its label, as the studio's forms and graph show it).
    const name = node.label ?? key;
    if (!reachable.has(key)) {
      at('warning', LintCode.UnreachableState, msg('lint.unreachable_state', { state: name }), docPath);
      continue;
    }
    const atomic = Object.keys(node.states ?? {}).length === 0;
    // A history state is never active itself: it only leads back into its parent.
    if (atomic && node.type !== 'final' && node.type !== 'history' && !hasWayOut(key)) {
      at('error', LintCode.DeadEnd, msg('lint.dead_end', { state: name }), docPath);
    }
  }

  checkShadowed(scenario, states, transitions, at);

  // Endings: said by an `end` action somewhere reachable, or the hang-up ending.
  const ended = new Set<string>([scenario.hangupEnding]);
  const ends = (actions: ActionConfig | ActionConfig[] | undefined) =>
    toArray(actions).forEach((a) => a.type === 'end' && ended.add(a.params.ending));
  for (const [key, { node }] of states) {
    if (!reachable.has(key)) continue;
    ends(node.entry);
    ends(node.exit);
  }
  for (const t of transitions) if (reachable.has(t.source)) ends(t.actions);
  for (const id of Object.keys(scenario.endings)) {
    if (!ended.has(id))
      at(
        'warning',
        LintCode.UnreachableEnding,
        msg('lint.unreachable_ending', { ending: excerpt(scenario.endings[id]?.message ?? id) }),
        ['endings', id],
      );
  }

  // Tables: what is never used.
  const guardVars = new Set<string>();
  const walk = (guard: GuardConfig): void => {
    if (guard.type === 'compare') guardVars.add(guard.params.variable);
    if (guard.type === 'all' || guard.type === 'any') guard.params.of.forEach(walk);
    if (guard.type === 'not') walk(guard.params.guard);
  };
  transitions.forEach((t) => t.guard && walk(t.guard));
  for (const competency of scenario.rubric ?? [])
    for (const criterion of competency.criteria)
      if ('auto' in criterion && 'variable' in criterion.auto) guardVars.add(criterion.auto.variable);
  for (const id of Object.keys(scenario.variables)) {
    if (!guardVars.has(id))
      at(
        'warning',
        LintCode.UnusedVariable,
        msg('lint.unused_variable', { variable: scenario.variables[id]?.label ?? id }),
        ['variables', id],
      );
  }

  const offered = new Set<string>();
  for (const [key, handled] of Object.entries(availableByState({ scenario }))) {
    if (!reachable.has(key)) continue;
    handled.moves.forEach((m) => offered.add(m));
    handled.injects.forEach((i) => offered.add(i));
  }
  for (const id of Object.keys(scenario.moves))
    if (!offered.has(id))
      at(
        'warning',
        LintCode.MoveNeverOffered,
        msg('lint.move_never_offered', { move: scenario.moves[id]?.label ?? id }),
        ['moves', id],
      );
  for (const id of Object.keys(scenario.injects))
    if (!offered.has(id))
      at(
        'warning',
        LintCode.InjectNeverOffered,
        msg('lint.inject_never_offered', { inject: scenario.injects[id]?.label ?? id }),
        ['injects', id],
      );

  const said = new Set<string>();
  const says = (actions: ActionConfig | ActionConfig[] | undefined) =>
    toArray(actions).forEach((a) => a.type === 'say' && said.add(a.params.line));
  for (const { node } of states.values()) {
    says(node.entry);
    says(node.exit);
  }
  transitions.forEach((t) => says(t.actions));
  for (const id of Object.keys(scenario.lines))
    if (!said.has(id))
      at(
        'warning',
        LintCode.LineNeverSaid,
        msg('lint.line_never_said', { line: excerpt(scenario.lines[id]?.text ?? id) }),
        ['lines', id],
      );

  // Texts: blank, or left as a placeholder.
  const texts: [IssuePath, string][] = [
    [['title'], scenario.title],
    [['summary'], scenario.summary],
    [['persona', 'name'], scenario.persona.name],
    [['persona', 'place'], scenario.persona.place],
    [['persona', 'background'], scenario.persona.background],
    // Optional: checked when written, like the other persona texts.
    ...(scenario.persona.trainerNotes === undefined
      ? []
      : [[['persona', 'trainerNotes'], scenario.persona.trainerNotes] as [IssuePath, string]]),
    ...Object.entries(scenario.lines).map(([id, l]): [IssuePath, string] => [['lines', id, 'text'], l.text]),
    ...Object.entries(scenario.moves).flatMap(([id, m]): [IssuePath, string][] => [
      [['moves', id, 'label'], m.label],
      [['moves', id, 'help'], m.help],
    ]),
    ...Object.entries(scenario.injects).flatMap(([id, m]): [IssuePath, string][] => [
      [['injects', id, 'label'], m.label],
      [['injects', id, 'help'], m.help],
    ]),
    ...Object.entries(scenario.endings).map(([id, e]): [IssuePath, string] => [
      ['endings', id, 'message'],
      e.message,
    ]),
    ...Object.entries(scenario.variables).map(([id, v]): [IssuePath, string] => [
      ['variables', id, 'label'],
      v.label,
    ]),
  ];
  for (const [path, value] of texts) {
    if (value.trim() === '')
      at('error', LintCode.MissingText, msg('lint.missing_text', { path: path.join('.') }), path);
    else if (/\b(TODO|FIXME|XXX|TBD)\b|lorem ipsum/i.test(value))
      at('warning', LintCode.PlaceholderText, msg('lint.placeholder_text', { path: path.join('.') }), path);
  }

  // A variable criterion holds if the variable stays within its bounds the whole call: one whose
  // variable starts outside them can never be met.
  (scenario.rubric ?? []).forEach((competency, c) =>
    competency.criteria.forEach((criterion, k) => {
      if (!('auto' in criterion) || !('variable' in criterion.auto)) return;
      const { variable, min, max } = criterion.auto;
      const declared = scenario.variables[variable];
      if (!declared) return;
      if ((min !== undefined && declared.initial < min) || (max !== undefined && declared.initial > max))
        at(
          'warning',
          LintCode.CriterionNeverMet,
          msg('lint.criterion_never_met', {
            criterion: criterion.label,
            variable: declared.label,
            initial: declared.initial,
          }),
          ['rubric', c, 'criteria', k, 'auto'],
        );
    }),
  );

  if (!scenario.rubric) at('warning', LintCode.MissingRubric, msg('lint.missing_rubric'), []);
}

/**
 * A transition written after an unguarded one on the same trigger of the same state never fires:
 * XState takes the first whose guard passes (`se_presenter: [fin, ecoute_active]` always goes to
 * `fin`). Named by labels, since the studio shows this message to trainers.
 */
function checkShadowed(
  scenario: Scenario,
  states: ReturnType<typeof collectStates>,
  transitions: TransitionInfo[],
  at: At,
): void {
  const unguarded = new Map<string, TransitionInfo>();
  for (const t of transitions) {
    const trigger = `${t.source}\u0000${t.kind}\u0000${t.event ?? t.delay ?? ''}`;
    const first = unguarded.get(trigger);
    if (first) {
      const state =
        t.source === ''
          ? msg('lint.transition.root')
          : msg('lint.transition.state', { label: stateLabel(states, t.source) });
      const trigger =
        t.kind === 'always'
          ? msg('lint.transition.always')
          : t.kind === 'after'
            ? msg('lint.transition.after', { seconds: (t.delay ?? 0) / 1000 })
            : msg('lint.transition.event', {
                label:
                  scenario.moves[t.event ?? '']?.label ??
                  scenario.injects[t.event ?? '']?.label ??
                  t.event ??
                  '',
              });
      const target = (ts: TransitionInfo): EngineMessage => {
        const each = ts.targets.map((k) => msg('lint.transition.target', { label: stateLabel(states, k) }));
        const [head, ...rest] = each;
        // « « A », « B » »: each target joined to those before it.
        return head
          ? rest.reduce((first, next) => msg('lint.transition.targets', { first, rest: next }), head)
          : msg('lint.transition.stay');
      };
      at(
        'warning',
        LintCode.UnreachableTransition,
        msg('lint.unreachable_transition', { state, trigger, first: target(first), second: target(t) }),
        t.docPath,
      );
      continue;
    }
    if (!t.guard) unguarded.set(trigger, t);
  }
}

/**
 * Whether the call can get out of an atomic state: some transition of it, of an ancestor or of a
 * sibling region ends the call or enters a state outside it (not merely another region).
 * Built once per scenario so that each leaf costs its depth, not the number of transitions
 * (wide scenarios made the naive check quadratic).
 */
function wayOutChecker(
  states: ReturnType<typeof collectStates>,
  transitions: TransitionInfo[],
): (leaf: string) => boolean {
  const isParallel = (key: string): boolean => states.get(key)?.node.type === 'parallel';
  const bySource = transitionsBySource(transitions);
  // Per parallel state: whether a transition inside it leaves it (or ends the call), and how many
  // of the targets inside it fall under each of its descendants.
  const escapes = new Set<string>();
  const inside = new Map<string, Map<string, number>>();
  for (const t of transitions) {
    for (const p of ancestorKeys(t.source)) {
      if (!isParallel(p)) continue;
      if (t.actions.some((a) => a.type === 'end')) escapes.add(p);
      for (const target of t.targets) {
        if (!isWithin(target, p)) {
          if (!isParallel(commonAncestor(p, target))) escapes.add(p);
          continue;
        }
        const counts = inside.get(p) ?? new Map<string, number>();
        inside.set(p, counts);
        for (let k = target; k !== p; k = parentKey(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  return (leaf) => {
    const chain = ancestorKeys(leaf);
    for (const a of chain) {
      for (const t of bySource.get(a) ?? []) {
        if (t.actions.some((x) => x.type === 'end')) return true;
        if (t.targets.some((target) => !isWithin(target, leaf) && !isParallel(commonAncestor(leaf, target))))
          return true;
      }
    }
    for (let i = 1; i < chain.length; i++) {
      const p = chain[i] as string;
      if (!isParallel(p)) continue;
      if (escapes.has(p)) return true;
      const counts = inside.get(p);
      if (!counts) continue;
      // A target under a non-parallel ancestor `a` of the leaf (inside p) but not under the leaf's
      // branch of `a`: entering it leaves the leaf, and their common ancestor is `a`.
      for (let j = 1; j < i; j++) {
        const a = chain[j] as string;
        const child = chain[j - 1] as string;
        if (isParallel(a)) continue;
        if ((counts.get(a) ?? 0) - (counts.get(child) ?? 0) > 0) return true;
      }
    }
    return false;
  };
}

/** Lints a play-through file against its scenario (when known). */
export function lintPlayThroughs(
  file: string,
  text: string,
  scenario: Scenario | undefined,
  parsed: ParsePlayThroughsResult = parsePlayThroughs(text),
  /** The scenario's file, when it exists but does not parse (reported as invalid, not missing). */
  invalidScenario?: string,
): LintIssue[] {
  if (!parsed.ok) return fromParse(file, parsed.errors);
  const issues: LintIssue[] = [];
  const at: At = (severity, code, text, path) => {
    const pos = locatePath(parsed.loaded, path);
    issues.push({ file, ...(pos ?? {}), severity, code, message: frenchText(text), text });
  };
  const { file: tests } = parsed;
  const base = file.split('/').pop() ?? file;
  if (!new RegExp(`^${tests.scenario}\\.tests\\.ya?ml$`).test(base))
    at('warning', LintCode.FileName, msg('lint.file_name', { scenario: tests.scenario }), ['scenario']);
  if (!scenario) {
    const message = invalidScenario
      ? msg('lint.test.scenario_invalid', { scenario: tests.scenario, file: invalidScenario })
      : msg('lint.test.scenario_missing', { scenario: tests.scenario });
    at('error', LintCode.TestReference, message, ['scenario']);
    return issues;
  }
  const states = collectStates(scenario.machine);
  const criteria = new Map(
    (scenario.rubric ?? []).flatMap((c) => c.criteria.map((cr) => [cr.id, 'auto' in cr] as const)),
  );
  tests.tests.forEach((test, i) => {
    const tPath: IssuePath = ['tests', i];
    test.steps.forEach((step, j) => {
      const sPath: IssuePath = [...tPath, 'steps', j];
      if ('move' in step && !(step.move in scenario.moves) && !step.expect?.error)
        at('error', LintCode.TestReference, msg('lint.test.move_missing', { move: step.move }), [
          ...sPath,
          'move',
        ]);
      if ('inject' in step && !(step.inject in scenario.injects) && !step.expect?.error)
        at('error', LintCode.TestReference, msg('lint.test.inject_missing', { inject: step.inject }), [
          ...sPath,
          'inject',
        ]);
      for (const [k, state] of (step.expect?.states ?? []).entries()) {
        if (!states.has(state))
          at('error', LintCode.TestReference, msg('lint.test.state_missing', { state }), [
            ...sPath,
            'expect',
            'states',
            k,
          ]);
      }
      for (const line of step.expect?.lines ?? [])
        if (!(line in scenario.lines))
          at('error', LintCode.TestReference, msg('lint.test.line_missing', { line }), [
            ...sPath,
            'expect',
            'lines',
          ]);
      for (const id of Object.keys(step.expect?.variables ?? {}))
        if (!(id in scenario.variables))
          at('error', LintCode.TestReference, msg('lint.test.variable_missing', { variable: id }), [
            ...sPath,
            'expect',
            'variables',
            id,
          ]);
    });
    const { ending, outcome } = test.end;
    if (ending !== null) {
      const declared = scenario.endings[ending];
      if (!declared)
        at('error', LintCode.TestReference, msg('lint.test.ending_missing', { ending }), [
          ...tPath,
          'end',
          'ending',
        ]);
      else if (declared.outcome !== outcome)
        at(
          'error',
          LintCode.TestReference,
          msg('lint.test.outcome_mismatch', { ending, declared: declared.outcome, outcome: String(outcome) }),
          [...tPath, 'end', 'outcome'],
        );
    }
    for (const id of Object.keys(test.rubric ?? {})) {
      const auto = criteria.get(id);
      if (auto === undefined)
        at('error', LintCode.TestReference, msg('lint.test.criterion_missing', { criterion: id }), [
          ...tPath,
          'rubric',
          id,
        ]);
      else if (!auto)
        at('error', LintCode.TestReference, msg('lint.test.criterion_judged', { criterion: id }), [
          ...tPath,
          'rubric',
          id,
        ]);
    }
  });
  return sortIssues(issues);
}

/**
 * Lints scenario and play-through files together: a play-through file is checked against the
 * scenario of its id, taken from `files` or asked of `resolveScenario` (the caller reads it).
 */
export function lintFiles(
  files: readonly LintFile[],
  resolveScenario?: (id: string, testsFile: string) => LintFile | undefined,
): LintIssue[] {
  const scenarios = new Map<string, Scenario>();
  // Scenario files that did not parse, by the id they declare and by their file name.
  const invalid = new Map<string, string>();
  const issues: LintIssue[] = [];
  for (const f of files.filter((f) => !isPlayThroughFile(f.path))) {
    const result = lintScenario(f.path, f.text);
    issues.push(...result.issues);
    if (result.scenario) scenarios.set(result.scenario.id, result.scenario);
    else for (const id of declaredIds(f)) invalid.set(id, f.path);
  }
  for (const f of files.filter((f) => isPlayThroughFile(f.path))) {
    const parsed = parsePlayThroughs(f.text);
    let scenario: Scenario | undefined;
    let invalidFile: string | undefined;
    if (parsed.ok) {
      const id = parsed.file.scenario;
      scenario = scenarios.get(id);
      invalidFile = scenario ? undefined : invalid.get(id);
      if (!scenario && !invalidFile && resolveScenario) {
        const other = resolveScenario(id, f.path);
        if (other) {
          const result = parseScenario(other.text);
          if (result.ok) scenario = result.scenario;
          else invalidFile = other.path;
        }
      }
    }
    issues.push(...lintPlayThroughs(f.path, f.text, scenario, parsed, invalidFile));
  }
  return issues;
}

/** The ids a scenario file that did not parse may stand for: its `id:` if readable, its name. */
function declaredIds(file: LintFile): string[] {
  const ids = [(file.path.split('/').pop() ?? file.path).replace(/\.ya?ml$/, '')];
  const loaded = loadYaml(file.text);
  const value = loaded.ok ? loaded.loaded.value : undefined;
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') ids.push(value.id);
  return ids;
}

function sortIssues(issues: LintIssue[]): LintIssue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
