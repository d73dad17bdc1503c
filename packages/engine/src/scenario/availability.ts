// Which moves and injects a state handles, statically (for lint, the graph and trainers), and why a
// move or inject is not available right now (for the consoles: the trainer sees why an inject
// would do nothing). Reasons are codes with parameters (labels, values): the consoles word them
// from their catalogue; `formatReason` words them in French for the CLI.
import { frenchText, msg, type EngineMessage } from '../messages.js';
import type { CompiledScenario } from './compile.js';
import { effectiveMoveCounts, type CallContext } from './guards.js';
import { collectStates, transitionList, type StateInfo } from './references.js';
import type {
  ComparisonOp,
  GuardConfig,
  MachineConfig,
  Scenario,
  StateNodeConfig,
  TransitionObject,
} from './schema.js';

export interface Availability {
  available: boolean;
  /** Why not (absent when available): a code with its parameters; the words come from the UI. */
  reason?: UnavailableReason;
}

/**
 * A guard as data for people: each part names what it tests by its label (a variable's, a
 * flag's, a state's, a move's) with the current value when known. The consoles word it from
 * their catalogue; `formatCondition` words it in French for the CLI and the graph.
 */
export type Condition =
  | { kind: 'compare'; variable: string; label: string; op: ComparisonOp; value: number; now?: number }
  | { kind: 'flag'; flag: string; label: string }
  | { kind: 'visited'; state: string; label: string }
  /** The state (or a state inside it) is active now. */
  | { kind: 'in'; state: string; label: string }
  | {
      kind: 'moveCount';
      /** Null: every move of the listener counted together. */
      move: string | null;
      label: string | null;
      op: ComparisonOp;
      value: number;
      now?: number;
    }
  | { kind: 'all' | 'any'; of: Condition[] }
  | { kind: 'not'; condition: Condition };

/** Why a move or inject is not available now. */
export type UnavailableReason =
  | { code: 'ringing' }
  | { code: 'paused' }
  | { code: 'ended' }
  /** Nothing planned for it in the active states (their labels). */
  | { code: 'not_here'; states: string[] }
  /** Planned, but no candidate's condition holds: one of `conditions` would have to. */
  | { code: 'guard'; conditions: Condition[] };

export interface HandledEvents {
  /** Moves a transition of this state or of one of its ancestors reacts to (guarded or not). */
  moves: string[];
  injects: string[];
}

export const AVAILABILITY_REASONS = {
  ringing: { code: 'ringing' },
  paused: { code: 'paused' },
  ended: { code: 'ended' },
} as const satisfies Record<string, UnavailableReason>;

const OPS: Record<ComparisonOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

type LabelSources = Pick<Scenario, 'variables' | 'moves'> & Partial<Pick<Scenario, 'flags' | 'machine'>>;

/** A flag's label: the scenario's, else its name made readable. */
export function flagLabel(scenario: Partial<Pick<Scenario, 'flags'>>, name: string): string {
  return scenario.flags?.[name]?.label ?? name.replace(/_/g, ' ');
}

/** A state path's label: the node's `label`, else its last name made readable. */
function statePathLabel(scenario: Partial<Pick<Scenario, 'machine'>>, path: string): string {
  let node: StateNodeConfig | MachineConfig | undefined = scenario.machine;
  for (const part of path.split('.')) node = node?.states?.[part];
  const last = path.split('.').pop() ?? path;
  return (node as StateNodeConfig | undefined)?.label ?? humanName(last);
}

function humanName(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A guard as a `Condition`; with a context, the current values are given. */
export function describeCondition(
  guard: GuardConfig,
  scenario: LabelSources,
  context?: CallContext,
  event?: { type: string; moveCount?: number },
): Condition {
  switch (guard.type) {
    case 'compare': {
      const variable = scenario.variables[guard.params.variable];
      return {
        kind: 'compare',
        variable: guard.params.variable,
        label: variable?.label ?? guard.params.variable,
        op: guard.params.op,
        value: guard.params.value,
        ...(context ? { now: context.vars[guard.params.variable] ?? variable?.initial ?? 0 } : {}),
      };
    }
    case 'flag':
      return { kind: 'flag', flag: guard.params.name, label: flagLabel(scenario, guard.params.name) };
    case 'visited':
      return {
        kind: 'visited',
        state: guard.params.state,
        label: statePathLabel(scenario, guard.params.state),
      };
    case 'in':
      return { kind: 'in', state: guard.params.state, label: statePathLabel(scenario, guard.params.state) };
    case 'moveCount': {
      const counts = context ? effectiveMoveCounts(context, event ?? { type: '' }) : undefined;
      const move = guard.params.move ?? null;
      const now =
        counts === undefined
          ? undefined
          : move === null
            ? Object.values(counts).reduce((sum, n) => sum + n, 0)
            : (counts[move] ?? 0);
      return {
        kind: 'moveCount',
        move,
        label: move === null ? null : (scenario.moves[move]?.label ?? move),
        op: guard.params.op,
        value: guard.params.value,
        ...(now === undefined ? {} : { now }),
      };
    }
    case 'all':
    case 'any':
      return {
        kind: guard.type,
        of: guard.params.of.map((g) => describeCondition(g, scenario, context, event)),
      };
    case 'not':
      return { kind: 'not', condition: describeCondition(guard.params.guard, scenario, context, event) };
  }
}

/** A condition as a message (the graph's edge labels; the consoles word `Condition` themselves). */
export function conditionText(condition: Condition): EngineMessage {
  const now = (n: number | undefined) => (n === undefined ? '' : msg('condition.now', { value: n }));
  switch (condition.kind) {
    case 'compare':
      return msg('condition.compare', {
        label: condition.label,
        op: OPS[condition.op],
        value: condition.value,
        now: now(condition.now),
      });
    case 'flag':
      return msg('condition.flag', { label: condition.label });
    case 'visited':
      return msg('condition.visited', { label: condition.label });
    case 'in':
      return msg('condition.in', { label: condition.label });
    case 'moveCount':
      return condition.label === null
        ? msg('condition.movesTotal', {
            op: OPS[condition.op],
            value: condition.value,
            now: now(condition.now),
          })
        : msg('condition.moveCount', {
            label: condition.label,
            op: OPS[condition.op],
            value: condition.value,
            now: now(condition.now),
          });
    case 'all':
    case 'any': {
      const parts = condition.of.map((c) =>
        c.kind === 'all' || c.kind === 'any'
          ? msg('condition.group', { condition: conditionText(c) })
          : conditionText(c),
      );
      const joiner = condition.kind === 'all' ? 'condition.and' : 'condition.or';
      // « a et b et c »: each part joined to what came before it (the schema gives one at least).
      const [first, ...rest] = parts as [EngineMessage, ...EngineMessage[]];
      return rest.reduce((left, right) => msg(joiner, { left, right }), first);
    }
    case 'not':
      return msg('condition.not', { condition: conditionText(condition.condition) });
  }
}

/** A condition in French (the CLI, the graph's edge labels; the consoles use their catalogue). */
export function formatCondition(condition: Condition): string {
  return frenchText(conditionText(condition));
}

/** A reason in French (the CLI). */
export function formatReason(reason: UnavailableReason): string {
  switch (reason.code) {
    case 'ringing':
      return 'Appel non décroché';
    case 'paused':
      return 'Séance suspendue';
    case 'ended':
      return 'Appel terminé';
    case 'not_here':
      return `Pas prévu à cette étape (${reason.states.join(', ') || 'aucune'})`;
    case 'guard':
      return `Condition non remplie : ${reason.conditions.map(formatCondition).join(' ; ou ')}`;
  }
}

/**
 * A guard in French: « Détresse ≥ 9 (actuellement 4) », « « besoin compris » »…
 * With a context, current values are given so a trainer sees how far the condition is.
 */
export function describeGuard(
  guard: GuardConfig,
  scenario: LabelSources,
  context?: CallContext,
  event?: { type: string; moveCount?: number },
): string {
  return formatCondition(describeCondition(guard, scenario, context, event));
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
): UnavailableReason {
  const candidates = candidateTransitions(states, activeLeaves, event.type);
  if (candidates.length === 0 || candidates.some((t) => t.guard === undefined)) {
    return { code: 'not_here', states: activeLeaves.map((leaf) => statePathLabel(scenario, leaf)) };
  }
  const seen = new Set<string>();
  const conditions: Condition[] = [];
  for (const t of candidates) {
    const condition = describeCondition(t.guard!, scenario, context, event);
    const key = JSON.stringify(condition);
    if (seen.has(key)) continue;
    seen.add(key);
    conditions.push(condition);
  }
  return { code: 'guard', conditions };
}
