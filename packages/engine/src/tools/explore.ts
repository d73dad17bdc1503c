// Generated play-throughs: a short way to each ending of a scenario, found by exploring the call.
// A node of the search is a session prefix; a step is a move, an inject, `say`, `hangup`, or
// letting time run to the next timer. Steps use XState's pure `machine.transition` on immutable
// snapshots, with the session's timers kept beside the snapshot (what the machine schedules and
// cancels), and the run's rules for endings (`end` actions, a final state, a hang-up). The paths
// found are then played for real, through a CallRun on a manual clock (test-runner.ts): a path
// the model got wrong fails there.
//
// Search: @xstate/graph's `getShortestPaths` over that logic (a `fromTransition` actor logic)
// gives the exact shortest paths when the state space fits in `limit` visits. Beyond, a
// breadth-first search that stops once every ending is reached runs within `budget` expansions,
// then, for endings still missing, a best-first search guided by the static distance (ignoring
// guards) from the active states to a transition that ends the call that way.
import { getShortestPaths } from '@xstate/graph';
import {
  createEmptyActor,
  fromTransition,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type EventObject,
} from 'xstate';
import type { CompiledScenario } from '../scenario/compile.js';
import { ancestry, candidateTransitions } from '../scenario/availability.js';
import { collectStates, toArray } from '../scenario/references.js';
import { ACTED_EVENT, type ActionConfig, type GuardConfig } from '../scenario/schema.js';
import { activatedBy, listTransitions } from '../scenario/transitions.js';
import { evaluateGuard } from '../scenario/guards.js';
import type { TimedInput } from '../run/replay.js';
import type { Input, Outcome } from '../timeline.js';
import type { CallPhase } from '../views/types.js';

export type ExploreEvent =
  | { type: 'pickup' }
  | { type: 'move'; move: string }
  | { type: 'inject'; inject: string }
  | { type: 'say' }
  | { type: 'hangup' }
  | { type: 'timer' };

interface PendingTimer {
  id: string;
  event: EventObject;
  due: number;
  order: number;
}

export interface ExploreNode {
  /** The inputs of the prefix, at their session times. */
  inputs: TimedInput[];
  /** Session time reached (timers due by then have fired). */
  t: number;
  phase: CallPhase;
  ending: string | null;
  outcome: Outcome | null;
  /** Active leaf states. */
  states: string[];
  /** What tells this node apart for the search (what guards and timers can see). */
  key: string;
  /** Computed on expansion (`eventsOf`). */
  events: ExploreEvent[] | undefined;
  depth: number;
  snapshot: AnyMachineSnapshot | undefined;
  timers: PendingTimer[];
}

export interface GeneratedPath {
  ending: string | null;
  outcome: Outcome | null;
  inputs: TimedInput[];
  /** Session time the call ended at (after the last input when a timer ended it). */
  t: number;
  length: number;
  /** Whether it is known to be a shortest path (exhaustive or breadth-first search). */
  shortest: boolean;
}

export interface ExploreOptions {
  seed?: number;
  /** Transitions (edges) @xstate/graph's exhaustive search may follow (default 5000). */
  limit?: number;
  /** Expansions allowed to the breadth-first search, then to each guided search (default 1000). */
  budget?: number;
  /** What `say` sends (its text does not matter to the machine). */
  sayText?: string;
}

export interface ExploreResult {
  /** A path to each ending reached, in the scenario's ending order. */
  paths: GeneratedPath[];
  /** Ending ids no path was found to within the bounds. */
  unreached: string[];
  /** `xstate-graph`: exact shortest paths over the whole space; `bfs`: shortest within the budget; `guided`: some endings found by the guided search (short, not always the shortest). */
  method: 'xstate-graph' | 'bfs' | 'guided';
  explored: number;
  complete: boolean;
}

const SAY_TEXT = '…';

/** Which parts of the context guards can read: the rest does not change what may happen. */
function relevance(compiled: CompiledScenario) {
  const vars = new Set<string>();
  const flags = new Set<string>();
  const visited = new Set<string>();
  const moveCaps = new Map<string, number>();
  let totalCap = -1;
  const walk = (guard: GuardConfig): void => {
    switch (guard.type) {
      case 'compare':
        vars.add(guard.params.variable);
        break;
      case 'flag':
        flags.add(guard.params.name);
        break;
      case 'visited':
        visited.add(guard.params.state);
        break;
      case 'in':
        // The active states are part of every node's key already.
        break;
      case 'moveCount':
        if (guard.params.move === undefined) totalCap = Math.max(totalCap, guard.params.value + 1);
        else
          moveCaps.set(
            guard.params.move,
            Math.max(moveCaps.get(guard.params.move) ?? 0, guard.params.value + 1),
          );
        break;
      case 'all':
      case 'any':
        guard.params.of.forEach(walk);
        break;
      case 'not':
        walk(guard.params.guard);
        break;
    }
  };
  for (const t of listTransitions(compiled.scenario)) if (t.guard) walk(t.guard);
  return {
    vars: [...vars].sort(),
    flags: [...flags].sort(),
    visited: [...visited].sort(),
    moveCaps: [...moveCaps],
    totalCap,
  };
}

function leavesOf(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string): void => {
    if (typeof v === 'string') out.push(prefix ? `${prefix}.${v}` : v);
    else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0 && prefix) out.push(prefix);
      for (const [key, child] of entries) walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(value, '');
  return out;
}

export function createExplorer(compiled: CompiledScenario, options: ExploreOptions = {}) {
  const { scenario, machine } = compiled;
  const seed = options.seed ?? 1;
  const sayText = options.sayText ?? SAY_TEXT;
  const relevant = relevance(compiled);
  const states = collectStates(scenario.machine);
  const handles = (leaves: string[], event: string) => candidateTransitions(states, leaves, event).length > 0;
  const empty = createEmptyActor();
  let executed: { type: string; params?: unknown }[] = [];
  const scope = {
    self: empty,
    logger: () => {},
    id: '',
    sessionId: 'explore',
    defer: () => {},
    system: empty.system,
    stopChild: () => {},
    emit: () => {},
    actionExecutor: (action: { type: string; params?: unknown }) => executed.push(action),
  } as unknown as AnyActorScope;
  let order = 0;

  const finish = (node: ExploreNode, ending: string | null): void => {
    node.phase = 'ended';
    node.ending = ending;
    node.outcome = ending === null ? null : (scenario.endings[ending]?.outcome ?? null);
    node.timers = [];
  };

  /** Applies what a transition asked for: timers set and cancelled, the call ended. */
  const settle = (node: ExploreNode): void => {
    const actions = executed;
    executed = [];
    for (const action of actions) {
      if (action.type === 'xstate.raise') {
        const params = action.params as { event: EventObject; id: string; delay?: number };
        if (params.delay !== undefined)
          node.timers.push({
            id: params.id,
            event: params.event,
            due: node.t + Math.ceil(params.delay),
            order: order++,
          });
      } else if (action.type === 'xstate.cancel') {
        const id = (action.params as { sendId: string }).sendId;
        node.timers = node.timers.filter((timer) => timer.id !== id);
      } else if (action.type === 'end') {
        const ending = (action.params as { ending: string }).ending;
        finish(node, ending);
        break;
      }
    }
    if (node.phase !== 'connected' || !node.snapshot) return;
    if (node.snapshot.status === 'error') finish(node, null);
    else if (node.snapshot.status === 'done') finish(node, scenario.hangupEnding);
  };

  const describe = (node: ExploreNode): ExploreNode => {
    node.timers.sort((a, b) => a.due - b.due || a.order - b.order);
    const snapshot = node.snapshot;
    node.states = snapshot ? leavesOf(snapshot.value) : [];
    const context = snapshot?.context as
      | {
          vars: Record<string, number>;
          flags: Record<string, boolean>;
          visited: string[];
          moveCounts: Record<string, number>;
        }
      | undefined;
    const counts = context?.moveCounts ?? {};
    node.key = JSON.stringify([
      node.phase,
      node.ending,
      node.states,
      relevant.vars.map((v) => context?.vars[v]),
      relevant.flags.map((f) => context?.flags[f] === true),
      relevant.visited.map((s) => context?.visited.includes(s) === true),
      relevant.moveCaps.map(([move, cap]) => Math.min(counts[move] ?? 0, cap)),
      relevant.totalCap < 0
        ? 0
        : Math.min(
            Object.values(counts).reduce((a, b) => a + b, 0),
            relevant.totalCap,
          ),
      node.timers.map((timer) => `${timer.id}@${timer.due - node.t}`),
      // Where each history state would lead back to: two nodes that differ there are not the same.
      Object.entries(
        (snapshot as unknown as { historyValue?: Record<string, { id: string }[]> } | undefined)
          ?.historyValue ?? {},
      ).map(([id, nodes]) => [id, nodes.map((n) => n.id)]),
    ]);
    return node;
  };

  /** What may happen next (computed when the node is expanded, then kept). */
  const eventsOf = (node: ExploreNode): ExploreEvent[] => {
    if (node.events) return node.events;
    const events: ExploreEvent[] = [];
    const snapshot = node.snapshot;
    if (node.phase === 'ringing') events.push({ type: 'pickup' });
    if (node.phase === 'connected' && snapshot) {
      const counts = (snapshot.context as { moveCounts: Record<string, number> }).moveCounts;
      // Only events some active state has a transition for can be accepted.
      const handled = new Set<string>();
      for (const leaf of node.states)
        for (const ancestor of ancestry(leaf))
          for (const event of Object.keys(states.get(ancestor)?.node.on ?? {})) handled.add(event);
      for (const move of compiled.moveIds)
        if (
          handled.has(move) &&
          can(snapshot, { type: move, moveCount: (counts[move] ?? 0) + 1 } as EventObject)
        )
          events.push({ type: 'move', move });
      for (const inject of compiled.injectIds)
        if (handled.has(inject) && can(snapshot, { type: inject })) events.push({ type: 'inject', inject });
      if (handled.has('say') || handled.has(ACTED_EVENT)) events.push({ type: 'say' });
      // Hanging up is always possible: worth trying where the machine reacts to it, and once right
      // after pickup (the plain hang-up ending).
      if (handled.has('hangup') || node.depth === 1) events.push({ type: 'hangup' });
      if (node.timers.length > 0) events.push({ type: 'timer' });
    }
    node.events = events;
    return events;
  };

  const can = (snapshot: AnyMachineSnapshot, event: EventObject): boolean => {
    try {
      return snapshot.status === 'active' && snapshot.can(event);
    } catch {
      return false;
    }
  };

  const send = (node: ExploreNode, event: EventObject): void => {
    executed = [];
    try {
      node.snapshot = machine.transition(node.snapshot!, event, scope) as AnyMachineSnapshot;
    } catch {
      finish(node, null);
      return;
    }
    settle(node);
  };

  const acted = (node: ExploreNode): void => {
    if (node.phase === 'connected' && handles(leavesOf(node.snapshot!.value), ACTED_EVENT))
      send(node, { type: ACTED_EVENT });
  };

  const initial = (): ExploreNode =>
    describe({
      inputs: [],
      t: 0,
      phase: 'ringing',
      ending: null,
      outcome: null,
      states: [],
      key: '',
      events: undefined,
      depth: 0,
      snapshot: undefined,
      timers: [],
    });

  const step = (from: ExploreNode, event: ExploreEvent): ExploreNode => {
    const node: ExploreNode = { ...from, timers: [...from.timers], depth: from.depth + 1, events: undefined };
    if (event.type === 'timer') {
      const [timer, ...rest] = node.timers;
      if (!timer || node.phase !== 'connected') return describe(node);
      node.timers = rest;
      node.t = timer.due;
      send(node, timer.event);
      return describe(node);
    }
    const input: Input =
      event.type === 'move'
        ? { kind: 'move', move: event.move }
        : event.type === 'inject'
          ? { kind: 'inject', inject: event.inject }
          : event.type === 'say'
            ? { kind: 'say', text: sayText }
            : { kind: event.type };
    node.inputs = [...from.inputs, { t: node.t, input }];
    if (event.type === 'pickup') {
      executed = [];
      node.phase = 'connected';
      try {
        node.snapshot = machine.getInitialSnapshot(scope, { seed }) as AnyMachineSnapshot;
      } catch {
        finish(node, null);
        return describe(node);
      }
      settle(node);
    } else if (event.type === 'move') {
      const counts = (node.snapshot?.context as { moveCounts: Record<string, number> }).moveCounts;
      const moveCount = (counts[event.move] ?? 0) + 1;
      // As in the run: the listener acted, then the move itself.
      send(node, { type: event.move, moveCount } as EventObject);
      // As in the run: then the listener acted (unless the move is not heard).
      if (scenario.moves[event.move]?.heard !== false) acted(node);
    } else if (event.type === 'inject') {
      send(node, { type: event.inject });
    } else if (event.type === 'say') {
      send(node, { type: 'say', text: sayText } as EventObject);
      acted(node);
    } else {
      if (handles(node.states, 'hangup')) send(node, { type: 'hangup' });
      if (node.phase === 'connected') finish(node, scenario.hangupEnding);
    }
    return describe(node);
  };

  /**
   * For each ending, an estimate of the steps left from a node: the static distance (guards
   * ignored) from its active states to a transition that ends the call that way, plus how far
   * that transition's guard is from holding (a flag to set, a variable to move by its usual step…).
   */
  const heuristics = (): Map<string, (node: ExploreNode) => number> => {
    const transitions = listTransitions(scenario, states);
    const leaves = [...states.entries()].filter(([, s]) => !s.node.states).map(([key]) => key);
    const endsWith = (actions: ActionConfig | ActionConfig[] | undefined): string[] =>
      toArray(actions).flatMap((a) => (a.type === 'end' ? [a.params.ending] : []));
    const entering = (target: string): string[] =>
      activatedBy(states, target).flatMap((s) => endsWith(states.get(s)?.node.entry));
    const fires = new Map(
      leaves.map((leaf) => [leaf, transitions.filter((t) => ancestry(leaf).includes(t.source))]),
    );
    const leafSet = new Set(leaves);
    // The leaf states each transition can lead to (entering a target enters its initial leaves).
    const successors = new Map(
      transitions.map((t) => [
        t,
        [...new Set(t.targets.flatMap((target) => activatedBy(states, target)))].filter((s) =>
          leafSet.has(s),
        ),
      ]),
    );
    const stepOf = new Map<string, number>();
    for (const t of transitions)
      for (const a of t.actions)
        if (a.type === 'adjust')
          stepOf.set(a.params.variable, Math.max(stepOf.get(a.params.variable) ?? 0, Math.abs(a.params.by)));
    type Context = Parameters<typeof evaluateGuard>[1];
    // `active`: the leaves a guard's `in` is read against (the leaf the search stands on, and the
    // node's other regions): a heuristic, like the rest.
    const unmet = (guard: GuardConfig | undefined, context: Context, active: readonly string[]): number => {
      if (!guard) return 0;
      switch (guard.type) {
        case 'all':
          return guard.params.of.reduce((sum, g) => sum + unmet(g, context, active), 0);
        case 'any':
          return Math.min(...guard.params.of.map((g) => unmet(g, context, active)));
        case 'compare': {
          if (evaluateGuard(guard, context, { type: '' })) return 0;
          const gap = Math.abs((context.vars[guard.params.variable] ?? 0) - guard.params.value);
          return Math.max(1, Math.ceil(gap / (stepOf.get(guard.params.variable) || gap || 1)));
        }
        case 'moveCount': {
          if (evaluateGuard(guard, context, { type: '' })) return 0;
          const count = guard.params.move === undefined ? 0 : (context.moveCounts[guard.params.move] ?? 0);
          return Math.max(1, Math.min(guard.params.value - count, 10));
        }
        case 'flag':
        case 'visited':
        case 'in':
        case 'not':
          return evaluateGuard(guard, context, { type: '' }, active) ? 0 : 1;
      }
    };
    const result = new Map<string, (node: ExploreNode) => number>();
    for (const ending of Object.keys(scenario.endings)) {
      const isGoal = new Set(
        transitions.filter(
          (t) =>
            endsWith(t.actions).includes(ending) ||
            t.targets.some((target) => entering(target).includes(ending)),
        ),
      );
      // Relaxed Dijkstra over leaf states from the active ones: a transition costs one step plus
      // how far its guard is from holding in the current context.
      result.set(ending, (node) => {
        if (ending === scenario.hangupEnding) return 1;
        const context = node.snapshot?.context as Context | undefined;
        if (!context) return isGoal.size > 0 ? 1 : Infinity;
        const dist = new Map<string, number>(node.states.map((leaf) => [leaf, 0]));
        const done = new Set<string>();
        let best = Infinity;
        for (;;) {
          let current: string | undefined;
          let d = Infinity;
          for (const [leaf, value] of dist) if (!done.has(leaf) && value < d) [current, d] = [leaf, value];
          if (current === undefined || d >= best) break;
          done.add(current);
          for (const t of fires.get(current) ?? []) {
            const cost = d + 1 + unmet(t.guard, context, [current, ...node.states]);
            if (isGoal.has(t)) best = Math.min(best, cost);
            for (const next of successors.get(t)!)
              if (cost < (dist.get(next) ?? Infinity)) dist.set(next, cost);
          }
        }
        return best;
      });
    }
    return result;
  };

  return { initial, step, eventsOf, heuristics };
}

const toPath = (node: ExploreNode, shortest: boolean): GeneratedPath => ({
  ending: node.ending,
  outcome: node.outcome,
  inputs: node.inputs,
  t: node.t,
  length: node.depth,
  shortest,
});

/** A short path to every ending of the scenario (the shortest, when the space is small enough). */
export function pathsToEndings(compiled: CompiledScenario, options: ExploreOptions = {}): ExploreResult {
  const explorer = createExplorer(compiled, options);
  const endingIds = Object.keys(compiled.scenario.endings);
  const best = new Map<string, ExploreNode>();
  const guided = new Set<string>();
  const keep = (node: ExploreNode, byGuidedSearch = false): void => {
    if (node.phase !== 'ended' || node.ending === null) return;
    const current = best.get(node.ending);
    if (!current || node.depth < current.depth) {
      best.set(node.ending, node);
      if (byGuidedSearch) guided.add(node.ending);
    }
  };
  const result = (method: ExploreResult['method'], explored: number, complete: boolean): ExploreResult => ({
    paths: endingIds.flatMap((id) => {
      const node = best.get(id);
      return node ? [toPath(node, !guided.has(id))] : [];
    }),
    unreached: endingIds.filter((id) => !best.has(id)),
    method,
    explored,
    complete,
  });

  // 1. Exhaustive, exact shortest paths, when the space is small enough.
  const logic = fromTransition(
    (node: ExploreNode, event: ExploreEvent) => explorer.step(node, event),
    explorer.initial(),
  );
  let visits = 0;
  try {
    const paths = getShortestPaths(logic, {
      events: (snapshot) => {
        visits++;
        return explorer.eventsOf(snapshot.context);
      },
      serializeState: (snapshot) => snapshot.context.key,
      toState: (snapshot) => snapshot.context.phase === 'ended',
      limit: options.limit ?? 5000,
    });
    // A path's snapshots are the last ones seen under each key, not necessarily those of this
    // path: rebuild each ending's shortest path from its events.
    const shortest = new Map<string, { weight: number; events: ExploreEvent[] }>();
    for (const path of paths) {
      const ending = path.state.context.ending;
      if (ending === null || (shortest.get(ending)?.weight ?? Infinity) <= path.weight) continue;
      shortest.set(ending, { weight: path.weight, events: path.steps.slice(1).map((s) => s.event) });
    }
    for (const { events } of shortest.values())
      keep(events.reduce((node, event) => explorer.step(node, event), explorer.initial()));
    return result('xstate-graph', visits, true);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('limit')) throw err;
  }

  // 2. Breadth-first within the budget, stopping once every ending is reached.
  const budget = options.budget ?? 1000;
  const seen = new Set<string>();
  let frontier = [explorer.initial()];
  seen.add(frontier[0]!.key);
  let explored = 0;
  while (frontier.length > 0 && best.size < endingIds.length && explored < budget) {
    const next: ExploreNode[] = [];
    for (const node of frontier) {
      if (explored >= budget) break;
      explored++;
      for (const event of explorer.eventsOf(node)) {
        const child = explorer.step(node, event);
        if (seen.has(child.key)) continue;
        seen.add(child.key);
        if (child.phase === 'ended') keep(child);
        else next.push(child);
      }
    }
    frontier = next;
  }
  if (best.size === endingIds.length || frontier.length === 0)
    return result('bfs', explored, frontier.length === 0);

  // 3. Best-first towards each missing ending, guided by the static distance to it.
  const heuristics = explorer.heuristics();
  for (const ending of endingIds.filter((id) => !best.has(id))) {
    const h = heuristics.get(ending)!;
    const queue = new PriorityQueue<ExploreNode>();
    const start = explorer.initial();
    queue.push(start, 0);
    const guidedSeen = new Set([start.key]);
    let expansions = 0;
    while (queue.size > 0 && expansions < budget && !best.has(ending)) {
      const node = queue.pop()!;
      expansions++;
      for (const event of explorer.eventsOf(node)) {
        const child = explorer.step(node, event);
        if (guidedSeen.has(child.key)) continue;
        guidedSeen.add(child.key);
        if (child.phase === 'ended') {
          keep(child, true);
          continue;
        }
        const estimate = h(child);
        if (Number.isFinite(estimate)) queue.push(child, estimate * 8 + child.depth);
      }
    }
    explored += expansions;
  }
  return result('guided', explored, false);
}

/** A binary heap, smallest priority first; insertion order among equals. */
class PriorityQueue<T> {
  private heap: { item: T; priority: number; order: number }[] = [];
  private count = 0;
  get size(): number {
    return this.heap.length;
  }
  push(item: T, priority: number): void {
    this.heap.push({ item, priority, order: this.count++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(i, parent)) {
        [this.heap[i], this.heap[parent]] = [this.heap[parent]!, this.heap[i]!];
        i = parent;
      } else break;
    }
  }
  pop(): T | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        [this.heap[i], this.heap[m]] = [this.heap[m]!, this.heap[i]!];
        i = m;
      }
    }
    return top?.item;
  }
  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.priority < y.priority || (x.priority === y.priority && x.order < y.order);
  }
}
