// Which moves and injects a state handles, statically (for lint, the graph and trainers), and why a
// move or inject is not available right now (for the consoles: the trainer sees why an inject
// would do nothing). Reasons are French, for people.
import type { CompiledScenario } from './compile.js';
import { effectiveMoveCounts, type CallContext } from './guards.js';
import { collectStates, transitionList, type StateInfo } from './references.js';
import type { ComparisonOp, GuardConfig, Scenario, TransitionObject } from './schema.js';

export interface Availability {
  available: boolean;
  /** Why not, in French (absent when available). */
  reason?: string;
}

export interface HandledEvents {
  /** Moves a transition of this state or of one of its ancestors reacts to (guarded or not). */
  moves: string[];
  injects: string[];
}

export const AVAILABILITY_REASONS = {
  ringing: 'Appel non décroché',
  paused: 'Séance suspendue',
  ended: 'Appel terminé',
  notHere: (states: string[]) => `Pas prévu dans l'état actuel (${states.join(', ') || 'aucun'})`,
  guard: (description: string) => `Condition non remplie : ${description}`,
} as const;

const OPS: Record<ComparisonOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

/**
 * A guard in French: « Détresse ≥ 9 (actuellement 4) », « drapeau besoin_compris posé »…
 * With a context, current values are given so a trainer sees how far the condition is.
 */
export function describeGuard(
  guard: GuardConfig,
  scenario: Pick<Scenario, 'variables' | 'moves'>,
  context?: CallContext,
  event?: { type: string; moveCount?: number },
): string {
  switch (guard.type) {
    case 'compare': {
      const variable = scenario.variables[guard.params.variable];
      const now = context
        ? ` (actuellement ${context.vars[guard.params.variable] ?? variable?.initial ?? 0})`
        : '';
      return `${variable?.label ?? guard.params.variable} ${OPS[guard.params.op]} ${guard.params.value}${now}`;
    }
    case 'flag':
      return `drapeau « ${guard.params.name} » posé`;
    case 'visited':
      return `état « ${guard.params.state} » déjà atteint`;
    case 'moveCount': {
      const counts = context ? effectiveMoveCounts(context, event ?? { type: '' }) : undefined;
      const what =
        guard.params.move === undefined
          ? "nombre total d'actions de l'écoutant"
          : `« ${scenario.moves[guard.params.move]?.label ?? guard.params.move} » fait`;
      const count =
        counts === undefined
          ? undefined
          : guard.params.move === undefined
            ? Object.values(counts).reduce((sum, n) => sum + n, 0)
            : (counts[guard.params.move] ?? 0);
      const unit = guard.params.move === undefined ? '' : ' fois';
      return `${what} ${OPS[guard.params.op]} ${guard.params.value}${unit}${count === undefined ? '' : ` (actuellement ${count})`}`;
    }
    case 'all':
      return guard.params.of.map((g) => wrap(g, describeGuard(g, scenario, context, event))).join(' et ');
    case 'any':
      return guard.params.of.map((g) => wrap(g, describeGuard(g, scenario, context, event))).join(' ou ');
    case 'not':
      return `non (${describeGuard(guard.params.guard, scenario, context, event)})`;
  }
}

function wrap(guard: GuardConfig, text: string): string {
  return guard.type === 'all' || guard.type === 'any' ? `(${text})` : text;
}

/** Dotted paths of a node and its ancestors, deepest first ('' is the root). */
export function ancestry(path: string): string[] {
  const parts = path === '' ? [] : path.split('.');
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push(parts.slice(0, i).join('.'));
  return out;
}

/**
 * For each state path (every node but the root), the moves and injects handled there: by the
 * node or an ancestor. A final state directly under the root handles nothing (the call is over).
 */
export function availableByState(
  compiled: Pick<CompiledScenario, 'scenario'>,
): Record<string, HandledEvents> {
  const { scenario } = compiled;
  const states = collectStates(scenario.machine);
  const out: Record<string, HandledEvents> = {};
  for (const [key, info] of states) {
    if (key === '') continue;
    const events = new Set<string>();
    if (!(info.node.type === 'final' && info.path.length === 1)) {
      for (const ancestor of ancestry(key)) {
        for (const event of Object.keys(states.get(ancestor)?.node.on ?? {})) events.add(event);
      }
    }
    out[key] = {
      moves: Object.keys(scenario.moves).filter((id) => events.has(id)),
      injects: Object.keys(scenario.injects).filter((id) => events.has(id)),
    };
  }
  return out;
}

/** The candidate transitions for `event` in the active configuration, in XState's order. */
export function candidateTransitions(
  states: Map<string, StateInfo>,
  activeLeaves: readonly string[],
  event: string,
): TransitionObject[] {
  const seen = new Set<string>();
  const out: TransitionObject[] = [];
  for (const leaf of activeLeaves) {
    for (const node of ancestry(leaf)) {
      if (seen.has(node)) continue;
      seen.add(node);
      const config = states.get(node)?.node.on?.[event];
      out.push(...transitionList(config, []).map((t) => t.transition));
    }
  }
  return out;
}

/**
 * Why `event` (a move or inject id) is refused in the current configuration, knowing that the
 * machine refused it: no transition for it here, or every candidate's guard is false.
 */
export function unavailableReason(
  scenario: Scenario,
  states: Map<string, StateInfo>,
  activeLeaves: readonly string[],
  context: CallContext | undefined,
  event: { type: string; moveCount?: number },
): string {
  const candidates = candidateTransitions(states, activeLeaves, event.type);
  if (candidates.length === 0 || candidates.some((t) => t.guard === undefined)) {
    return AVAILABILITY_REASONS.notHere([...activeLeaves]);
  }
  const described = [...new Set(candidates.map((t) => describeGuard(t.guard!, scenario, context, event)))];
  return AVAILABILITY_REASONS.guard(described.join(' ; ou '));
}
