// Lint of a caller who would repeat herself word for word: a move that stays in its state (no
// target, or a target inside the state) and makes the caller say a line can be played again at
// once, and the line comes back the same (« Reformuler » twice in the tutorial: « Oui, c'est
// exactement ça… » twice). A line's `variants` (scenario/wording.ts) are said in turn; a line
// without any warns, named by its text, with the move's label and the state's, and where the forms
// add other wordings. A move played once only says nothing: a guard on a flag it sets, a count
// of itself that stops it, a target elsewhere, an immediate transition or the listener's `acted`
// that takes the call out of the state right after it.
//
// « Once only » is decided by a small search over what the guards read (variables, flags, states,
// counts of moves): is there a moment where the move's transition is taken, its actions done, and
// the same move then says the same line again? Each variable takes the values where a comparison
// of the guards can change (their constants, shifted by the transition's adjustments, the bounds)
// and the values between; a flag, a visited or active state true or false; a count around the
// guards' constants. Guards are read three-valued (unknown while their atoms are not all chosen),
// so a branch is dropped as soon as it cannot hold.
import { msg } from '../messages.js';
import { collectStates, toArray, type StateInfo } from '../scenario/references.js';
import type { ActionConfig, GuardConfig, Scenario } from '../scenario/schema.js';
import { compare } from '../scenario/guards.js';
import {
  activatedBy,
  isWithin,
  listTransitions,
  reachableStates,
  type TransitionInfo,
  transitionsBySource,
  parentKey,
  ancestorKeys,
  commonAncestor,
} from '../scenario/transitions.js';
import { stateLabel } from '../views/graph-model.js';
import { excerpt, type At } from './lint.js';

export const VariantsLintCode = {
  /** A line without variants that a move staying in its state can make the caller say twice in a row. */
  RepeatedLine: 'lint/repeated_line',
} as const;

type States = Map<string, StateInfo>;

/** What a guard reads, keyed `var:x`, `flag:x`, `visited:x`, `in:x`, `count:x` (`count:` alone: every move). */
type Atom = string;
type Value = number | boolean;
type Context = Map<Atom, Value>;

/** The states a transition enters (XState's domain: its source for a target inside it, unless `reenter`). */
function enteredBy(states: States, t: TransitionInfo): string[] {
  const entered = new Set<string>();
  for (const target of t.targets) {
    const inside = isWithin(target, t.source);
    let domain: string;
    if (inside && !t.reenter) domain = t.source;
    else {
      domain = commonAncestor(t.source, target);
      if (domain === t.source || domain === target) domain = domain === '' ? '' : parentKey(domain);
    }
    const reentersRoot = t.reenter && t.source === '' && target === '';
    for (const key of activatedBy(states, target))
      if ((key !== domain || reentersRoot) && isWithin(key, domain)) entered.add(key);
  }
  return [...entered];
}

/** The lines a transition makes the caller say: its own `say`s, then those on entering its targets. */
function linesOf(states: States, t: TransitionInfo): string[] {
  const says = (actions: ActionConfig | ActionConfig[] | undefined) =>
    toArray(actions).flatMap((a) => (a.type === 'say' ? [a.params.line] : []));
  return [...says(t.actions), ...enteredBy(states, t).flatMap((key) => says(states.get(key)?.node.entry))];
}

/** A transition out of `state` (or one that ends the call): after it, no move of `state` can be played. */
function leaves(states: States, t: TransitionInfo, state: string): boolean {
  if (t.actions.some((a) => a.type === 'end')) return true;
  return t.targets.some(
    (target) =>
      !isWithin(target, state) && states.get(commonAncestor(state, target))?.node.type !== 'parallel',
  );
}

// Three-valued guards: `undefined` while an atom they read is not chosen yet.
type Maybe = boolean | undefined;
const and = (values: Iterable<Maybe>): Maybe => {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
};
const or = (values: Iterable<Maybe>): Maybe => {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : false;
};
const not = (v: Maybe): Maybe => (v === undefined ? undefined : !v);

function countAtom(move: string | undefined): Atom {
  return `count:${move ?? ''}`;
}

function evaluate(guard: GuardConfig | undefined, context: Context): Maybe {
  if (!guard) return true;
  const read = (atom: Atom) => context.get(atom);
  switch (guard.type) {
    case 'compare': {
      const value = read(`var:${guard.params.variable}`);
      return typeof value === 'number' ? compare(value, guard.params.op, guard.params.value) : undefined;
    }
    case 'flag':
      return read(`flag:${guard.params.name}`) as Maybe;
    case 'visited':
      return read(`visited:${guard.params.state}`) as Maybe;
    case 'in':
      return read(`in:${guard.params.state}`) as Maybe;
    case 'moveCount': {
      const value = read(countAtom(guard.params.move));
      return typeof value === 'number' ? compare(value, guard.params.op, guard.params.value) : undefined;
    }
    case 'all':
      return and(guard.params.of.map((g) => evaluate(g, context)));
    case 'any':
      return or(guard.params.of.map((g) => evaluate(g, context)));
    case 'not':
      return not(evaluate(guard.params.guard, context));
  }
}

/** Each atom a guard reads, with the constants it is compared with. */
function readAtoms(guard: GuardConfig | undefined, into: Map<Atom, number[]>): void {
  if (!guard) return;
  const add = (atom: Atom, value?: number) => {
    const list = into.get(atom) ?? [];
    if (value !== undefined) list.push(value);
    into.set(atom, list);
  };
  switch (guard.type) {
    case 'compare':
      return add(`var:${guard.params.variable}`, guard.params.value);
    case 'flag':
      return add(`flag:${guard.params.name}`);
    case 'visited':
      return add(`visited:${guard.params.state}`);
    case 'in':
      return add(`in:${guard.params.state}`);
    case 'moveCount':
      return add(countAtom(guard.params.move), guard.params.value);
    case 'all':
    case 'any':
      return guard.params.of.forEach((g) => readAtoms(g, into));
    case 'not':
      return readAtoms(guard.params.guard, into);
  }
}

/**
 * Whether `line` can come back at once: some moment where `first` is taken (its guard true, and
 * no earlier candidate's), nothing takes the call out of `state` before or after it, and then one
 * of `again` (the same move's candidates saying the line) is taken in turn.
 */
function canRepeat(
  scenario: Scenario,
  states: States,
  first: { transition: TransitionInfo; earlier: TransitionInfo[] },
  again: { transition: TransitionInfo; earlier: TransitionInfo[] }[],
  exits: { before: GuardConfig[]; after: GuardConfig[] },
): boolean {
  const { transition } = first;
  const move = transition.event ?? '';
  const taken = (c: { transition: TransitionInfo; earlier: TransitionInfo[] }, context: Context): Maybe =>
    and([evaluate(c.transition.guard, context), ...c.earlier.map((e) => not(evaluate(e.guard, context)))]);
  const activated = new Set(transition.targets.flatMap((t) => activatedBy(states, t)));

  // What the transition's actions and its targets make of each atom.
  const after = (before: Context): Context => {
    const next = new Map(before);
    for (const [atom, value] of before) {
      const [kind, id = ''] = splitAtom(atom);
      if (kind === 'count' && (id === move || id === '')) next.set(atom, (value as number) + 1);
      if (kind === 'visited' && activated.has(id)) next.set(atom, true);
      if (
        kind === 'in' &&
        transition.targets.length > 0 &&
        isWithin(id, transition.source) &&
        id !== transition.source
      )
        next.set(atom, activated.has(id));
    }
    for (const action of transition.actions) {
      if (action.type === 'flag') next.set(`flag:${action.params.name}`, action.params.value ?? true);
      if (action.type === 'set' || action.type === 'adjust') {
        const atom = `var:${action.params.variable}`;
        const declared = scenario.variables[action.params.variable];
        const current = next.get(atom);
        const raw =
          action.type === 'set'
            ? action.params.value
            : typeof current === 'number'
              ? current + action.params.by
              : undefined;
        if (raw === undefined) next.delete(atom);
        else next.set(atom, declared ? Math.min(declared.max, Math.max(declared.min, raw)) : raw);
      }
    }
    return next;
  };
  const holds = (before: Context): Maybe => {
    const next = after(before);
    return and([
      taken(first, before),
      not(or(exits.before.map((g) => evaluate(g, before)))),
      not(or(exits.after.map((g) => evaluate(g, next)))),
      or(again.map((c) => taken(c, next))),
    ]);
  };

  // The atoms and the values worth trying for each.
  const read = new Map<Atom, number[]>();
  for (const c of [first, ...again]) for (const t of [c.transition, ...c.earlier]) readAtoms(t.guard, read);
  [...exits.before, ...exits.after].forEach((g) => readAtoms(g, read));
  const choices: [Atom, Value[]][] = [...read].map(([atom, constants]) => [
    atom,
    valuesOf(scenario, atom, constants, move, transition.actions),
  ]);

  const context: Context = new Map();
  const search = (i: number): boolean => {
    const verdict = holds(context);
    if (verdict !== undefined) return verdict;
    const choice = choices[i];
    // Every atom chosen and still unknown cannot happen; said possible rather than hidden.
    if (!choice) return true;
    const [atom, values] = choice;
    for (const value of values) {
      context.set(atom, value);
      if (search(i + 1)) return true;
    }
    context.delete(atom);
    return false;
  };
  return search(0);
}

function splitAtom(atom: Atom): [string, string | undefined] {
  const at = atom.indexOf(':');
  return [atom.slice(0, at), atom.slice(at + 1)];
}

/** The values of an atom where a comparison can change, before and after the transition, and between. */
function valuesOf(
  scenario: Scenario,
  atom: Atom,
  constants: number[],
  move: string,
  actions: ActionConfig[],
): Value[] {
  const [kind, id = ''] = splitAtom(atom);
  if (kind === 'flag' || kind === 'visited' || kind === 'in') return [false, true];
  if (kind === 'count') {
    // The move being played counts already: its own count is at least 1, as is the total.
    const least = id === move || id === '' ? 1 : 0;
    const points = new Set([least, ...constants.flatMap((c) => [c - 2, c - 1, c, c + 1])]);
    return [...points].filter((n) => n >= least && Number.isInteger(n)).sort((a, b) => a - b);
  }
  const declared = scenario.variables[id];
  if (!declared) return [0];
  // The shifts the transition's adjustments bring (a `set` fixes the value after it).
  const shifts = [0];
  let sum = 0;
  for (const a of actions) {
    if (a.type === 'adjust' && a.params.variable === id) shifts.push((sum += a.params.by));
    if (a.type === 'set' && a.params.variable === id) sum = 0;
  }
  const bases = [declared.min, declared.max, declared.initial, ...constants];
  const points = [...new Set(bases.flatMap((b) => shifts.map((s) => b - s)))]
    .filter((v) => v >= declared.min && v <= declared.max)
    .sort((a, b) => a - b);
  const between = points.slice(1).map((v, i) => (v + points[i]!) / 2);
  return [...points, ...between];
}

export function checkRepeatedLines(scenario: Scenario, at: At): void {
  const states = collectStates(scenario.machine);
  const transitions = listTransitions(scenario, states);
  const reachable = reachableStates(scenario, states, transitions);
  const bySource = transitionsBySource(transitions);
  const warned = new Set<string>();

  for (const [source, list] of bySource) {
    if (!reachable.has(source)) continue;
    // Each move's candidates in order: XState takes the first whose guard holds.
    const byMove = new Map<string, TransitionInfo[]>();
    for (const t of list)
      if (t.kind === 'on' && t.event !== undefined && t.event in scenario.moves)
        byMove.set(t.event, [...(byMove.get(t.event) ?? []), t]);
    for (const [move, candidates] of byMove) {
      const ranked = candidates.flatMap((transition, i) => {
        const earlier = candidates.slice(0, i);
        // After an unguarded candidate, none is ever taken (the lint's unreachable transition).
        return earlier.some((e) => !e.guard) ? [] : [{ transition, earlier }];
      });
      for (const first of ranked) {
        const { transition } = first;
        if (transition.actions.some((a) => a.type === 'end')) continue;
        if (!transition.targets.every((t) => isWithin(t, source))) continue;
        const activated = new Set(transition.targets.flatMap((t) => activatedBy(states, t)));
        // A state entered below the source that takes the same move answers it next time itself.
        if ([...activated].some((k) => k !== source && isWithin(k, source) && states.get(k)?.node.on?.[move]))
          continue;
        const exits = exitGuards(scenario, states, bySource, source, activated, move);
        for (const line of new Set(linesOf(states, transition))) {
          const config = scenario.lines[line];
          if (!config || config.variants?.length) continue;
          const key = `${move}\u0000${line}`;
          if (warned.has(key)) continue;
          const again = ranked.filter((c) => linesOf(states, c.transition).includes(line));
          if (!canRepeat(scenario, states, first, again, exits)) continue;
          warned.add(key);
          at(
            'warning',
            VariantsLintCode.RepeatedLine,
            msg('lint.repeated_line', {
              line: excerpt(config.text),
              move: scenario.moves[move]?.label ?? move,
              where:
                source === ''
                  ? msg('lint.repeated_line.anywhere')
                  : msg('lint.repeated_line.state', { label: stateLabel(states, source) }),
            }),
            ['lines', line],
          );
        }
      }
    }
  }
}

/**
 * The guards of what takes the call out of `source` on its own: an immediate transition (checked
 * before the move, when the call rests in the state, and after it), and the listener's `acted`
 * right after a heard move. Read on the source, its ancestors and the states below it.
 */
function exitGuards(
  scenario: Scenario,
  states: States,
  bySource: Map<string, TransitionInfo[]>,
  source: string,
  activated: Set<string>,
  move: string,
): { before: GuardConfig[]; after: GuardConfig[] } {
  const around = new Set([...ancestorKeys(source), ...activated]);
  for (const key of states.keys()) if (isWithin(key, source)) around.add(key);
  const always: GuardConfig[] = [];
  const acted: GuardConfig[] = [];
  const unguarded: GuardConfig = { type: 'all', params: { of: [] } };
  for (const key of around)
    for (const t of bySource.get(key) ?? []) {
      if (!leaves(states, t, source)) continue;
      if (t.kind === 'always') always.push(t.guard ?? unguarded);
      if (t.kind === 'on' && t.event === 'acted') acted.push(t.guard ?? unguarded);
    }
  const heard = scenario.moves[move]?.heard !== false;
  return { before: always, after: heard ? [...always, ...acted] : always };
}
