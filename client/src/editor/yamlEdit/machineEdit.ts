// The graph's edits on the machine, through the Document API: add a state, add a transition
// (event, guard, actions), rename a state with every reference to it (targets, `initial`,
// guards naming a state, rubric criteria, `substance`), list the references to a state and
// delete it with them. States are named by their dot path from the machine root (`ecoute.forte`).
import { YAMLSeq, isAlias, isMap, isSeq, visit, type Document } from 'yaml';
import { addEntry, removeAt, type YamlPath } from './document.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Trigger = { kind: 'event'; event: string } | { kind: 'after'; ms: number } | { kind: 'always' };

export interface NewTransition {
  source: string;
  trigger: Trigger;
  /** Dot path of the target, or null for a reaction that stays in its state. */
  target: string | null;
  guard?: Plain | undefined;
  actions?: Plain[] | undefined;
  /** Takes the place of the first candidate without a guard (the one that always wins). */
  replace?: boolean | undefined;
  /**
   * `reenter: true`: the target, even the state itself, is left and entered again (its entry
   * actions and timers start again: a timer to its own state repeats). `false` removes the key
   * from a transition edited in place; `undefined` keeps what is written.
   */
  reenter?: boolean | undefined;
}

/** Where a state sits in the document: `['machine', 'states', 'a', 'states', 'b']`. */
export function stateDocPath(path: string): (string | number)[] {
  const out: (string | number)[] = ['machine'];
  for (const part of path ? path.split('.') : []) out.push('states', part);
  return out;
}

const segments = (path: string) => (path ? path.split('.') : []);
const within = (path: string, of: string) => path === of || path.startsWith(`${of}.`);

function machineOf(doc: Document): Plain {
  const js = doc.toJS() as Plain;
  return isPlain(js['machine']) ? js['machine'] : {};
}

/** Every state's dot path ('' for the root) with its node, in document order. */
export function statesOf(machine: Plain): Map<string, Plain> {
  const out = new Map<string, Plain>();
  const visit = (node: Plain, path: string) => {
    out.set(path, node);
    const children = node['states'];
    if (isPlain(children))
      for (const [key, child] of Object.entries(children))
        if (isPlain(child)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(machine, '');
  return out;
}

/** A target string written on `source`, resolved as XState does (see the engine's `resolveTarget`). */
export function resolveTarget(machineId: string, source: string, target: string): string {
  const from = segments(source);
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return id === machineId ? '' : id.slice(machineId.length + 1);
  }
  if (target.startsWith('.')) return [...from, ...target.slice(1).split('.')].join('.');
  return [...from.slice(0, -1), ...target.split('.')].join('.');
}

/** How `source` writes a target: a sibling by its name, a child with `.`, anything else absolute. */
export function targetFrom(machineId: string, source: string, target: string): string {
  const from = segments(source);
  const to = segments(target);
  if (!source) return `.${target}`;
  const parent = from.slice(0, -1);
  if (to.length > parent.length && parent.every((part, i) => to[i] === part))
    return to.slice(parent.length).join('.');
  return `#${machineId}.${target}`;
}

export type StateReference =
  | {
      kind: 'target';
      /** The transition holding it: the state it leaves from and its trigger. */
      source: string;
      trigger: string;
      /** The transition's place in the document (removed with the state). */
      transitionPath: YamlPath;
      valuePath: YamlPath;
      value: string;
    }
  | { kind: 'initial'; parent: string; valuePath: YamlPath; value: string }
  | {
      kind: 'guard';
      source: string;
      trigger: string;
      transitionPath: YamlPath;
      valuePath: YamlPath;
      value: string;
    }
  | { kind: 'criterion'; label: string; criterionPath: YamlPath; valuePath: YamlPath; value: string }
  | { kind: 'substance'; valuePath: YamlPath; value: string };

function guardStates(
  guard: unknown,
  path: YamlPath,
  found: (valuePath: YamlPath, value: string) => void,
): void {
  if (!isPlain(guard) || !isPlain(guard['params'])) return;
  const params = guard['params'];
  if (typeof params['state'] === 'string') found([...path, 'params', 'state'], params['state']);
  if (Array.isArray(params['of']))
    params['of'].forEach((g, i) => guardStates(g, [...path, 'params', 'of', i], found));
  if (params['guard'] !== undefined) guardStates(params['guard'], [...path, 'params', 'guard'], found);
}

/** The key as the document holds it: a delay written `20000` is a number there, `"20000"` a string. */
export function keyIn(doc: Document, mapPath: YamlPath, key: string): string | number {
  const map = doc.getIn(mapPath, true);
  if (!isMap(map)) return key;
  for (const pair of map.items) {
    const held = (pair.key as { value?: unknown } | null)?.value ?? pair.key;
    if (String(held) === key) return typeof held === 'number' ? held : key;
  }
  return key;
}

/** Every reference to a state in the document: what a rename rewrites and a deletion removes. */
export function allStateReferences(doc: Document): StateReference[] {
  const js = doc.toJS() as Plain;
  const machine = isPlain(js['machine']) ? js['machine'] : {};
  const machineId = String(machine['id'] ?? '');
  const refs: StateReference[] = [];
  for (const [path, node] of statesOf(machine)) {
    const at = stateDocPath(path);
    if (typeof node['initial'] === 'string') {
      const child = path ? `${path}.${node['initial']}` : node['initial'];
      refs.push({ kind: 'initial', parent: path, valuePath: [...at, 'initial'], value: child });
    }
    const triggers: [string, unknown, YamlPath][] = [];
    for (const key of ['on', 'after'] as const) {
      const table = node[key];
      if (isPlain(table))
        for (const [trigger, config] of Object.entries(table))
          triggers.push([
            key === 'after' ? `after ${trigger}` : trigger,
            config,
            [...at, key, keyIn(doc, [...at, key], trigger)],
          ]);
    }
    if (node['always'] !== undefined) triggers.push(['always', node['always'], [...at, 'always']]);
    for (const [trigger, config, configPath] of triggers) {
      const items: [unknown, YamlPath][] = Array.isArray(config)
        ? config.map((item, i) => [item, [...configPath, i]])
        : [[config, configPath]];
      for (const [item, itemPath] of items) {
        const targets: [string, YamlPath][] = [];
        if (typeof item === 'string') targets.push([item, itemPath]);
        else if (isPlain(item)) {
          const target = item['target'];
          if (typeof target === 'string') targets.push([target, [...itemPath, 'target']]);
          if (Array.isArray(target))
            target.forEach((t, i) => typeof t === 'string' && targets.push([t, [...itemPath, 'target', i]]));
          guardStates(item['guard'], [...itemPath, 'guard'], (valuePath, value) =>
            refs.push({ kind: 'guard', source: path, trigger, transitionPath: itemPath, valuePath, value }),
          );
        }
        for (const [target, valuePath] of targets)
          refs.push({
            kind: 'target',
            source: path,
            trigger,
            transitionPath: itemPath,
            valuePath,
            value: resolveTarget(machineId, path, target),
          });
      }
    }
  }
  const rubric = js['rubric'];
  if (Array.isArray(rubric))
    rubric.forEach((competency, c) => {
      if (!isPlain(competency) || !Array.isArray(competency['criteria'])) return;
      competency['criteria'].forEach((criterion, k) => {
        if (!isPlain(criterion) || !isPlain(criterion['auto'])) return;
        const criterionPath = ['rubric', c, 'criteria', k];
        for (const key of ['state', 'notState'])
          if (typeof criterion['auto'][key] === 'string')
            refs.push({
              kind: 'criterion',
              label: String(criterion['label'] ?? ''),
              criterionPath,
              valuePath: [...criterionPath, 'auto', key],
              value: criterion['auto'][key],
            });
      });
    });
  const substance = js['substance'];
  if (isPlain(substance) && Array.isArray(substance['reached']))
    substance['reached'].forEach((value, i) => {
      if (typeof value === 'string')
        refs.push({ kind: 'substance', valuePath: ['substance', 'reached', i], value });
    });
  return refs;
}

/**
 * What refers to `state` (or a state inside it) from outside it: listed to the author before a
 * deletion. A transition inside the deleted state goes with it and is not listed.
 */
export function stateReferences(doc: Document, state: string): StateReference[] {
  return allStateReferences(doc).filter((ref) => {
    if (!within(ref.value, state)) return false;
    if (ref.kind === 'target' || ref.kind === 'guard') return !within(ref.source, state);
    if (ref.kind === 'initial') return !within(ref.parent, state);
    return true;
  });
}

/**
 * Adds a state under `parent` ('' for the root); the parent's first state becomes its `initial`.
 * With `regions`, a parallel state (`type: parallel`): each region a state of its own, all active
 * together; a state added inside a region later becomes that region's `initial`.
 */
export function addState(
  doc: Document,
  parent: string,
  name: string,
  options: {
    label?: string | undefined;
    final?: boolean | undefined;
    regions?: { name: string; label: string }[] | undefined;
  } = {},
): string {
  const parentPath = stateDocPath(parent);
  const value: Plain = {};
  if (options.label) value['label'] = options.label;
  if (options.regions?.length) {
    value['type'] = 'parallel';
    value['states'] = Object.fromEntries(options.regions.map((r) => [r.name, { label: r.label }]));
  } else if (options.final) value['type'] = 'final';
  const hadStates = isMap(doc.getIn([...parentPath, 'states'], true));
  addEntry(doc, [...parentPath, 'states'], name, value);
  if (
    !hadStates &&
    !doc.hasIn([...parentPath, 'initial']) &&
    doc.getIn([...parentPath, 'type']) !== 'parallel'
  )
    doc.setIn([...parentPath, 'initial'], name);
  return parent ? `${parent}.${name}` : name;
}

/**
 * The first candidate on `trigger` of `source` written without a guard: it always wins, so a
 * candidate written after it never fires (the engine's lint says so too).
 */
export function unguardedTransition(
  machine: Plain,
  source: string,
  trigger: Trigger,
): { targets: string[] } | null {
  const node = statesOf(machine).get(source);
  if (!node) return null;
  const table = (key: string, name: string): unknown => {
    const value = node[key];
    return isPlain(value) ? value[name] : undefined;
  };
  const config =
    trigger.kind === 'event'
      ? table('on', trigger.event)
      : trigger.kind === 'after'
        ? table('after', String(Math.round(trigger.ms)))
        : node['always'];
  if (config === undefined) return null;
  const machineId = String(machine['id'] ?? '');
  for (const item of Array.isArray(config) ? (config as unknown[]) : [config]) {
    if (isPlain(item) && item['guard'] !== undefined) continue;
    const written = typeof item === 'string' ? item : isPlain(item) ? item['target'] : undefined;
    const list = (Array.isArray(written) ? (written as unknown[]) : [written]).filter(
      (t): t is string => typeof t === 'string',
    );
    return { targets: list.map((t) => resolveTarget(machineId, source, t)) };
  }
  return null;
}

/**
 * The key of a delay in the `after` mapping at `afterPath`: as it is written there when it is
 * (a number, or a quoted string), a number otherwise (`20000:`, as the library writes it; a
 * string key beside a number one would be the same delay twice once read).
 */
function delayKey(doc: Document, afterPath: YamlPath, ms: number): string | number {
  const held = keyIn(doc, afterPath, String(Math.round(ms)));
  return doc.hasIn([...afterPath, held]) ? held : Math.round(ms);
}

/**
 * Adds a transition. A second one on the same trigger becomes a candidate: tried after the
 * others, except that one with a guard goes before the first unguarded candidate (which always
 * wins, so nothing after it could fire); `replace` puts it in that candidate's place.
 */
export function addTransition(doc: Document, transition: NewTransition): void {
  const machineId = String(machineOf(doc)['id'] ?? '');
  const at = stateDocPath(transition.source);
  const target =
    transition.target === null ? undefined : targetFrom(machineId, transition.source, transition.target);
  const object: Plain = {};
  if (target !== undefined) object['target'] = target;
  // After the target, as the library writes a repeating timer.
  if (transition.reenter) object['reenter'] = true;
  if (transition.guard) object['guard'] = transition.guard;
  if (transition.actions?.length)
    object['actions'] = transition.actions.length === 1 ? transition.actions[0] : transition.actions;
  const value: unknown = Object.keys(object).length === 1 && target !== undefined ? target : object;
  const path: YamlPath =
    transition.trigger.kind === 'event'
      ? [...at, 'on', transition.trigger.event]
      : transition.trigger.kind === 'after'
        ? [...at, 'after', delayKey(doc, [...at, 'after'], transition.trigger.ms)]
        : [...at, 'always'];
  const existing = doc.getIn(path, true);
  if (existing === undefined) {
    const key = path.at(-1);
    if (path.length - at.length === 2 && key !== undefined) addEntry(doc, path.slice(0, -1), key, value);
    else doc.setIn(path, value);
    return;
  }
  const items: unknown[] = isSeq(existing) ? existing.items : [existing];
  const first = items.findIndex((item) => !(isMap(item) && item.has('guard')));
  if (transition.replace && first >= 0) {
    if (isSeq(existing)) existing.items[first] = doc.createNode(value);
    else doc.setIn(path, value);
    return;
  }
  const place = transition.guard && first >= 0 ? first : items.length;
  if (isSeq(existing)) {
    existing.items.splice(place, 0, doc.createNode(value));
    return;
  }
  const list = new YAMLSeq();
  list.items.push(existing);
  list.items.splice(place, 0, doc.createNode(value));
  doc.setIn(path, list);
}

/** `value` with the state `from` (a dot path) renamed `name`, when it is or is inside it. */
function renamedPath(value: string, from: string, name: string): string {
  if (!within(value, from)) return value;
  return [...segments(from).slice(0, -1), name, value.slice(from.length + 1)].filter(Boolean).join('.');
}

/** Renames a state and rewrites every reference to it (or to a state inside it). */
export function renameState(doc: Document, state: string, name: string): string {
  const parts = segments(state);
  const old = parts.at(-1);
  if (old === undefined) return state;
  const depth = parts.length - 1;
  for (const ref of allStateReferences(doc)) {
    if (!within(ref.value, state)) continue;
    if (ref.kind === 'target') {
      const written = String(doc.getIn(ref.valuePath));
      // Which segment of the written target is the renamed state depends on how it is written.
      const from = segments(ref.source);
      const [prefix, body] = written.startsWith('#')
        ? [`${written.split('.')[0]}.`, written.split('.').slice(1)]
        : written.startsWith('.')
          ? ['.', written.slice(1).split('.')]
          : ['', written.split('.')];
      const offset = written.startsWith('#') ? 0 : written.startsWith('.') ? from.length : from.length - 1;
      const k = depth - offset;
      if (k >= 0 && k < body.length && body[k] === old) {
        body[k] = name;
        setScalar(doc, ref.valuePath, prefix + body.join('.'));
      }
    } else if (ref.kind === 'initial') {
      if (ref.value === state) setScalar(doc, ref.valuePath, name);
    } else setScalar(doc, ref.valuePath, renamedPath(ref.value, state, name));
  }
  const parentStates = doc.getIn([...stateDocPath(parts.slice(0, -1).join('.')), 'states'], true);
  if (isMap(parentStates)) {
    const pair = parentStates.items.find(
      (p) => String((p.key as { value?: unknown }).value ?? p.key) === old,
    );
    if (pair) {
      const key = pair.key as { value?: unknown } | null;
      if (key && typeof key === 'object' && 'value' in key) key.value = name;
      else pair.key = doc.createNode(name);
    }
  }
  return [...parts.slice(0, -1), name].join('.');
}

function setScalar(doc: Document, path: YamlPath, value: string): void {
  const node = doc.getIn(path, true);
  if (node && typeof node === 'object' && 'value' in node && !isMap(node) && !isSeq(node))
    (node as { value: unknown }).value = value;
  else doc.setIn(path, value);
}

/** Document order of two paths (numbers as numbers), the shorter first when one holds the other. */
export const comparePaths = (a: YamlPath, b: YamlPath): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
};

/**
 * Deletes a state and what referred to it: the transitions leading to it (or whose guard names
 * it), the rubric criteria and `substance` entries naming it; a parent whose `initial` it was
 * starts in its next state. Returns the references removed.
 */
export function deleteState(doc: Document, state: string): StateReference[] {
  const refs = stateReferences(doc, state);
  const parts = segments(state);
  const parent = parts.slice(0, -1).join('.');
  const removals: YamlPath[] = [];
  for (const ref of refs) {
    if (ref.kind === 'target' || ref.kind === 'guard') removals.push(ref.transitionPath);
    else if (ref.kind === 'criterion') removals.push(ref.criterionPath);
    else if (ref.kind === 'substance') removals.push(ref.valuePath);
  }
  removals.push(stateDocPath(state));
  // Later items first, so the indexes of the earlier ones still hold; one path once.
  const unique = [...new Map(removals.map((p) => [JSON.stringify(p), p])).values()].sort((a, b) =>
    comparePaths(b, a),
  );
  for (const path of unique) {
    if (!doc.hasIn(path)) continue;
    removeAt(doc, path, true);
    // A trigger left with one candidate or none, a competency with no criterion, the rubric empty.
    const container = path.slice(0, -1);
    if (container.at(-1) === 'criteria') {
      const criteria = doc.getIn(container, true);
      if (!isSeq(criteria)) removeAt(doc, container.slice(0, -1), true);
    }
    const list = doc.getIn(container, true);
    if (isSeq(list) && typeof path.at(-1) === 'number' && list.items.length === 0)
      removeAt(doc, container, true);
  }
  const initialPath = [...stateDocPath(parent), 'initial'];
  if (doc.getIn(initialPath) === parts.at(-1)) {
    const siblings = doc.getIn([...stateDocPath(parent), 'states'], true);
    const next = isMap(siblings) ? siblings.items[0] : undefined;
    if (next) setScalar(doc, initialPath, String((next.key as { value?: unknown }).value ?? next.key));
    else doc.deleteIn(initialPath);
  }
  return refs;
}

export interface OutgoingTransition {
  /** As `allStateReferences` names it: `reformuler`, `after 20000`, `always`. */
  trigger: string;
  /** The states it leads to (dot paths); empty for a reaction that stays. */
  targets: string[];
  /** Its place in the document: what « Supprimer » removes. */
  path: YamlPath;
}

/** The transitions written on a state, each candidate on its own, in document order. */
export function transitionsFrom(doc: Document, state: string): OutgoingTransition[] {
  const machine = machineOf(doc);
  const machineId = String(machine['id'] ?? '');
  const node = statesOf(machine).get(state);
  if (!node) return [];
  const at = stateDocPath(state);
  const out: OutgoingTransition[] = [];
  const add = (trigger: string, config: unknown, configPath: YamlPath) => {
    const items: [unknown, YamlPath][] = Array.isArray(config)
      ? config.map((item, i) => [item, [...configPath, i]])
      : [[config, configPath]];
    for (const [item, path] of items) {
      const written = typeof item === 'string' ? item : isPlain(item) ? item['target'] : undefined;
      const list = (Array.isArray(written) ? written : [written]).filter(
        (t): t is string => typeof t === 'string',
      );
      out.push({ trigger, targets: list.map((t) => resolveTarget(machineId, state, t)), path });
    }
  };
  for (const key of ['on', 'after'] as const) {
    const table = node[key];
    if (isPlain(table))
      for (const [trigger, config] of Object.entries(table))
        add(key === 'after' ? `after ${trigger}` : trigger, config, [
          ...at,
          key,
          keyIn(doc, [...at, key], trigger),
        ]);
  }
  if (node['always'] !== undefined) add('always', node['always'], [...at, 'always']);
  return out;
}

/**
 * Where a new action goes among `actions`: before the first `end`. The engine ignores what follows
 * `end` in the same step, so an action added after « Terminer l'appel » would never run (a
 * closing line added to a final state was never said, and nothing told the author).
 */
export function actionPlace(actions: readonly unknown[]): number {
  const end = actions.findIndex((action) => isPlain(action) && action['type'] === 'end');
  return end < 0 ? actions.length : end;
}

/** `actions` with `action` added at its place (`actionPlace`). */
export function withAction<T>(actions: readonly T[], action: T): T[] {
  const at = actionPlace(actions);
  return [...actions.slice(0, at), action, ...actions.slice(at)];
}

/** Adds `action` to what `state` does on entering, at its place (`actionPlace`): before its `end`. */
export function addEntryAction(doc: Document, state: string, action: Plain): void {
  const path = [...stateDocPath(state), 'entry'];
  const current = doc.getIn(path, true);
  if (current === undefined) {
    doc.setIn(path, doc.createNode([action], { flow: false }));
    return;
  }
  if (isSeq(current)) {
    current.items.splice(
      actionPlace(current.toJSON() as unknown[]),
      0,
      doc.createNode(action, { flow: true }),
    );
    return;
  }
  // One action written alone (`entry: { type: end, … }`): a list of two, in their order.
  const alone = (isMap(current) ? current.toJSON() : current) as unknown;
  doc.setIn(path, doc.createNode(actionPlace([alone]) === 0 ? [action, current] : [current, action]));
}

/** Points the transition written at `path` on `source` to `target` (a dot path), keeping the rest. */
export function retargetTransition(doc: Document, source: string, path: YamlPath, target: string): void {
  const written = targetFrom(String(machineOf(doc)['id'] ?? ''), source, target);
  const node = doc.getIn(path, true);
  if (isMap(node)) node.set('target', written);
  else doc.setIn(path, written);
}

export interface WrittenTransition {
  trigger: Trigger;
  /** Dot path of its one target, or null for a reaction that stays. */
  target: string | null;
  /** More than one target (a parallel state's regions): the form cannot edit it. */
  targets: string[];
  /** Written `reenter: true` (with its own state as target and a delay: a repeating timer). */
  reenter: boolean;
  guard?: Plain | undefined;
  actions: Plain[];
}

/** The trigger of the transition written at `path` on `source` (from its place in the document). */
export function triggerAt(source: string, path: YamlPath): Trigger | null {
  const at = stateDocPath(source).length;
  const key = path[at];
  if (key === 'always') return { kind: 'always' };
  if (key === 'on' && path[at + 1] !== undefined) return { kind: 'event', event: String(path[at + 1]) };
  if (key === 'after' && path[at + 1] !== undefined) return { kind: 'after', ms: Number(path[at + 1]) };
  return null;
}

/** A node written with an alias (`*refus`), or holding one: the forms leave it to the text. */
function holdsAlias(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (!isMap(node) && !isSeq(node)) return false;
  let found = false;
  visit(node, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** The transition written at `path` on `source`, read for the form that edits it in place; null when it holds an alias. */
export function readTransition(doc: Document, source: string, path: YamlPath): WrittenTransition | null {
  const trigger = triggerAt(source, path);
  const node = doc.getIn(path, true) as { toJSON?: () => unknown } | undefined;
  if (!trigger || node === undefined || holdsAlias(node)) return null;
  const item: unknown =
    typeof node === 'object' && node !== null && 'toJSON' in node ? node.toJSON?.() : node;
  const machineId = String(machineOf(doc)['id'] ?? '');
  const written = typeof item === 'string' ? item : isPlain(item) ? item['target'] : undefined;
  const targets = (Array.isArray(written) ? (written as unknown[]) : [written])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => resolveTarget(machineId, source, t));
  const actions = isPlain(item) ? item['actions'] : undefined;
  return {
    trigger,
    target: targets[0] ?? null,
    targets,
    reenter: isPlain(item) && item['reenter'] === true,
    guard: isPlain(item) && isPlain(item['guard']) ? item['guard'] : undefined,
    actions: (Array.isArray(actions) ? actions : actions === undefined ? [] : [actions]).filter(isPlain),
  };
}

const sameTrigger = (a: Trigger, b: Trigger): boolean =>
  a.kind === b.kind &&
  (a.kind !== 'event' || a.event === (b as typeof a).event) &&
  (a.kind !== 'after' || Math.round(a.ms) === Math.round((b as typeof a).ms));

/**
 * Writes `next` over the transition at `path` on its source. On the same trigger it stays in its
 * place among the candidates: its own keys are set (others such as `description` or `reenter`,
 * their order and comments kept). On another trigger it leaves its place and is added there.
 */
export function updateTransition(doc: Document, path: YamlPath, next: NewTransition): void {
  const before = triggerAt(next.source, path);
  if (!before || !sameTrigger(before, next.trigger)) {
    removeTransitionAt(doc, path);
    addTransition(doc, { ...next, replace: false });
    return;
  }
  const machineId = String(machineOf(doc)['id'] ?? '');
  // A target already written for the same state keeps its form (`.en_ligne` stays so).
  const node0 = doc.getIn(path, true);
  const heldTarget = isMap(node0) ? node0.get('target') : (node0 as { value?: unknown } | undefined)?.value;
  const target =
    next.target === null
      ? undefined
      : typeof heldTarget === 'string' && resolveTarget(machineId, next.source, heldTarget) === next.target
        ? heldTarget
        : targetFrom(machineId, next.source, next.target);
  const actions = next.actions?.length
    ? next.actions.length === 1
      ? next.actions[0]
      : next.actions
    : undefined;
  const node = doc.getIn(path, true);
  if (isMap(node)) {
    const held = (key: string): unknown => {
      const value = node.get(key, true);
      return isMap(value) || isSeq(value)
        ? value.toJSON()
        : (value as { value?: unknown } | undefined)?.value;
    };
    if (target === undefined) node.delete('target');
    else if (held('target') !== target) setScalar(doc, [...path, 'target'], target);
    if (next.reenter === false) node.delete('reenter');
    else if (next.reenter && held('reenter') !== true) {
      // Right after the target, where the library writes it.
      node.delete('reenter');
      const place = node.items.findIndex(
        (pair) => String((pair.key as { value?: unknown }).value ?? pair.key) === 'target',
      );
      node.items.splice(place + 1, 0, doc.createPair('reenter', true));
    }
    if (!next.guard) node.delete('guard');
    else if (JSON.stringify(held('guard')) !== JSON.stringify(next.guard))
      node.set('guard', doc.createNode(next.guard, { flow: JSON.stringify(next.guard).length < 90 }));
    const list = next.actions ?? [];
    const before = held('actions');
    if (list.length === 0) node.delete('actions');
    else if (
      JSON.stringify(Array.isArray(before) ? before : before === undefined ? [] : [before]) !==
      JSON.stringify(list)
    ) {
      // Written as the library writes them: one action a line, each on one line.
      const written = isSeq(node.get('actions', true)) || list.length > 1;
      node.set('actions', written ? actionList(doc, list) : doc.createNode(list[0], { flow: true }));
    }
    return;
  }
  // A target written alone: it stays so while it is only a target.
  if (target !== undefined && !next.guard && !actions && !next.reenter) {
    setScalar(doc, path, target);
    return;
  }
  const object: Plain = {};
  if (target !== undefined) object['target'] = target;
  if (next.reenter) object['reenter'] = true;
  if (next.guard) object['guard'] = next.guard;
  if (actions) object['actions'] = actions;
  doc.setIn(path, doc.createNode(object));
}

/** A block list of actions, each a one-line mapping. */
function actionList(doc: Document, actions: Plain[]): YAMLSeq {
  const list = new YAMLSeq();
  for (const action of actions) list.items.push(doc.createNode(action, { flow: true }));
  return list;
}

/** Removes the transition at `path`; a trigger left with no candidate goes, then `on`/`after`. */
export function removeTransitionAt(doc: Document, path: YamlPath): void {
  doc.deleteIn(path);
  // Upwards through the transition's own containers only: a state left empty stays.
  let at = path.slice(0, -1);
  while (at.length > 0) {
    const container = doc.getIn(at, true);
    const key = at.at(-1);
    const holder = at.at(-2);
    const own =
      typeof path.at(-1) === 'number' ||
      key === 'on' ||
      key === 'after' ||
      key === 'always' ||
      holder === 'on' ||
      holder === 'after';
    if (!own || !(isMap(container) || isSeq(container)) || container.items.length > 0) return;
    doc.deleteIn(at);
    at = at.slice(0, -1);
    if (key === 'on' || key === 'after' || key === 'always') return;
  }
}
