import { useMemo, useRef } from 'react';
import type { RoleView } from '@ecoute/engine';

/** Labels of moves, injects and variables by id, for showing past entries by their name. */
export interface KnownLabels {
  moves: ReadonlyMap<string, string>;
  injects: ReadonlyMap<string, string>;
  variables: ReadonlyMap<string, string>;
}

/**
 * Views only list what the current state offers, while the transcript shows moves made in
 * earlier states: so remember every label seen in this session's views.
 */
export function useKnownLabels(view: RoleView | null): KnownLabels {
  const memory = useRef({
    moves: new Map<string, string>(),
    injects: new Map<string, string>(),
    variables: new Map<string, string>(),
  });
  return useMemo(() => {
    const { moves, injects, variables } = memory.current;
    for (const move of view?.moves ?? []) moves.set(move.id, move.label);
    if (view?.role === 'trainer') {
      for (const inject of view.injects) injects.set(inject.id, inject.label);
      for (const variable of view.variables) variables.set(variable.id, variable.label);
    }
    return { moves: new Map(moves), injects: new Map(injects), variables: new Map(variables) };
  }, [view]);
}
