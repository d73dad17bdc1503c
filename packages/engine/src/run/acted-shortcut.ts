// `acted` without a macrostep, where XState's would change nothing but the silence timers.
//
// The run sends `acted` after every move and every sentence. In most states nothing takes it; in a
// state that restarts a silence timer on it (`acted: .en_ligne`, or a leaf's `acted` re-entering
// itself), XState exits and enters that leaf: its exit cancels the leaf's `after` timers, its entry
// records the visit (already recorded) and schedules them again. That macrostep was ~half of a
// one-hour replay's time (exit and entry sets, sets and arrays, a snapshot's checks) for two calls
// to the actor system's scheduler.
//
// The plan below is what XState would do with `acted` in one configuration, read from the machine's
// state nodes (SCXML's microstep as XState v5 runs it: the nearest active state with a candidate
// takes the event; a transition from a state to its only active child, or a `reenter` self
// transition of an atomic state, exits and enters exactly that leaf; an `after` delay is an entry
// `raise(event, { id, delay })` and an exit `cancel(id)` on the leaf, docs: "the timer starts when
// the state is entered and is canceled when the state is exited"):
//   - `ignore`: no active state takes `acted`;
//   - `restart`: the one transition re-enters one atomic leaf with no effect of its own but its
//     timers (no actions, no exit actions, no invoke, the visit already recorded);
//   - `send`: anything else (guards on `acted`, actions, parallel regions, deeper targets…): XState.
// Both shortcuts also need what XState checks after the event: no eventless (`always`) transition
// of an active state enabled with the unchanged context and the `acted` event. Their guards are
// evaluated at each use (`alwaysGuards`); a guard XState evaluates as a function (`in`) sends.
// Under these conditions XState's macrostep returns the very snapshot it started from and its only
// effects are the scheduler's cancel and schedule calls, in the order `restartTimers` makes them.
import type { AnyActorRef, AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { evaluateGuard, type CallContext } from '../scenario/guards.js';
import type { GuardConfig } from '../scenario/schema.js';

/** One `after` delay of a leaf: what its entry schedules (XState's own event object and id). */
export interface LeafTimer {
  id: string;
  delay: number;
  event: EventObject;
}

export type ActedPlan =
  | { kind: 'send' }
  | { kind: 'ignore'; alwaysGuards: readonly GuardConfig[] }
  | {
      kind: 'restart';
      alwaysGuards: readonly GuardConfig[];
      /** The leaf's dotted path: its visit must be recorded already. */
      leaf: string;
      /** Exit order (the leaf's `cancel`s), then entry order (its `raise`s). */
      cancels: readonly string[];
      timers: readonly LeafTimer[];
    };

type StateNode = AnyStateMachine['root'];

const SEND: ActedPlan = { kind: 'send' };

/**
 * The plans already read, per machine and configuration (its state value as JSON) and event: a
 * plan reads the machine's state nodes and the configuration alone, so every run of a compiled
 * scenario shares them (read-only) rather than holding its own (~0.7 KB per run).
 */
const plans = new WeakMap<AnyStateMachine, Map<string, ActedPlan>>();

/** `actedPlan`, read once per machine, configuration and event (see `plans`). */
export function sharedActedPlan(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  acted: string,
): ActedPlan {
  let byConfiguration = plans.get(machine);
  if (!byConfiguration) plans.set(machine, (byConfiguration = new Map()));
  const key = `${acted}|${JSON.stringify(snapshot.value)}`;
  let plan = byConfiguration.get(key);
  if (!plan) byConfiguration.set(key, (plan = actedPlan(machine, snapshot, acted)));
  return plan;
}

/** What sending `acted` in the configuration of `snapshot` would do (see the file's comment). */
export function actedPlan(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, acted: string): ActedPlan {
  const leaves: StateNode[] = [];
  const active: StateNode[] = [machine.root];
  collectActive(machine.root, snapshot.value, active, leaves);
  if (leaves.length === 0) return SEND;

  const alwaysGuards: GuardConfig[] = [];
  for (const node of active) {
    for (const transition of node.always ?? []) {
      const guard: unknown = transition.guard;
      // Unguarded, or read by XState as a function (`in`, `and`/`or`/`not` around one): XState decides.
      if (guard === undefined || typeof guard !== 'object' || guard === null) return SEND;
      alwaysGuards.push(guard as GuardConfig);
    }
  }

  const takers = new Set<StateNode>();
  for (const leaf of leaves) {
    for (let node: StateNode | undefined = leaf; node; node = node.parent) {
      if ((node.transitions.get(acted)?.length ?? 0) > 0) {
        takers.add(node);
        break;
      }
    }
  }
  if (takers.size === 0) return { kind: 'ignore', alwaysGuards };
  // One taker: in parallel regions, the others found none (a walk from each leaf goes up to the
  // root, past the region where XState stops: more takers than XState's, never fewer).
  if (takers.size !== 1) return SEND;

  const source = [...takers][0]!;
  const transition = source.transitions.get(acted)![0]!;
  const target = transition.target;
  if (transition.guard !== undefined || transition.actions.length > 0) return SEND;
  if (!target || target.length !== 1 || !leaves.includes(target[0]!)) return SEND;
  const leaf = target[0]!;
  const parent = leaf.parent;
  if (!parent || parent.type !== 'compound') return SEND;
  const reentersItself = source === leaf && transition.reenter;
  const entersChild = source === parent && !transition.reenter;
  if (!reentersItself && !entersChild) return SEND;
  if (leaf.type !== 'atomic' || leaf.invoke.length > 0) return SEND;

  // Reading `after` builds the leaf's delayed transitions (and their entry/exit actions) if XState
  // has not yet.
  const after = leaf.after;
  const path = leaf.path.join('.');
  const [visit, ...raises] = leaf.entry as unknown[];
  if (!isVisit(visit, path)) return SEND;
  const timers: LeafTimer[] = [];
  for (const action of raises) {
    const raise = action as { type?: unknown; id?: unknown; delay?: unknown; event?: unknown };
    if (typeof action !== 'function' || raise.type !== 'xstate.raise') return SEND;
    if (typeof raise.id !== 'string' || typeof raise.delay !== 'number') return SEND;
    const event = raise.event as EventObject | undefined;
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return SEND;
    timers.push({ id: raise.id, delay: raise.delay, event });
  }
  const cancels: string[] = [];
  for (const action of leaf.exit as unknown[]) {
    const cancel = action as { type?: unknown; sendId?: unknown };
    if (typeof action !== 'function' || cancel.type !== 'xstate.cancel' || typeof cancel.sendId !== 'string')
      return SEND;
    cancels.push(cancel.sendId);
  }
  // Every timer the entry schedules is one of the leaf's `after` delays, cancelled by its exit.
  if (timers.length !== after.length || cancels.length !== timers.length) return SEND;
  if (!timers.every((timer) => cancels.includes(timer.id))) return SEND;
  return { kind: 'restart', alwaysGuards, leaf: path, cancels, timers };
}

/**
 * Whether the plan holds now: the eventless transitions XState would check after `acted` stay
 * disabled, and a re-entered leaf's visit is recorded already (its `__visit` then does nothing).
 */
export function planHolds(plan: ActedPlan, context: CallContext, event: { type: string }): boolean {
  if (plan.kind === 'send') return false;
  if (plan.kind === 'restart' && !context.visited.includes(plan.leaf)) return false;
  // An indexed loop: no iterator object before the code is optimised (a process's first replay).
  const guards = plan.alwaysGuards;
  for (let i = 0; i < guards.length; i++) {
    try {
      if (evaluateGuard(guards[i]!, context, event)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * A `restart` plan's effects, as XState's exit `cancel`s then entry `raise`s make them through the
 * actor system's scheduler; `scheduled` is told after each timer is set (the run reads the clock
 * handle XState's scheduler just took).
 */
export function restartTimers(
  actor: AnyActorRef,
  plan: Extract<ActedPlan, { kind: 'restart' }>,
  scheduled: (timer: LeafTimer) => void,
): void {
  const scheduler = actor.system.scheduler;
  for (const id of plan.cancels) scheduler.cancel(actor, id);
  for (const timer of plan.timers) {
    scheduler.schedule(actor, actor, timer.event, timer.delay, timer.id);
    scheduled(timer);
  }
}

function isVisit(action: unknown, path: string): boolean {
  if (typeof action !== 'object' || action === null) return false;
  const visit = action as { type?: unknown; params?: { state?: unknown } };
  return visit.type === '__visit' && visit.params?.state === path;
}

/** The active state nodes of a state value (every level), and its leaves. */
function collectActive(node: StateNode, value: unknown, active: StateNode[], leaves: StateNode[]): void {
  if (typeof value === 'string') {
    const child = node.states[value];
    if (!child) return;
    active.push(child);
    // A compound state's value names its active child; a leaf's value is its key.
    leaves.push(child);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    const child = node.states[key];
    if (!child) continue;
    active.push(child);
    collectActive(child, (value as Record<string, unknown>)[key], active, leaves);
  }
}
