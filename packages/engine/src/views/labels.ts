// The names of a scenario's ids, filtered by role, so a client can show any past entry by its
// label (a move made in an earlier state, an inject for the trainer) even when it joins late.
import type { Scenario } from '../scenario/schema.js';
import type { Role } from '../timeline.js';
import { collectStates } from '../scenario/references.js';
import { stateLabel } from './graph-model.js';

export interface ScenarioLabels {
  moves: Record<string, string>;
  /** Trainer and caller actor only: the listener must feel an inject, not read its name. */
  injects: Record<string, string>;
  /** Trainer only: hidden variables. */
  variables: Record<string, string>;
  /** Trainer and caller actor only: every state path with its label (never shown by id). */
  states: Record<string, string>;
}

export function labelsFor(scenario: Scenario, role: Role): ScenarioLabels {
  const labels = <T extends { label: string }>(table: Record<string, T>): Record<string, string> =>
    Object.fromEntries(Object.entries(table).map(([id, entry]) => [id, entry.label]));
  return {
    moves: labels(scenario.moves),
    injects: role === 'trainer' || role === 'callerActor' ? labels(scenario.injects) : {},
    variables: role === 'trainer' ? labels(scenario.variables) : {},
    states: role === 'trainer' || role === 'callerActor' ? stateLabels(scenario) : {},
  };
}

/** Every state path (not the root) with what people read for it. */
export function stateLabels(scenario: Scenario): Record<string, string> {
  const states = collectStates(scenario.machine);
  const out: Record<string, string> = {};
  for (const key of states.keys()) if (key !== '') out[key] = stateLabel(states, key);
  return out;
}
