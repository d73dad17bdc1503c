import { useMemo, useRef } from 'react';
import type { RoleView, ScenarioLabels } from '@ecoute/engine';

/** Labels of moves, injects and variables by id, for showing past entries by their name. */
export interface KnownLabels {
  moves: ReadonlyMap<string, string>;
  injects: ReadonlyMap<string, string>;
  variables: ReadonlyMap<string, string>;
  /** State paths and their labels (trainer and caller actor): a state is never shown by id. */
  states: ReadonlyMap<string, string>;
}

/**
 * The scenario's labels this role may know come with every sync (`labels`), so a late joiner
 * names past moves too; labels seen in views are kept as well, in case a sync has not answered.
 */
export function useKnownLabels(view: RoleView | null, known: ScenarioLabels | null = null): KnownLabels {
  const memory = useRef({
    moves: new Map<string, string>(),
    injects: new Map<string, string>(),
    variables: new Map<string, string>(),
    states: new Map<string, string>(),
  });
  return useMemo(() => {
    const { moves, injects, variables, states } = memory.current;
    for (const [id, label] of Object.entries(known?.states ?? {})) states.set(id, label);
    for (const [id, label] of Object.entries(known?.moves ?? {})) moves.set(id, label);
    for (const [id, label] of Object.entries(known?.injects ?? {})) injects.set(id, label);
    for (const [id, label] of Object.entries(known?.variables ?? {})) variables.set(id, label);
    if (view && 'moves' in view) for (const move of view.moves) moves.set(move.id, move.label);
    if (view?.role === 'callerActor') {
      for (const inject of view.choices) injects.set(inject.id, inject.label);
      for (const state of view.states) states.set(state.id, state.label);
    }
    if (view?.role === 'trainer') {
      for (const inject of view.injects) injects.set(inject.id, inject.label);
      for (const variable of view.variables) variables.set(variable.id, variable.label);
    }
    return {
      moves: new Map(moves),
      injects: new Map(injects),
      variables: new Map(variables),
      states: new Map(states),
    };
  }, [view, known]);
}
