// The engine's guards, evaluated by our own code: XState's and()/or()/not() are functions, while a
// scenario's guards are data that nest (`all`, `any`, `not`).
import type { ComparisonOp, GuardConfig } from './schema.js';

/** The machine's context: plain, serialisable data. */
export interface CallContext {
  vars: Record<string, number>;
  flags: Record<string, boolean>;
  /** Dotted paths of every state entered so far, in first-entry order. */
  visited: string[];
  /** How many times each move was made. */
  moveCounts: Record<string, number>;
  seed: number;
}

/** A move event carries the count it brings its move to, so a guard on it sees the move itself. */
export interface MoveEvent {
  type: string;
  moveCount?: number;
}

export function compare(left: number, op: ComparisonOp, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}

/** Move counts as seen while handling `event`: the move being made counts already. */
export function effectiveMoveCounts(context: CallContext, event: MoveEvent): Record<string, number> {
  if (event.moveCount === undefined) return context.moveCounts;
  const current = context.moveCounts[event.type] ?? 0;
  return current >= event.moveCount
    ? context.moveCounts
    : { ...context.moveCounts, [event.type]: event.moveCount };
}

/**
 * Evaluates a guard on the context. `active` (the active leaves' dotted paths) answers `in`;
 * without it `in` is false. The compiled machine does not call this for guards that read `in`:
 * those become XState's `stateIn` inside `and`/`or`/`not` (see compile.ts).
 */
export function evaluateGuard(
  guard: GuardConfig,
  context: CallContext,
  event: MoveEvent,
  active?: readonly string[],
): boolean {
  switch (guard.type) {
    case 'compare':
      return compare(context.vars[guard.params.variable] ?? 0, guard.params.op, guard.params.value);
    case 'flag':
      return context.flags[guard.params.name] === true;
    case 'visited':
      return context.visited.includes(guard.params.state);
    case 'in': {
      const state = guard.params.state;
      return (active ?? []).some((leaf) => leaf === state || leaf.startsWith(`${state}.`));
    }
    case 'moveCount': {
      const counts = effectiveMoveCounts(context, event);
      const count =
        guard.params.move === undefined
          ? Object.values(counts).reduce((sum, n) => sum + n, 0)
          : (counts[guard.params.move] ?? 0);
      return compare(count, guard.params.op, guard.params.value);
    }
    case 'all':
      return guard.params.of.every((g) => evaluateGuard(g, context, event, active));
    case 'any':
      return guard.params.of.some((g) => evaluateGuard(g, context, event, active));
    case 'not':
      return !evaluateGuard(guard.params.guard, context, event, active);
  }
}

/** Whether a guard reads the active states (`in`, at any depth). */
export function readsActiveStates(guard: GuardConfig): boolean {
  switch (guard.type) {
    case 'in':
      return true;
    case 'all':
    case 'any':
      return guard.params.of.some(readsActiveStates);
    case 'not':
      return readsActiveStates(guard.params.guard);
    case 'compare':
    case 'flag':
    case 'visited':
    case 'moveCount':
      return false;
  }
}
