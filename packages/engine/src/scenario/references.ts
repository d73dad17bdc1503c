// Cross-reference checks of a structurally valid scenario: every id an action, guard, event or
// target names must exist, the tree must be well formed for XState, and no unguarded `always`
// may loop. Each issue carries the path of the offending value so parse() can locate it.
import {
  MAX_DELAY_MS,
  RESERVED_EVENTS,
  type ActionConfig,
  type GuardConfig,
  type MachineConfig,
  type Scenario,
  type StateNodeConfig,
  type TransitionConfig,
  type TransitionObject,
} from './schema.js';
import { frenchText, msg, type EngineMessage } from '../messages.js';
import { ScenarioErrorCode, type IssuePath } from './issues.js';

export interface LocatedIssue {
  code: ScenarioErrorCode;
  /** In French; `text` is the same as a code with parameters (`messages.ts`). */
  message: string;
  text?: EngineMessage;
  path: IssuePath;
}

/** A message and its French words, as an issue carries them. */
const worded = (text: EngineMessage): { message: string; text: EngineMessage } => ({
  message: frenchText(text),
  text,
});

export interface StateInfo {
  /** Path from the machine root, e.g. ['detresse', 'forte']. Empty for the root. */
  path: string[];
  node: StateNodeConfig;
  /** Where the node sits in the document. */
  docPath: IssuePath;
}

/**
 * Lint, compile, availability and the graph each ask for the states of the same machine: one
 * walk per machine object (a scenario is never changed once parsed; the map is read only).
 */
const collected = new WeakMap<MachineConfig, Map<string, StateInfo>>();

/** Every state node of the machine, keyed by dotted path ('' for the root), in document order. */
export function collectStates(machine: MachineConfig): Map<string, StateInfo> {
  let states = collected.get(machine);
  if (!states) {
    states = walkStates(machine);
    collected.set(machine, states);
  }
  return states;
}

function walkStates(machine: MachineConfig): Map<string, StateInfo> {
  const states = new Map<string, StateInfo>();
  const visit = (node: StateNodeConfig, path: string[], docPath: IssuePath): void => {
    states.set(path.join('.'), { path, node, docPath });
    for (const [key, child] of Object.entries(node.states ?? {})) {
      visit(child, [...path, key], [...docPath, 'states', key]);
    }
  };
  visit(machine, [], ['machine']);
  return states;
}

export function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Transitions normalised to objects, each with its place in the document. */
export function transitionList(
  config: TransitionConfig | undefined,
  docPath: IssuePath,
): { transition: TransitionObject; docPath: IssuePath; shorthand: boolean }[] {
  if (config === undefined) return [];
  const one = (t: string | TransitionObject, path: IssuePath) =>
    typeof t === 'string'
      ? { transition: { target: t }, docPath: path, shorthand: true }
      : { transition: t, docPath: path, shorthand: false };
  if (Array.isArray(config)) return config.map((t, i) => one(t, [...docPath, i]));
  return [one(config, docPath)];
}

/**
 * Resolves a target string written on the state at `source` the way XState does: `.child` is
 * a child of the source, `#machine.a.b` is absolute, anything else is a sibling path (not
 * allowed on the root). Returns the dotted path, or an error message.
 */
export function resolveTarget(
  machineId: string,
  states: Map<string, StateInfo>,
  source: string[],
  target: string,
): { path: string } | { error: EngineMessage } {
  // The common case first, without arrays: a sibling named alone (`ecoute`).
  if (source.length > 0 && !target.includes('.') && !target.startsWith('#')) {
    const key = source.length === 1 ? target : `${source.slice(0, -1).join('.')}.${target}`;
    return states.has(key) ? { path: key } : { error: msg('ref.target_missing', { target, state: key }) };
  }
  let path: string[];
  if (target.startsWith('#')) {
    const id = target.slice(1);
    if (id === machineId) path = [];
    else if (id.startsWith(`${machineId}.`)) path = id.slice(machineId.length + 1).split('.');
    else return { error: msg('ref.target_form', { target, machine: machineId }) };
  } else if (target.startsWith('.')) {
    path = [...source, ...target.slice(1).split('.')];
  } else {
    if (source.length === 0) {
      return {
        error: msg('ref.target_root', { target, machine: machineId }),
      };
    }
    path = [...source.slice(0, -1), ...target.split('.')];
  }
  const key = path.join('.');
  if (!states.has(key)) return { error: msg('ref.target_missing', { target, state: key || '(racine)' }) };
  return { path: key };
}

export function checkReferences(scenario: Scenario): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const ref = (text: EngineMessage, path: IssuePath): void => {
    issues.push({ code: ScenarioErrorCode.Reference, ...worded(text), path });
  };
  const { machine } = scenario;
  const moveIds = new Set(Object.keys(scenario.moves));
  const injectIds = new Set(Object.keys(scenario.injects));
  const reserved = new Set<string>(RESERVED_EVENTS);

  for (const id of moveIds) {
    if (reserved.has(id))
      ref(msg('ref.move_reserved', { move: id, reserved: RESERVED_EVENTS.join(', ') }), ['moves', id]);
    if (injectIds.has(id)) ref(msg('ref.move_and_inject', { id }), ['injects', id]);
  }
  for (const id of injectIds) {
    if (reserved.has(id))
      ref(msg('ref.inject_reserved', { inject: id, reserved: RESERVED_EVENTS.join(', ') }), ['injects', id]);
  }
  if (!(scenario.hangupEnding in scenario.endings)) {
    ref(msg('ref.hangup_ending', { ending: scenario.hangupEnding }), ['hangupEnding']);
  }

  const states = collectStates(machine);
  const flagsSet = new Set<string>();
  const flagsRead: { name: string; path: IssuePath }[] = [];

  const checkAction = (action: ActionConfig, path: IssuePath): void => {
    const p = [...path, 'params'];
    switch (action.type) {
      case 'say':
        if (!(action.params.line in scenario.lines))
          ref(msg('ref.line_missing', { line: action.params.line }), [...p, 'line']);
        break;
      case 'adjust':
      case 'set':
        if (!(action.params.variable in scenario.variables)) {
          ref(msg('ref.variable_missing', { variable: action.params.variable }), [...p, 'variable']);
        }
        break;
      case 'flag':
        flagsSet.add(action.params.name);
        break;
      case 'end':
        if (!(action.params.ending in scenario.endings))
          ref(msg('ref.ending_missing', { ending: action.params.ending }), [...p, 'ending']);
        break;
      case 'cue':
      case 'note':
        break;
    }
  };
  const checkActions = (actions: ActionConfig | ActionConfig[] | undefined, path: IssuePath): void => {
    if (Array.isArray(actions)) actions.forEach((a, i) => checkAction(a, [...path, i]));
    else if (actions) checkAction(actions, path);
  };
  const checkGuard = (guard: GuardConfig, path: IssuePath): void => {
    const p = [...path, 'params'];
    switch (guard.type) {
      case 'compare':
        if (!(guard.params.variable in scenario.variables)) {
          ref(msg('ref.variable_missing', { variable: guard.params.variable }), [...p, 'variable']);
        }
        break;
      case 'flag':
        flagsRead.push({ name: guard.params.name, path: [...p, 'name'] });
        break;
      case 'visited':
      case 'in':
        if (!states.has(guard.params.state) || guard.params.state === '') {
          ref(msg('ref.guard_state_missing', { state: guard.params.state }), [...p, 'state']);
        } else if (states.get(guard.params.state)?.node.type === 'history') {
          ref(msg('ref.guard_state_history', { state: guard.params.state }), [...p, 'state']);
        }
        break;
      case 'moveCount':
        if (guard.params.move !== undefined && !moveIds.has(guard.params.move)) {
          ref(msg('ref.guard_move_missing', { move: guard.params.move }), [...p, 'move']);
        }
        break;
      case 'all':
      case 'any':
        guard.params.of.forEach((g, i) => checkGuard(g, [...p, 'of', i]));
        break;
      case 'not':
        checkGuard(guard.params.guard, [...p, 'guard']);
        break;
    }
  };
  const checkTransitions = (
    source: string[],
    config: TransitionConfig | undefined,
    path: IssuePath,
  ): void => {
    for (const { transition, docPath, shorthand } of transitionList(config, path)) {
      toArray(transition.target).forEach((target, i) => {
        const resolved = resolveTarget(machine.id, states, source, target);
        if ('error' in resolved) {
          ref(
            resolved.error,
            shorthand
              ? docPath
              : Array.isArray(transition.target)
                ? [...docPath, 'target', i]
                : [...docPath, 'target'],
          );
        }
      });
      if (transition.guard) checkGuard(transition.guard, [...docPath, 'guard']);
      checkActions(transition.actions, [...docPath, 'actions']);
    }
  };

  for (const { path, node, docPath } of states.values()) {
    const name = path.join('.') || '(racine)';
    const children = Object.keys(node.states ?? {});
    if (node.states && children.length === 0)
      ref(msg('ref.states_empty', { state: name }), [...docPath, 'states']);
    if (node.type === 'history') {
      checkHistory(states, path, node, docPath, ref);
      continue;
    }
    for (const key of ['history', 'target'] as const) {
      if (node[key] !== undefined) ref(msg('ref.history_only', { state: name, key }), [...docPath, key]);
    }
    if (node.type === 'final') {
      for (const key of ['states', 'on', 'after', 'always'] as const) {
        if (node[key] !== undefined) ref(msg('ref.final_key', { state: name, key }), [...docPath, key]);
      }
    }
    if (node.type === 'parallel') {
      if (node.initial !== undefined)
        ref(msg('ref.parallel_initial', { state: name }), [...docPath, 'initial']);
      if (children.length === 0) ref(msg('ref.parallel_regions', { state: name }), docPath);
    } else if (children.length > 0) {
      if (node.initial === undefined) ref(msg('ref.initial_missing', { state: name }), docPath);
      else if (!children.includes(node.initial))
        ref(msg('ref.initial_unknown', { state: name, initial: node.initial }), [...docPath, 'initial']);
      else if (node.states?.[node.initial]?.type === 'history')
        ref(msg('ref.initial_history', { state: name, initial: node.initial }), [...docPath, 'initial']);
    } else if (node.initial !== undefined) {
      ref(msg('ref.initial_without_children', { state: name }), [...docPath, 'initial']);
    }
    for (const [event, config] of Object.entries(node.on ?? {})) {
      if (!reserved.has(event) && !moveIds.has(event) && !injectIds.has(event)) {
        ref(msg('ref.event_unknown', { event, reserved: RESERVED_EVENTS.join('/') }), [
          ...docPath,
          'on',
          event,
        ]);
      }
      checkTransitions(path, config, [...docPath, 'on', event]);
    }
    for (const [delay, config] of Object.entries(node.after ?? {})) {
      if (Number(delay) > MAX_DELAY_MS)
        ref(msg('ref.delay_too_long', { delay, max: MAX_DELAY_MS }), [...docPath, 'after', delay]);
      checkTransitions(path, config, [...docPath, 'after', delay]);
    }
    checkTransitions(path, node.always, [...docPath, 'always']);
    checkActions(node.entry, [...docPath, 'entry']);
    checkActions(node.exit, [...docPath, 'exit']);
  }
  checkRubric(scenario, states, flagsRead, ref);
  for (const { name, path } of flagsRead) {
    if (!flagsSet.has(name)) ref(msg('ref.flag_never_set', { flag: name }), path);
  }
  if (issues.length === 0) issues.push(...checkAlwaysCycles(machine, states));
  return issues;
}

/**
 * A history state: a child of a state that has other (real) children, holding nothing of its own,
 * whose default `target` is a path below its parent (XState reads it from there) to a real state.
 */
function checkHistory(
  states: Map<string, StateInfo>,
  path: string[],
  node: StateNodeConfig,
  docPath: IssuePath,
  ref: (text: EngineMessage, path: IssuePath) => void,
): void {
  const name = path.join('.');
  for (const key of ['states', 'on', 'after', 'always', 'entry', 'exit', 'initial', 'tags'] as const) {
    if (node[key] !== undefined) ref(msg('ref.history_key', { state: name, key }), [...docPath, key]);
  }
  const parentPath = path.slice(0, -1);
  const parent = states.get(parentPath.join('.'))?.node;
  const siblings = Object.entries(parent?.states ?? {}).filter(([, child]) => child.type !== 'history');
  if (siblings.length === 0) {
    ref(msg('ref.history_alone', { state: name }), docPath);
    return;
  }
  if (node.target === undefined) return;
  const target = node.target;
  const key = [...parentPath, ...target.split('.')].join('.');
  const found = states.get(key);
  if (target.startsWith('#') || target.startsWith('.') || !found) {
    ref(
      msg('ref.history_target_missing', {
        state: name,
        target,
        parent: parentPath.join('.') || '(racine)',
        example: siblings[0]![0],
      }),
      [...docPath, 'target'],
    );
  } else if (found.node.type === 'history') {
    ref(msg('ref.history_target_history', { state: name, target }), [...docPath, 'target']);
  }
}

/**
 * Refuses `always` transitions that would loop for ever: an unguarded one that keeps its own
 * state active (no target, or a target inside itself), or a chain of unguarded ones that comes
 * back. Guarded loops are left to the runtime's iteration cap.
 */
function checkAlwaysCycles(machine: MachineConfig, states: Map<string, StateInfo>): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const firstUnguarded = new Map<string, { targets: string[]; docPath: IssuePath }>();
  for (const [key, { path, node, docPath }] of states) {
    const unguarded = transitionList(node.always, [...docPath, 'always']).find(
      ({ transition }) => transition.guard === undefined,
    );
    if (!unguarded) continue;
    const targets = toArray(unguarded.transition.target).map((t) => {
      const r = resolveTarget(machine.id, states, path, t);
      return 'path' in r ? r.path : key;
    });
    if (targets.length === 0) {
      issues.push({
        code: ScenarioErrorCode.Cycle,
        ...worded(msg('ref.always_loop', { state: key || '(racine)' })),
        path: unguarded.docPath,
      });
      continue;
    }
    firstUnguarded.set(key, { targets, docPath: unguarded.docPath });
  }
  if (issues.length > 0) return issues;

  const isWithin = (inner: string, outer: string): boolean =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`);
  // What entering `target` activates: its ancestors, itself, and its initial (or parallel) descendants.
  const activated = (target: string): string[] => {
    const out: string[] = [];
    const parts = target === '' ? [] : target.split('.');
    for (let i = 0; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
    const down = (key: string): void => {
      const node = states.get(key)?.node;
      if (!node?.states) return;
      const children =
        node.type === 'parallel' ? Object.keys(node.states) : node.initial ? [node.initial] : [];
      for (const child of children) {
        const childKey = key ? `${key}.${child}` : child;
        out.push(childKey);
        down(childKey);
      }
    };
    down(target);
    return out;
  };
  const edges = new Map<string, Set<string>>();
  for (const [source, { targets }] of firstUnguarded) {
    const next = new Set<string>();
    for (const target of targets) {
      for (const active of activated(target)) {
        if (!firstUnguarded.has(active)) continue;
        // An ancestor of the source that stayed active had its chance before: only count it if the
        // transition re-enters it or it is the source itself.
        if (active !== source && isWithin(source, active) && !isWithin(active, target)) continue;
        next.add(active);
      }
    }
    edges.set(source, next);
  }
  // Depth-first search for a cycle.
  const colour = new Map<string, 'grey' | 'black'>();
  const reported = new Set<string>();
  const dfs = (node: string, trail: string[]): void => {
    colour.set(node, 'grey');
    for (const next of edges.get(node) ?? []) {
      if (colour.get(next) === 'grey') {
        const cycle = [...trail.slice(trail.indexOf(next)), next];
        if (!reported.has(next)) {
          reported.add(next);
          issues.push({
            code: ScenarioErrorCode.Cycle,
            ...worded(msg('ref.always_cycle', { cycle: cycle.map((s) => s || '(racine)').join(' → ') })),
            path: firstUnguarded.get(next)?.docPath ?? ['machine'],
          });
        }
      } else if (!colour.has(next)) {
        dfs(next, [...trail, next]);
      }
    }
    colour.set(node, 'black');
  };
  for (const node of edges.keys()) if (!colour.has(node)) dfs(node, [node]);
  return issues;
}

/** The rubric's ids are unique (criteria are named by id alone) and name what exists. */
function checkRubric(
  scenario: Scenario,
  states: Map<string, StateInfo>,
  flagsRead: { name: string; path: IssuePath }[],
  ref: (text: EngineMessage, path: IssuePath) => void,
): void {
  const competencies = new Set<string>();
  const criteria = new Set<string>();
  (scenario.rubric ?? []).forEach((competency, i) => {
    const cPath: IssuePath = ['rubric', i];
    if (competencies.has(competency.id))
      ref(msg('ref.rubric_competency_twice', { competency: competency.id }), [...cPath, 'id']);
    competencies.add(competency.id);
    competency.criteria.forEach((criterion, j) => {
      const path: IssuePath = [...cPath, 'criteria', j];
      if (criteria.has(criterion.id))
        ref(msg('ref.rubric_criterion_twice', { criterion: criterion.id }), [...path, 'id']);
      criteria.add(criterion.id);
      if (!('auto' in criterion) || !criterion.auto) return;
      const auto = criterion.auto;
      const at = [...path, 'auto'];
      if ('move' in auto && !(auto.move in scenario.moves))
        ref(msg('ref.rubric_move_missing', { move: auto.move }), [...at, 'move']);
      if ('notMove' in auto && !(auto.notMove in scenario.moves))
        ref(msg('ref.rubric_move_missing', { move: auto.notMove }), [...at, 'notMove']);
      for (const key of ['state', 'notState'] as const) {
        if (key in auto) {
          const state = (auto as Record<string, string>)[key]!;
          if (!states.has(state) || state === '')
            ref(msg('ref.rubric_state_missing', { state }), [...at, key]);
        }
      }
      if ('variable' in auto) {
        if (!(auto.variable in scenario.variables))
          ref(msg('ref.rubric_variable_missing', { variable: auto.variable }), [...at, 'variable']);
        if (auto.min === undefined && auto.max === undefined)
          ref(msg('ref.rubric_bounds_missing', { criterion: criterion.id }), at);
        if (auto.min !== undefined && auto.max !== undefined && auto.min > auto.max)
          ref(msg('ref.rubric_bounds_inverted', { criterion: criterion.id }), at);
      }
      if ('flag' in auto) flagsRead.push({ name: auto.flag, path: [...at, 'flag'] });
      if ('since' in auto && auto.since && !(auto.since.inject in scenario.injects))
        ref(msg('ref.rubric_inject_missing', { inject: auto.since.inject }), [...at, 'since', 'inject']);
    });
  });
}
