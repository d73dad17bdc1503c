// The scenario's transitions as a flat list with stable ids (the ids the compiled machine carries
// in `meta.transition`), and a static reachability of its states: the ground for lint, the graph
// and coverage. Static means guards are ignored: "reachable" is "reachable if guards allow".
import { transitionId } from './compile.js';
import type { IssuePath } from './issues.js';
import { collectStates, resolveTarget, toArray, transitionList, type StateInfo } from './references.js';
import type { ActionConfig, GuardConfig, Scenario } from './schema.js';

export interface TransitionInfo {
  id: string;
  /** Source state path ('' for the root). */
  source: string;
  kind: 'on' | 'after' | 'always';
  /** The event (move, inject, `say`, `hangup`) of an `on` transition. */
  event?: string;
  /** The delay in ms of an `after` transition. */
  delay?: number;
  index: number;
  /** Resolved target paths (none for a targetless transition). */
  targets: string[];
  guard?: GuardConfig;
  actions: ActionConfig[];
  reenter: boolean;
  docPath: IssuePath;
}

export function listTransitions(
  scenario: Scenario,
  states = collectStates(scenario.machine),
): TransitionInfo[] {
  const out: TransitionInfo[] = [];
  for (const [key, { path, node, docPath }] of states) {
    const add = (
      kind: TransitionInfo['kind'],
      trigger: string,
      config: Parameters<typeof transitionList>[0],
      at: IssuePath,
      extra: { event?: string; delay?: number },
    ) => {
      transitionList(config, at).forEach(({ transition, docPath: tPath }, index) => {
        const targets = toArray(transition.target).flatMap((target) => {
          const resolved = resolveTarget(scenario.machine.id, states, path, target);
          return 'path' in resolved ? [resolved.path] : [];
        });
        out.push({
          id: transitionId(key, trigger, index),
          source: key,
          kind,
          ...extra,
          index,
          targets,
          ...(transition.guard ? { guard: transition.guard } : {}),
          actions: toArray(transition.actions),
          reenter: transition.reenter ?? false,
          docPath: tPath,
        });
      });
    };
    for (const [event, config] of Object.entries(node.on ?? {}))
      add('on', event, config, [...docPath, 'on', event], { event });
    for (const [delay, config] of Object.entries(node.after ?? {}))
      add('after', `after ${delay}`, config, [...docPath, 'after', delay], { delay: Number(delay) });
    add('always', 'always', node.always, [...docPath, 'always'], {});
  }
  return out;
}

/**
 * What entering `target` makes active: its ancestors, itself, and its initial (or parallel)
 * descendants. A history state stands for its default: its `target` (a path below its parent), else
 * what entering the parent enters; where it may lead back to was entered before, so is counted.
 */
export function activatedBy(states: Map<string, StateInfo>, target: string): string[] {
  const history = states.get(target)?.node;
  if (history?.type === 'history') {
    const parent = parentKey(target);
    const fallback =
      history.target === undefined
        ? parent
        : [...(parent === '' ? [] : [parent]), ...history.target.split('.')].join('.');
    return [target, ...(states.has(fallback) ? activatedBy(states, fallback) : [])];
  }
  const out: string[] = [];
  const parts = target === '' ? [] : target.split('.');
  for (let i = 0; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  const down = (key: string): void => {
    const node = states.get(key)?.node;
    if (!node?.states) return;
    const children = node.type === 'parallel' ? Object.keys(node.states) : node.initial ? [node.initial] : [];
    for (const child of children) {
      const childKey = key ? `${key}.${child}` : child;
      out.push(childKey);
      down(childKey);
    }
  };
  down(target);
  return out;
}

/**
 * States that can become active, ignoring guards: the initial configuration, then whatever a
 * transition from an active state enters. An over-approximation (regions are not paired), so
 * what it leaves out is certainly unreachable.
 */
/** The transitions grouped by the state they leave, each group in the document's order. */
export function transitionsBySource(transitions: readonly TransitionInfo[]): Map<string, TransitionInfo[]> {
  const bySource = new Map<string, TransitionInfo[]>();
  for (const t of transitions) {
    const list = bySource.get(t.source);
    if (list) list.push(t);
    else bySource.set(t.source, [t]);
  }
  return bySource;
}

export function reachableStates(
  scenario: Scenario,
  states = collectStates(scenario.machine),
  transitions = listTransitions(scenario, states),
): Set<string> {
  // A work list over states, each visited once: a fixed point over every transition would be
  // quadratic on a chain of states written in reverse order.
  const bySource = transitionsBySource(transitions);
  const reached = new Set<string>();
  const queue: string[] = [];
  // What entering a target activates is the same each time: each target is entered once.
  const entered = new Set<string>();
  const enter = (target: string): void => {
    if (entered.has(target)) return;
    entered.add(target);
    for (const s of activatedBy(states, target)) {
      if (reached.has(s)) continue;
      reached.add(s);
      queue.push(s);
    }
  };
  enter('');
  for (let i = 0; i < queue.length; i++) {
    for (const t of bySource.get(queue[i] as string) ?? []) t.targets.forEach(enter);
  }
  return reached;
}

/** Whether `inner` is `outer` or one of its descendants ('' contains everything). */
export function isWithin(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`);
}

/** The key of a state's parent (`''`, the machine's root, for a top-level state). */
export function parentKey(key: string): string {
  return key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
}

/** A state's key, its ancestors' up to the root's `''`, innermost first. */
export function ancestorKeys(key: string): string[] {
  const out: string[] = [];
  for (let k = key; k !== ''; k = parentKey(k)) out.push(k);
  out.push('');
  return out;
}

/** The innermost state holding both keys (`''`: the root). */
export function commonAncestor(a: string, b: string): string {
  const x = a.split('.');
  const y = b.split('.');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join('.');
}
