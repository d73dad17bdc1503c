// Generated play-throughs: the shortest way to each ending of a scenario, found by exploring the
// call as the engine really runs it. A node of the search is a session prefix (inputs at their
// session times, plus time let pass); a step is a move, an inject, `say`, `hangup`, or letting
// time run to the next timer. Each step is computed by replaying the prefix through a CallRun on
// a manual clock, so timers, `end` actions and guards behave exactly as in a session.
//
// The search runs @xstate/graph's `getShortestPaths` over that logic (a `fromTransition` actor
// logic), bounded by `limit`; when the state space is larger than the limit, a breadth-first search
// that stops as soon as every ending is reached takes over, within `budget` nodes.
import { getShortestPaths } from '@xstate/graph';
import { fromTransition } from 'xstate';
import type { CompiledScenario } from '../scenario/compile.js';
import { collectStates } from '../scenario/references.js';
import { listTransitions } from '../scenario/transitions.js';
import { candidateTransitions } from '../scenario/availability.js';
import type { GuardConfig } from '../scenario/schema.js';
import { replayWith, type TimedInput } from '../run/replay.js';
import type { CallRun } from '../run/call-run.js';
import type { Outcome } from '../timeline.js';
import type { CallPhase } from '../views/types.js';

export type ExploreEvent =
  | { type: 'pickup' }
  | { type: 'move'; move: string }
  | { type: 'inject'; inject: string }
  | { type: 'say' }
  | { type: 'hangup' }
  | { type: 'timer' };

export interface ExploreNode {
  inputs: TimedInput[];
  /** Session time reached (timers due by then have fired). */
  t: number;
  phase: CallPhase;
  ending: string | null;
  outcome: Outcome | null;
  states: string[];
  /** What distinguishes this node for the search (what guards and timers can tell apart). */
  key: string;
  events: ExploreEvent[];
  depth: number;
}

export interface GeneratedPath {
  ending: string | null;
  outcome: Outcome | null;
  inputs: TimedInput[];
  /** Session time the call ended at (after the last input when a timer ended it). */
  t: number;
  length: number;
}

export interface ExploreOptions {
  seed?: number;
  /** Node visits allowed to @xstate/graph before falling back to the early-stopping search. */
  limit?: number;
  /** Nodes the fallback search may expand. */
  budget?: number;
  /** What `say` sends (its text does not matter to the machine). */
  sayText?: string;
}

export interface ExploreResult {
  /** The shortest path found to each ending reached, in the scenario's ending order. */
  paths: GeneratedPath[];
  /** Ending ids no path was found to. */
  unreached: string[];
  method: 'xstate-graph' | 'bfs';
  /** Nodes expanded; and whether the search saw the whole (abstracted) state space. */
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
      case 'moveCount':
        if (guard.params.move === undefined) totalCap = Math.max(totalCap, guard.params.value + 1);
        else moveCaps.set(guard.params.move, Math.max(moveCaps.get(guard.params.move) ?? 0, guard.params.value + 1));
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
  return { vars: [...vars].sort(), flags: [...flags].sort(), visited: [...visited].sort(), moveCaps, totalCap };
}

export function createExplorer(compiled: CompiledScenario, options: ExploreOptions = {}) {
  const seed = options.seed ?? 1;
  const sayText = options.sayText ?? SAY_TEXT;
  const relevant = relevance(compiled);
  const states = collectStates(compiled.scenario.machine);
  const handles = (leaves: string[], event: string) => candidateTransitions(states, leaves, event).length > 0;

  const describe = (run: CallRun, inputs: TimedInput[], depth: number): ExploreNode => {
    const t = run.clock.now();
    const context = run.machineContext;
    const leaves = run.states;
    const timers = run.clock.dueTimes().map((due) => due - t);
    const counts = context?.moveCounts ?? {};
    const key = JSON.stringify([
      run.phase,
      run.ending?.ending ?? null,
      leaves,
      relevant.vars.map((v) => context?.vars[v]),
      relevant.flags.map((f) => context?.flags[f] === true),
      relevant.visited.map((s) => context?.visited.includes(s) === true),
      [...relevant.moveCaps].map(([move, cap]) => Math.min(counts[move] ?? 0, cap)),
      relevant.totalCap < 0
        ? 0
        : Math.min(
            Object.values(counts).reduce((a, b) => a + b, 0),
            relevant.totalCap,
          ),
      timers,
    ]);
    const events: ExploreEvent[] = [];
    if (run.phase === 'ringing') events.push({ type: 'pickup' });
    if (run.phase === 'connected' && !run.paused) {
      for (const move of run.availableMoves()) events.push({ type: 'move', move: move.id });
      for (const inject of run.injectOptions()) if (inject.available) events.push({ type: 'inject', inject: inject.id });
      if (handles(leaves, 'say')) events.push({ type: 'say' });
      // Hanging up is always possible; it is worth trying where the machine reacts to it, and once
      // right after pickup (the plain hang-up ending).
      if (handles(leaves, 'hangup') || depth === 1) events.push({ type: 'hangup' });
      if (timers.length > 0) events.push({ type: 'timer' });
    }
    return {
      inputs,
      t,
      phase: run.phase,
      ending: run.ending?.ending ?? null,
      outcome: run.ending?.outcome ?? null,
      states: leaves,
      key,
      events,
      depth,
    };
  };

  const initial = (): ExploreNode => describe(replayWith(compiled, seed, []).run, [], 0);

  const step = (node: ExploreNode, event: ExploreEvent): ExploreNode => {
    const { run, scheduler } = replayWith(compiled, seed, node.inputs, { until: node.t });
    if (event.type === 'timer') {
      const due = run.clock.nextDueTime();
      if (due !== undefined && due > run.clock.now()) scheduler.advanceBy(due - run.clock.now());
      run.clock.runDue();
      return describe(run, node.inputs, node.depth + 1);
    }
    const input =
      event.type === 'move'
        ? ({ kind: 'move', move: event.move } as const)
        : event.type === 'inject'
          ? ({ kind: 'inject', inject: event.inject } as const)
          : event.type === 'say'
            ? ({ kind: 'say', text: sayText } as const)
            : ({ kind: event.type } as const);
    const t = run.clock.now();
    run.apply(input);
    return describe(run, [...node.inputs, { t, input }], node.depth + 1);
  };

  return { initial, step };
}

const toPath = (node: ExploreNode): GeneratedPath => ({
  ending: node.ending,
  outcome: node.outcome,
  inputs: node.inputs,
  t: node.t,
  length: node.depth,
});

/** The shortest path (in steps) to every ending of the scenario, as far as the bounds allow. */
export function pathsToEndings(compiled: CompiledScenario, options: ExploreOptions = {}): ExploreResult {
  const explorer = createExplorer(compiled, options);
  const endingIds = Object.keys(compiled.scenario.endings);
  const best = new Map<string, ExploreNode>();
  const keep = (node: ExploreNode): void => {
    if (node.phase !== 'ended' || node.ending === null) return;
    const current = best.get(node.ending);
    if (!current || node.depth < current.depth) best.set(node.ending, node);
  };
  const result = (method: ExploreResult['method'], explored: number, complete: boolean): ExploreResult => ({
    paths: endingIds.flatMap((id) => {
      const node = best.get(id);
      return node ? [toPath(node)] : [];
    }),
    unreached: endingIds.filter((id) => !best.has(id)),
    method,
    explored,
    complete,
  });

  const logic = fromTransition((node: ExploreNode, event: ExploreEvent) => explorer.step(node, event), explorer.initial());
  try {
    let visits = 0;
    const paths = getShortestPaths(logic, {
      events: (snapshot) => {
        visits++;
        return snapshot.context.events;
      },
      serializeState: (snapshot) => snapshot.context.key,
      toState: (snapshot) => snapshot.context.phase === 'ended',
      limit: options.limit ?? 1500,
    });
    // A path's snapshots are the last ones seen under each key, not necessarily those of this
    // path: rebuild the shortest path of each ending from its events.
    const shortest = new Map<string, ExploreEvent[]>();
    const weights = new Map<string, number>();
    for (const path of paths) {
      const ending = path.state.context.ending;
      if (ending === null || (weights.get(ending) ?? Infinity) <= path.weight) continue;
      weights.set(ending, path.weight);
      shortest.set(ending, path.steps.slice(1).map((s) => s.event));
    }
    for (const events of shortest.values()) keep(events.reduce((node, event) => explorer.step(node, event), explorer.initial()));
    return result('xstate-graph', visits, true);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('limit')) throw err;
  }

  // Breadth-first, stopping once every ending is reached.
  const budget = options.budget ?? 4000;
  const seen = new Set<string>();
  let frontier = [explorer.initial()];
  seen.add(frontier[0]!.key);
  let explored = 0;
  while (frontier.length > 0 && best.size < endingIds.length && explored < budget) {
    const next: ExploreNode[] = [];
    for (const node of frontier) {
      if (explored >= budget) break;
      explored++;
      for (const event of node.events) {
        const child = explorer.step(node, event);
        if (seen.has(child.key)) continue;
        seen.add(child.key);
        if (child.phase === 'ended') keep(child);
        else next.push(child);
      }
    }
    frontier = next;
  }
  return result('bfs', explored, frontier.length === 0);
}
