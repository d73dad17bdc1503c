// The references to a line, a move or an inject by its id, as a state's are in machineEdit.ts: a
// line said (`say` in entry, exit or a transition's actions), a move or an inject as a transition's
// event, a move counted by a condition (`moveCount`, however nested), rubric criteria on a move
// (`move`, `notMove`) or timed from an inject (`since`). A rename rewrites each one; a deletion
// lists them first, then removes them with the entry so that the call still reads.
import { isMap, isSeq, type Document } from 'yaml';
import type { YamlPath } from './document.js';
import { comparePaths, keyIn, removeTransitionAt, stateDocPath, statesOf } from './machineEdit.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

export type CitedTable = 'lines' | 'moves' | 'injects';

export type TableReference =
  /** A line said on entering or leaving a state, or by a transition. */
  | {
      kind: 'say';
      state: string;
      where: 'entry' | 'exit' | 'transition';
      trigger?: string | undefined;
      /** The action's place; a deletion removes it. */
      actionPath: YamlPath;
      /** The transition holding it, when it is a transition's. */
      transitionPath?: YamlPath | undefined;
    }
  /** A move or an inject as a transition's event: the key `on.<id>`. */
  | { kind: 'event'; state: string; trigger: string; onPath: YamlPath }
  /** A condition counting the move: the transition holding it goes with a deletion. */
  | { kind: 'guard'; state: string; trigger: string; valuePath: YamlPath; transitionPath: YamlPath }
  /** A rubric criterion measured on the move, or timed from the inject. */
  | { kind: 'criterion'; label: string; valuePath: YamlPath; criterionPath: YamlPath };

const toItems = (config: unknown, path: YamlPath): [unknown, YamlPath][] =>
  Array.isArray(config) ? config.map((item, i) => [item, [...path, i]]) : [[config, path]];

function guardMoves(
  guard: unknown,
  path: YamlPath,
  found: (valuePath: YamlPath, move: string) => void,
): void {
  if (!isPlain(guard) || !isPlain(guard['params'])) return;
  const params = guard['params'];
  if (guard['type'] === 'moveCount' && typeof params['move'] === 'string')
    found([...path, 'params', 'move'], params['move']);
  if (Array.isArray(params['of']))
    params['of'].forEach((g, i) => guardMoves(g, [...path, 'params', 'of', i], found));
  if (params['guard'] !== undefined) guardMoves(params['guard'], [...path, 'params', 'guard'], found);
}

/** Every place citing `id` of `table`, in document order. */
export function tableReferences(doc: Document, table: CitedTable, id: string): TableReference[] {
  const js = doc.toJS() as Plain;
  const machine = isPlain(js['machine']) ? js['machine'] : {};
  const refs: TableReference[] = [];
  const says = (actions: unknown, path: YamlPath, found: (actionPath: YamlPath) => void) => {
    if (actions === undefined) return;
    for (const [action, actionPath] of toItems(actions, path))
      if (
        isPlain(action) &&
        action['type'] === 'say' &&
        isPlain(action['params']) &&
        action['params']['line'] === id
      )
        found(actionPath);
  };
  for (const [state, node] of statesOf(machine)) {
    const at = stateDocPath(state);
    if (table === 'lines')
      for (const where of ['entry', 'exit'] as const)
        says(node[where], [...at, where], (actionPath) =>
          refs.push({ kind: 'say', state, where, actionPath }),
        );
    const triggers: [string, unknown, YamlPath][] = [];
    for (const key of ['on', 'after'] as const) {
      const map = node[key];
      if (!isPlain(map)) continue;
      for (const [trigger, config] of Object.entries(map)) {
        const configPath = [...at, key, keyIn(doc, [...at, key], trigger)];
        if (key === 'on' && trigger === id && table !== 'lines')
          refs.push({ kind: 'event', state, trigger, onPath: configPath });
        triggers.push([key === 'after' ? `after ${trigger}` : trigger, config, configPath]);
      }
    }
    if (node['always'] !== undefined) triggers.push(['always', node['always'], [...at, 'always']]);
    for (const [trigger, config, configPath] of triggers)
      for (const [item, transitionPath] of toItems(config, configPath)) {
        if (!isPlain(item)) continue;
        if (table === 'lines')
          says(item['actions'], [...transitionPath, 'actions'], (actionPath) =>
            refs.push({ kind: 'say', state, where: 'transition', trigger, actionPath, transitionPath }),
          );
        if (table === 'moves')
          guardMoves(item['guard'], [...transitionPath, 'guard'], (valuePath, move) => {
            if (move === id) refs.push({ kind: 'guard', state, trigger, valuePath, transitionPath });
          });
      }
  }
  const rubric = js['rubric'];
  if (Array.isArray(rubric) && table !== 'lines')
    rubric.forEach((competency, c) => {
      if (!isPlain(competency) || !Array.isArray(competency['criteria'])) return;
      competency['criteria'].forEach((criterion, k) => {
        if (!isPlain(criterion) || !isPlain(criterion['auto'])) return;
        const auto = criterion['auto'];
        const criterionPath: YamlPath = ['rubric', c, 'criteria', k];
        const label = String(criterion['label'] ?? '');
        if (table === 'moves')
          for (const key of ['move', 'notMove'])
            if (auto[key] === id)
              refs.push({
                kind: 'criterion',
                label,
                valuePath: [...criterionPath, 'auto', key],
                criterionPath,
              });
        if (table === 'injects' && isPlain(auto['since']) && auto['since']['inject'] === id)
          refs.push({
            kind: 'criterion',
            label,
            valuePath: [...criterionPath, 'auto', 'since', 'inject'],
            criterionPath,
          });
      });
    });
  return refs;
}

function setScalar(doc: Document, path: YamlPath, value: string): void {
  const node = doc.getIn(path, true);
  if (node && typeof node === 'object' && 'value' in node && !isMap(node) && !isSeq(node))
    (node as { value: unknown }).value = value;
  else if (node !== undefined) doc.setIn(path, value);
}

/** Renames a key of the mapping at `mapPath` in its place (its value, comments and order kept). */
function renameKey(doc: Document, mapPath: YamlPath, from: string, to: string): void {
  const map = doc.getIn(mapPath, true);
  if (!isMap(map)) return;
  const pair = map.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === from);
  if (!pair) return;
  const key = pair.key as { value?: unknown } | null;
  if (key && typeof key === 'object' && 'value' in key) key.value = to;
  else pair.key = doc.createNode(to);
}

/** Renames the entry `id` of `table` to `next`, and every reference to it. */
export function renameTableEntry(doc: Document, table: CitedTable, id: string, next: string): void {
  const refs = tableReferences(doc, table, id);
  for (const ref of refs) {
    if (ref.kind === 'say') setScalar(doc, [...ref.actionPath, 'params', 'line'], next);
    else if (ref.kind !== 'event') setScalar(doc, ref.valuePath, next);
  }
  // The event keys last: the paths of the values above go through them.
  for (const ref of refs) if (ref.kind === 'event') renameKey(doc, ref.onPath.slice(0, -1), id, next);
  renameKey(doc, [table], id, next);
}

const inside = (path: YamlPath, of: YamlPath) =>
  path.length > of.length && of.every((part, i) => path[i] === part);

/** Removes a criterion; a competency left with none goes, and the rubric when it is left empty. */
function removeCriterion(doc: Document, criterionPath: YamlPath): void {
  doc.deleteIn(criterionPath);
  const criteria = criterionPath.slice(0, -1);
  const list = doc.getIn(criteria, true);
  if (isSeq(list) && list.items.length > 0) return;
  doc.deleteIn(criteria.slice(0, -1));
  const rubric = doc.getIn(['rubric'], true);
  if (isSeq(rubric) && rubric.items.length === 0) doc.deleteIn(['rubric']);
}

/** Removes an action; a list left empty goes, and a transition left doing nothing goes too. */
function removeAction(doc: Document, actionPath: YamlPath, transitionPath: YamlPath | undefined): void {
  doc.deleteIn(actionPath);
  const holder = typeof actionPath.at(-1) === 'number' ? actionPath.slice(0, -1) : actionPath;
  const list = doc.getIn(holder, true);
  if (holder !== actionPath && isSeq(list) && list.items.length === 0) doc.deleteIn(holder);
  if (!transitionPath) return;
  const transition = doc.getIn(transitionPath, true);
  if (isMap(transition) && !transition.has('target') && !transition.has('actions'))
    removeTransitionAt(doc, transitionPath);
}

/**
 * Deletes the entry `id` of `table` and what cites it: the `say` actions of a line (a transition
 * left doing nothing goes), the transitions on a move or an inject or whose condition counts the
 * move, the criteria on it. Returns the references removed.
 */
export function deleteTableEntry(doc: Document, table: CitedTable, id: string): TableReference[] {
  const refs = tableReferences(doc, table, id);
  const removals: { path: YamlPath; run: () => void }[] = refs.map((ref) => {
    switch (ref.kind) {
      case 'say':
        return { path: ref.actionPath, run: () => removeAction(doc, ref.actionPath, ref.transitionPath) };
      case 'event':
        return { path: ref.onPath, run: () => removeTransitionAt(doc, ref.onPath) };
      case 'guard':
        return { path: ref.transitionPath, run: () => removeTransitionAt(doc, ref.transitionPath) };
      case 'criterion':
        return { path: ref.criterionPath, run: () => removeCriterion(doc, ref.criterionPath) };
    }
  });
  // A removal inside another one goes with it; later places first, so earlier indexes still hold.
  const kept = removals.filter((r) => !removals.some((other) => other !== r && inside(r.path, other.path)));
  kept.sort((a, b) => comparePaths(b.path, a.path));
  for (const removal of kept) if (doc.hasIn(removal.path)) removal.run();
  doc.deleteIn([table, id]);
  return refs;
}
