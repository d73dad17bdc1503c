// Scenario → XState machine. The machine is built once per scenario version with `setup()`: the
// scenario's actions and guards are the engine's named implementations below. Actions do no IO:
// they hand observations to the sink bound to the running actor (one per CallRun), so the same
// compiled machine serves every session, and a machine run without a sink simply observes nothing.
import {
  and,
  assign,
  enqueueActions,
  not,
  or,
  setup,
  stateIn,
  type AnyActorRef,
  type AnyStateMachine,
} from 'xstate';
import type { Observation } from '../timeline.js';
import {
  effectiveMoveCounts,
  evaluateGuard,
  readsActiveStates,
  type CallContext,
  type MoveEvent,
} from './guards.js';
import { ScenarioError, ScenarioErrorCode, formatPath, type ScenarioIssue } from './issues.js';
import { checkReferences, transitionList, toArray } from './references.js';
import { schemaRule } from './parse.js';
import {
  scenarioSchema,
  type ActionConfig,
  type ComparisonOp,
  type GuardConfig,
  type Scenario,
  type StateNodeConfig,
  type TransitionConfig,
} from './schema.js';

/** Microsteps allowed in one macrostep before XState reports an infinite loop. */
export const MAX_MICROSTEPS = 1000;

/** Where the actions of one running actor put what they observe. */
export interface ObservationSink {
  observe(observation: Observation): void;
  /** The scenario's `end` action: the run turns the ending id into an ending observation. */
  end(ending: string): void;
}

const sinks = new WeakMap<AnyActorRef, ObservationSink>();

/** Binds `sink` to `actor`, before it starts: the actions of that actor report to it. */
export function bindObservationSink(actor: AnyActorRef, sink: ObservationSink): void {
  sinks.set(actor, sink);
}

export interface CallMachineInput {
  seed: number;
}

export interface CompiledScenario {
  scenario: Scenario;
  machine: AnyStateMachine;
  moveIds: string[];
  injectIds: string[];
}

/**
 * A transition's stable id: its source state path ('' for the root), what triggers it (an event
 * name, `after <ms>` or `always`) and its rank among the candidates, e.g. `ecoute|reformuler|0`.
 */
export function transitionId(source: string, trigger: string, index: number): string {
  return `${source}|${trigger}|${index}`;
}

/**
 * Compiles a checked scenario; throws `ScenarioError` (coded issues with paths) if it is not sound.
 * `parsed`: the scenario is what `parseScenario` just gave (its schema and references already
 * checked, not changed since): lint compiles each text it reads, and the schema's check and the
 * references were a fifth of its time done twice.
 */
export function compileScenario(scenario: Scenario, { parsed = false } = {}): CompiledScenario {
  const checked = parsed ? scenario : validated(scenario);
  const references = parsed ? [] : checkReferences(checked);
  if (references.length > 0) {
    throw new ScenarioError(
      references.map((r) => ({
        code: r.code,
        message: r.message,
        ...(r.text ? { text: r.text } : {}),
        path: formatPath(r.path),
      })),
    );
  }

  const moveIds = Object.keys(checked.moves);
  const injectIds = Object.keys(checked.injects);
  const moveSet = new Set(moveIds);
  const observe = (self: AnyActorRef, observation: Observation): void =>
    sinks.get(self)?.observe(observation);
  const clampTo = (variable: string, value: number): number => {
    const bounds = checked.variables[variable];
    return bounds ? Math.min(bounds.max, Math.max(bounds.min, value)) : value;
  };

  const changeVariable = (
    context: CallContext,
    variable: string,
    next: number,
    enqueue: {
      assign: (a: Partial<CallContext>) => void;
      (action: (args: { self: AnyActorRef }) => void): void;
    },
    moveCounts?: Record<string, number>,
  ): void => {
    const previous = context.vars[variable] ?? 0;
    const value = clampTo(variable, next);
    const counted = moveCounts !== undefined && moveCounts !== context.moveCounts ? { moveCounts } : {};
    if (value === previous) {
      if (counted.moveCounts) enqueue.assign(counted);
      return;
    }
    enqueue.assign({ vars: { ...context.vars, [variable]: value }, ...counted });
    enqueue(({ self }) => observe(self, { kind: 'variable', variable, value, previous }));
  };
  /** A move's count, when this action also counts the move (`countMove`, see `withMoveCount`). */
  const countedMoves = (
    context: CallContext,
    event: MoveEvent,
    params: { countMove?: boolean },
  ): Record<string, number> | undefined =>
    params.countMove ? effectiveMoveCounts(context, event) : undefined;

  const machineSetup = setup({
    types: {
      context: {} as CallContext,
      events: {} as MoveEvent & { text?: string },
      input: {} as CallMachineInput,
    },
    actions: {
      say: ({ self }, params: { line: string }) => {
        const line = checked.lines[params.line];
        if (!line) return;
        observe(self, {
          kind: 'line',
          line: params.line,
          text: line.text,
          ...(line.cue ? { cue: line.cue } : {}),
          ...(line.direction ? { direction: line.direction } : {}),
          ...(line.voice ? { voice: line.voice } : {}),
        });
      },
      cue: ({ self }, params: { cue: Extract<Observation, { kind: 'cue' }>['cue'] }) =>
        observe(self, { kind: 'cue', cue: params.cue }),
      note: ({ self }, params: { text: string }) => observe(self, { kind: 'note', text: params.text }),
      end: ({ self }, params: { ending: string }) => sinks.get(self)?.end(params.ending),
      adjust: enqueueActions(
        ({ context, event, enqueue }, params: { variable: string; by: number; countMove?: boolean }) => {
          changeVariable(
            context,
            params.variable,
            (context.vars[params.variable] ?? 0) + params.by,
            enqueue as never,
            countedMoves(context, event, params),
          );
        },
      ),
      set: enqueueActions(
        ({ context, event, enqueue }, params: { variable: string; value: number; countMove?: boolean }) => {
          changeVariable(
            context,
            params.variable,
            params.value,
            enqueue as never,
            countedMoves(context, event, params),
          );
        },
      ),
      flag: assign(
        ({ context, event }, params: { name: string; value?: boolean | undefined; countMove?: boolean }) => {
          const moveCounts = countedMoves(context, event, params);
          return {
            flags: { ...context.flags, [params.name]: params.value ?? true },
            ...(moveCounts !== undefined && moveCounts !== context.moveCounts ? { moveCounts } : {}),
          };
        },
      ),
      // Internal: not allowed in scenarios (the schema only knows the actions above).
      // A state entered again (a silence timer restarted by `acted` re-enters its state at every
      // act of the listener) was visited already: nothing is assigned, so XState does not copy the
      // context and rebuild the snapshot (an `assign` that changes nothing still does both).
      __visit: enqueueActions(({ context, enqueue }, params: { state: string }) => {
        if (!context.visited.includes(params.state))
          // `concat`: an array of its size (a spread left room for ~20, 176 B a session).
          enqueue.assign({ visited: context.visited.concat(params.state) });
      }),
      __countMove: assign(({ context, event }) => {
        const counts = effectiveMoveCounts(context, event);
        return counts === context.moveCounts ? {} : { moveCounts: counts };
      }),
    },
    guards: {
      compare: ({ context, event }, params: { variable: string; op: ComparisonOp; value: number }) =>
        evaluateGuard({ type: 'compare', params }, context, event),
      flag: ({ context, event }, params: { name: string }) =>
        evaluateGuard({ type: 'flag', params }, context, event),
      visited: ({ context, event }, params: { state: string }) =>
        evaluateGuard({ type: 'visited', params }, context, event),
      moveCount: (
        { context, event },
        params: { move?: string | undefined; op: ComparisonOp; value: number },
      ) => evaluateGuard({ type: 'moveCount', params }, context, event),
      all: ({ context, event }, params: { of: GuardConfig[] }) =>
        evaluateGuard({ type: 'all', params }, context, event),
      any: ({ context, event }, params: { of: GuardConfig[] }) =>
        evaluateGuard({ type: 'any', params }, context, event),
      not: ({ context, event }, params: { guard: GuardConfig }) =>
        evaluateGuard({ type: 'not', params }, context, event),
    },
  });

  const initialVars = Object.fromEntries(Object.entries(checked.variables).map(([id, v]) => [id, v.initial]));
  const config = {
    ...toXStateNode(checked.machine, [], moveSet, checked.machine.id),
    id: checked.machine.id,
    context: ({ input }: { input: CallMachineInput }): CallContext => ({
      vars: { ...initialVars },
      flags: {},
      visited: [],
      moveCounts: {},
      seed: input.seed,
    }),
    options: { maxIterations: MAX_MICROSTEPS },
  };
  // The config is data checked above; XState's config types cannot follow a dynamic document.
  const machine = machineSetup.createMachine(config as never) as unknown as AnyStateMachine;
  return { scenario: checked, machine, moveIds, injectIds };
}

type XTransition = {
  /** `meta.transition` is the transition's id (see `transitionId`): coverage reads it back. */
  meta: { transition: string };
  target?: string | string[];
  guard?: unknown;
  actions: ActionLike[];
  reenter?: boolean;
  description?: string;
};
type ActionLike = ActionConfig | { type: '__visit'; params: { state: string } } | { type: '__countMove' };

/**
 * A move's transition counts the move. The count rides on the transition's first action that
 * assigns the context anyway (`adjust`, `set`, `flag`: `params.countMove`), else `__countMove`
 * comes first: each `assign` makes XState copy the context and build a new snapshot, and most
 * moves adjust a variable. Nothing reads the context between a transition's actions (`say`,
 * `cue`, `note`, `end` do not; guards are evaluated before), so where the count is written
 * changes no observation and leaves the same context.
 */
function withMoveCount(actions: ActionConfig[]): ActionLike[] {
  const index = actions.findIndex((a) => a.type === 'adjust' || a.type === 'set' || a.type === 'flag');
  if (index < 0) return [{ type: '__countMove' }, ...actions];
  const action = actions[index]!;
  // Internal: the schema has no `countMove` (a scenario cannot write it); the implementations read it.
  const counting = { ...action, params: { ...action.params, countMove: true } } as unknown as ActionLike;
  return [...actions.slice(0, index), counting, ...actions.slice(index + 1)];
}

/**
 * A guard for XState. One that reads the active states (`in`) is rebuilt with XState's own
 * `stateIn` inside `and`/`or`/`not`, since a named guard sees the context and the event but not
 * the configuration; the others stay data (`{ type, params }`), evaluated by `evaluateGuard`.
 */
function toXStateGuard(guard: GuardConfig, machineId: string): unknown {
  if (!readsActiveStates(guard)) return guard;
  switch (guard.type) {
    case 'in':
      return stateIn(`#${machineId}.${guard.params.state}`);
    case 'all':
      return and(guard.params.of.map((g) => toXStateGuard(g, machineId)) as never);
    case 'any':
      return or(guard.params.of.map((g) => toXStateGuard(g, machineId)) as never);
    case 'not':
      return not(toXStateGuard(guard.params.guard, machineId) as never);
    case 'compare':
    case 'flag':
    case 'visited':
    case 'moveCount':
      return guard;
  }
}

/** The scenario's state node as an XState config: transitions as arrays, visits and move counts recorded. */
function toXStateNode(
  node: StateNodeConfig,
  path: string[],
  moves: ReadonlySet<string>,
  machineId: string,
): Record<string, unknown> {
  // A history pseudo-state: XState resolves `target` from the parent, as the schema documents.
  if (node.type === 'history') {
    return {
      type: 'history',
      history: node.history ?? 'shallow',
      ...(node.target !== undefined ? { target: node.target } : {}),
    };
  }
  const transitions = (
    config: TransitionConfig | undefined,
    countMove: boolean,
    trigger: string,
  ): XTransition[] =>
    transitionList(config, []).map(({ transition }, index) => {
      const out: XTransition = {
        meta: { transition: transitionId(path.join('.'), trigger, index) },
        actions: countMove ? withMoveCount(toArray(transition.actions)) : toArray(transition.actions),
      };
      if (transition.target !== undefined) out.target = transition.target;
      if (transition.guard !== undefined) out.guard = toXStateGuard(transition.guard, machineId);
      if (transition.reenter !== undefined) out.reenter = transition.reenter;
      if (transition.description !== undefined) out.description = transition.description;
      return out;
    });
  const mapTransitions = (record: Record<string, TransitionConfig> | undefined, isOn: boolean) =>
    record === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(record).map(([key, t]) => [
            key,
            transitions(t, isOn && moves.has(key), isOn ? key : `after ${key}`),
          ]),
        );

  const out: Record<string, unknown> = {};
  if (node.type) out.type = node.type;
  if (node.description) out.description = node.description;
  if (node.initial) out.initial = node.initial;
  if (node.tags) out.tags = node.tags;
  const entry: ActionLike[] = toArray(node.entry);
  out.entry = path.length > 0 ? [{ type: '__visit', params: { state: path.join('.') } }, ...entry] : entry;
  if (node.exit) out.exit = toArray(node.exit);
  if (node.on) out.on = mapTransitions(node.on, true);
  if (node.after) out.after = mapTransitions(node.after, false);
  if (node.always) out.always = transitions(node.always, false, 'always');
  if (node.states) {
    out.states = Object.fromEntries(
      Object.entries(node.states).map(([key, child]) => [
        key,
        toXStateNode(child, [...path, key], moves, machineId),
      ]),
    );
  }
  return out;
}

function validated(scenario: Scenario): Scenario {
  const structural = scenarioSchema.safeParse(scenario);
  if (!structural.success) {
    throw new ScenarioError(
      structural.error.issues.map((issue): ScenarioIssue => ({
        code: ScenarioErrorCode.Schema,
        // As zod gives it (its own words, or one of the schema's rules in French); `text` in the
        // page's language.
        message: issue.message,
        text: schemaRule(issue.message),
        path: formatPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol')),
      })),
    );
  }
  return structural.data;
}
