// The flags a deletion would leave read but set by nothing. Deleting a move (or an inject, or a
// state) takes the transitions on it, and with them the `flag` actions they held: a condition or
// a criterion still reading that flag then makes the call invalid (« drapeau lu mais jamais posé
// par une action flag »). The studio's delete dialogs name those readers before anything goes.
import type { Document } from 'yaml';
import { statesOf } from './machineEdit.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Where a flag is read: a transition's condition (at any depth), or a rubric criterion. */
export type FlagRead =
  { kind: 'guard'; state: string; trigger: string } | { kind: 'criterion'; label: string };

export interface UnsetFlag {
  flag: string;
  /** Its `label` in `flags:` when it has one. */
  label?: string | undefined;
  /** What still reads it once the deletion is made, in document order. */
  reads: FlagRead[];
}

/** Every transition of the machine with its state and trigger (`after 20000`, `always`). */
function transitionsOf(machine: Plain): { state: string; trigger: string; transition: Plain }[] {
  const out: { state: string; trigger: string; transition: Plain }[] = [];
  for (const [state, node] of statesOf(machine)) {
    const triggers: [string, unknown][] = [];
    for (const key of ['on', 'after'] as const) {
      const map = node[key];
      if (isPlain(map))
        for (const [trigger, config] of Object.entries(map))
          triggers.push([key === 'after' ? `after ${trigger}` : trigger, config]);
    }
    if (node['always'] !== undefined) triggers.push(['always', node['always']]);
    for (const [trigger, config] of triggers)
      for (const item of items(config)) if (isPlain(item)) out.push({ state, trigger, transition: item });
  }
  return out;
}

/** The flags some `flag` action sets: on entering or leaving a state, or by a transition. */
function flagsSet(js: Plain): Set<string> {
  const set = new Set<string>();
  const machine = isPlain(js['machine']) ? js['machine'] : {};
  const actions = (list: unknown) => {
    for (const action of items(list))
      if (isPlain(action) && action['type'] === 'flag' && isPlain(action['params'])) {
        const name = action['params']['name'];
        if (typeof name === 'string') set.add(name);
      }
  };
  for (const node of statesOf(machine).values()) {
    actions(node['entry']);
    actions(node['exit']);
  }
  for (const { transition } of transitionsOf(machine)) actions(transition['actions']);
  return set;
}

/** The flags a condition reads, however nested in `all`, `any` and `not`. */
function guardFlags(guard: unknown, found: (flag: string) => void): void {
  if (!isPlain(guard) || !isPlain(guard['params'])) return;
  const params = guard['params'];
  if (guard['type'] === 'flag' && typeof params['name'] === 'string') found(params['name']);
  for (const part of Array.isArray(params['of']) ? params['of'] : []) guardFlags(part, found);
  if (params['guard'] !== undefined) guardFlags(params['guard'], found);
}

/** Every place reading a flag, by flag. */
function flagReads(js: Plain): Map<string, FlagRead[]> {
  const reads = new Map<string, FlagRead[]>();
  const add = (flag: string, read: FlagRead) => {
    const list = reads.get(flag) ?? [];
    // One line per transition or criterion, even when its condition reads the flag twice.
    if (!list.some((r) => JSON.stringify(r) === JSON.stringify(read))) list.push(read);
    reads.set(flag, list);
  };
  const machine = isPlain(js['machine']) ? js['machine'] : {};
  for (const { state, trigger, transition } of transitionsOf(machine))
    guardFlags(transition['guard'], (flag) => add(flag, { kind: 'guard', state, trigger }));
  for (const competency of Array.isArray(js['rubric']) ? js['rubric'] : []) {
    if (!isPlain(competency)) continue;
    for (const criterion of Array.isArray(competency['criteria']) ? competency['criteria'] : []) {
      if (!isPlain(criterion) || !isPlain(criterion['auto'])) continue;
      const flag = criterion['auto']['flag'];
      if (typeof flag === 'string') add(flag, { kind: 'criterion', label: String(criterion['label'] ?? '') });
    }
  }
  return reads;
}

/**
 * The flags that `change` (a deletion, run here on a copy of `doc`) would leave read by a
 * condition or a criterion while no `flag` action sets them any more. A flag already read and
 * never set before the change is not the change's doing: not listed.
 */
export function flagsLeftUnset(doc: Document, change: (copy: Document) => void): UnsetFlag[] {
  const copy = doc.clone();
  change(copy);
  const before = doc.toJS() as Plain;
  const after = copy.toJS() as Plain;
  const setAfter = flagsSet(after);
  const readAfter = flagReads(after);
  const labels = isPlain(after['flags']) ? after['flags'] : {};
  const out: UnsetFlag[] = [];
  for (const flag of flagsSet(before)) {
    const reads = readAfter.get(flag);
    if (setAfter.has(flag) || !reads) continue;
    const declared = labels[flag];
    const label = isPlain(declared) && typeof declared['label'] === 'string' ? declared['label'] : undefined;
    out.push({ flag, label, reads });
  }
  return out;
}
