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
import { ScenarioErrorCode, type IssuePath } from './issues.js';

export interface LocatedIssue {
  code: ScenarioErrorCode;
  message: string;
  path: IssuePath;
}

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
): { path: string } | { error: string } {
  // The common case first, without arrays: a sibling named alone (`ecoute`).
  if (source.length > 0 && !target.includes('.') && !target.startsWith('#')) {
    const key = source.length === 1 ? target : `${source.slice(0, -1).join('.')}.${target}`;
    return states.has(key) ? { path: key } : { error: `cible « ${target} » : état « ${key} » introuvable` };
  }
  let path: string[];
  if (target.startsWith('#')) {
    const id = target.slice(1);
    if (id === machineId) path = [];
    else if (id.startsWith(`${machineId}.`)) path = id.slice(machineId.length + 1).split('.');
    else return { error: `cible « ${target} » : seule la forme #${machineId}.chemin est acceptée` };
  } else if (target.startsWith('.')) {
    path = [...source, ...target.slice(1).split('.')];
  } else {
    if (source.length === 0) {
      return {
        error: `cible « ${target} » depuis la racine : écrivez « .${target} » ou « #${machineId}.${target} »`,
      };
    }
    path = [...source.slice(0, -1), ...target.split('.')];
  }
  const key = path.join('.');
  if (!states.has(key)) return { error: `cible « ${target} » : état « ${key || '(racine)'} » introuvable` };
  return { path: key };
}

export function checkReferences(scenario: Scenario): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const ref = (message: string, path: IssuePath): void => {
    issues.push({ code: ScenarioErrorCode.Reference, message, path });
  };
  const { machine } = scenario;
  const moveIds = new Set(Object.keys(scenario.moves));
  const injectIds = new Set(Object.keys(scenario.injects));
  const reserved = new Set<string>(RESERVED_EVENTS);

  for (const id of moveIds) {
    if (reserved.has(id))
      ref(`l'action « ${id} » porte un nom réservé (${RESERVED_EVENTS.join(', ')})`, ['moves', id]);
    if (injectIds.has(id))
      ref(`« ${id} » est à la fois une action de l'écoutant et un événement injecté`, ['injects', id]);
  }
  for (const id of injectIds) {
    if (reserved.has(id))
      ref(`l'événement injecté « ${id} » porte un nom réservé (${RESERVED_EVENTS.join(', ')})`, [
        'injects',
        id,
      ]);
  }
  if (!(scenario.hangupEnding in scenario.endings)) {
    ref(`hangupEnding : fin « ${scenario.hangupEnding} » introuvable dans endings`, ['hangupEnding']);
  }

  const states = collectStates(machine);
  const flagsSet = new Set<string>();
  const flagsRead: { name: string; path: IssuePath }[] = [];

  const checkAction = (action: ActionConfig, path: IssuePath): void => {
    const p = [...path, 'params'];
    switch (action.type) {
      case 'say':
        if (!(action.params.line in scenario.lines))
          ref(`réplique « ${action.params.line} » introuvable dans lines`, [...p, 'line']);
        break;
      case 'adjust':
      case 'set':
        if (!(action.params.variable in scenario.variables)) {
          ref(`variable « ${action.params.variable} » introuvable dans variables`, [...p, 'variable']);
        }
        break;
      case 'flag':
        flagsSet.add(action.params.name);
        break;
      case 'end':
        if (!(action.params.ending in scenario.endings))
          ref(`fin « ${action.params.ending} » introuvable dans endings`, [...p, 'ending']);
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
          ref(`variable « ${guard.params.variable} » introuvable dans variables`, [...p, 'variable']);
        }
        break;
      case 'flag':
        flagsRead.push({ name: guard.params.name, path: [...p, 'name'] });
        break;
      case 'visited':
      case 'in':
        if (!states.has(guard.params.state) || guard.params.state === '') {
          ref(
            `état « ${guard.params.state} » introuvable (chemin attendu depuis la racine, ex. detresse.forte)`,
            [...p, 'state'],
          );
        } else if (states.get(guard.params.state)?.node.type === 'history') {
          ref(`état « ${guard.params.state} » : un état historique n'est jamais actif`, [...p, 'state']);
        }
        break;
      case 'moveCount':
        if (guard.params.move !== undefined && !moveIds.has(guard.params.move)) {
          ref(`action de l'écoutant « ${guard.params.move} » introuvable dans moves`, [...p, 'move']);
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
      ref(`état « ${name} » : states est vide`, [...docPath, 'states']);
    if (node.type === 'history') {
      checkHistory(states, path, node, docPath, ref);
      continue;
    }
    for (const key of ['history', 'target'] as const) {
      if (node[key] !== undefined)
        ref(`état « ${name} » : « ${key} » n'est permis que sur un état historique (type: history)`, [
          ...docPath,
          key,
        ]);
    }
    if (node.type === 'final') {
      for (const key of ['states', 'on', 'after', 'always'] as const) {
        if (node[key] !== undefined)
          ref(`état final « ${name} » : « ${key} » n'est pas permis`, [...docPath, key]);
      }
    }
    if (node.type === 'parallel') {
      if (node.initial !== undefined)
        ref(`état parallèle « ${name} » : pas de initial`, [...docPath, 'initial']);
      if (children.length === 0) ref(`état parallèle « ${name} » : il faut des régions (states)`, docPath);
    } else if (children.length > 0) {
      if (node.initial === undefined) ref(`état « ${name} » : initial manquant`, docPath);
      else if (!children.includes(node.initial))
        ref(`état « ${name} » : initial « ${node.initial} » n'est pas un de ses états`, [
          ...docPath,
          'initial',
        ]);
      else if (node.states?.[node.initial]?.type === 'history')
        ref(`état « ${name} » : initial « ${node.initial} » est un état historique`, [...docPath, 'initial']);
    } else if (node.initial !== undefined) {
      ref(`état « ${name} » : initial sans sous-états`, [...docPath, 'initial']);
    }
    for (const [event, config] of Object.entries(node.on ?? {})) {
      if (!reserved.has(event) && !moveIds.has(event) && !injectIds.has(event)) {
        ref(
          `événement « ${event} » inconnu : ni action de l'écoutant (moves), ni événement injecté (injects), ni ${RESERVED_EVENTS.join('/')}`,
          [...docPath, 'on', event],
        );
      }
      checkTransitions(path, config, [...docPath, 'on', event]);
    }
    for (const [delay, config] of Object.entries(node.after ?? {})) {
      if (Number(delay) > MAX_DELAY_MS)
        ref(`délai ${delay} ms trop long (maximum ${MAX_DELAY_MS} ms)`, [...docPath, 'after', delay]);
      checkTransitions(path, config, [...docPath, 'after', delay]);
    }
    checkTransitions(path, node.always, [...docPath, 'always']);
    checkActions(node.entry, [...docPath, 'entry']);
    checkActions(node.exit, [...docPath, 'exit']);
  }
  checkRubric(scenario, states, flagsRead, ref);
  for (const { name, path } of flagsRead) {
    if (!flagsSet.has(name)) ref(`drapeau « ${name} » lu mais jamais posé par une action flag`, path);
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
  ref: (message: string, path: IssuePath) => void,
): void {
  const name = path.join('.');
  for (const key of ['states', 'on', 'after', 'always', 'entry', 'exit', 'initial', 'tags'] as const) {
    if (node[key] !== undefined)
      ref(`état historique « ${name} » : « ${key} » n'est pas permis`, [...docPath, key]);
  }
  const parentPath = path.slice(0, -1);
  const parent = states.get(parentPath.join('.'))?.node;
  const siblings = Object.entries(parent?.states ?? {}).filter(([, child]) => child.type !== 'history');
  if (siblings.length === 0) {
    ref(`état historique « ${name} » : son parent doit avoir d'autres sous-états, où revenir`, docPath);
    return;
  }
  if (node.target === undefined) return;
  const target = node.target;
  const key = [...parentPath, ...target.split('.')].join('.');
  const found = states.get(key);
  if (target.startsWith('#') || target.startsWith('.') || !found) {
    ref(
      `état historique « ${name} » : cible par défaut « ${target} » introuvable parmi les sous-états de « ${parentPath.join('.') || '(racine)'} » (chemin depuis le parent, ex. ${siblings[0]![0]})`,
      [...docPath, 'target'],
    );
  } else if (found.node.type === 'history') {
    ref(`état historique « ${name} » : sa cible par défaut « ${target} » est un état historique`, [
      ...docPath,
      'target',
    ]);
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
        message: `always sans garde et sans cible dans « ${key || '(racine)'} » : boucle sans fin`,
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
            message: `transitions always sans garde en boucle : ${cycle.map((s) => s || '(racine)').join(' → ')}`,
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
  ref: (message: string, path: IssuePath) => void,
): void {
  const competencies = new Set<string>();
  const criteria = new Set<string>();
  (scenario.rubric ?? []).forEach((competency, i) => {
    const cPath: IssuePath = ['rubric', i];
    if (competencies.has(competency.id))
      ref(`grille : compétence « ${competency.id} » en double`, [...cPath, 'id']);
    competencies.add(competency.id);
    competency.criteria.forEach((criterion, j) => {
      const path: IssuePath = [...cPath, 'criteria', j];
      if (criteria.has(criterion.id)) ref(`grille : critère « ${criterion.id} » en double`, [...path, 'id']);
      criteria.add(criterion.id);
      if (!('auto' in criterion) || !criterion.auto) return;
      const auto = criterion.auto;
      const at = [...path, 'auto'];
      if ('move' in auto && !(auto.move in scenario.moves))
        ref(`grille : action de l'écoutant « ${auto.move} » introuvable dans moves`, [...at, 'move']);
      if ('notMove' in auto && !(auto.notMove in scenario.moves))
        ref(`grille : action de l'écoutant « ${auto.notMove} » introuvable dans moves`, [...at, 'notMove']);
      for (const key of ['state', 'notState'] as const) {
        if (key in auto) {
          const state = (auto as Record<string, string>)[key]!;
          if (!states.has(state) || state === '')
            ref(
              `grille : état « ${state} » introuvable (chemin attendu depuis la racine, ex. ecoute.en_ligne)`,
              [...at, key],
            );
        }
      }
      if ('variable' in auto) {
        if (!(auto.variable in scenario.variables))
          ref(`grille : variable « ${auto.variable} » introuvable dans variables`, [...at, 'variable']);
        if (auto.min === undefined && auto.max === undefined)
          ref(`grille : critère « ${criterion.id} » : il faut min, max ou les deux`, at);
        if (auto.min !== undefined && auto.max !== undefined && auto.min > auto.max)
          ref(`grille : critère « ${criterion.id} » : min > max`, at);
      }
      if ('flag' in auto) flagsRead.push({ name: auto.flag, path: [...at, 'flag'] });
      if ('since' in auto && auto.since && !(auto.since.inject in scenario.injects))
        ref(`grille : événement injecté « ${auto.since.inject} » introuvable dans injects`, [
          ...at,
          'since',
          'inject',
        ]);
    });
  });
}
