// What the role views read of a call run at one moment: plain data, no actor, no clock. The run
// (`run/call-run.ts`) builds it; each role's view is a pure function of it (`listener-view.ts`,
// `observer-view.ts`, `trainer-view.ts`, `caller-actor-view.ts`), so what a role may see is
// decided in one small file per role, away from the run's input rules.
import type { Scenario } from '../scenario/schema.js';
import type { StateInfo } from '../scenario/references.js';
import type {
  CallPhase,
  EndingView,
  HintMode,
  InjectOption,
  MoveOption,
  PersonaView,
  SpeechView,
  TrainerPersonaView,
  VariableGauge,
} from './types.js';

export interface RunState {
  scenario: Scenario;
  phase: CallPhase;
  paused: boolean;
  onHold: boolean;
  /** Session time (ms). */
  t: number;
  /** Active leaf states, dotted paths in document order (shared: read-only). */
  states: string[];
  /** Every state of the machine by path (labels, descriptions). */
  stateInfo: ReadonlyMap<string, StateInfo>;
  /** The moves offered now (shared between roles: read-only). */
  moves: MoveOption[];
  /** Every inject, available or not and why (shared: read-only). */
  injects: InjectOption[];
  /** The hidden variables as gauges (shared: read-only). */
  gauges: VariableGauge[];
  /** With a caller actor: the machine's lines not yet spoken. */
  suggestions: { line: string; text: string }[];
  /** With a caller actor: the suggestions are the caller's last words, the call ends once said. */
  closing: boolean;
  /** The ending, once the call is over (shared: read-only). */
  ending: EndingView | null;
  projector: boolean;
  callerActor: boolean;
  hintMode: HintMode;
  /** Free speech: the interpretation waiting for the trainer's pick. */
  pendingPick: SpeechView['pending'];
}

/**
 * What every view of a scenario repeats, built once per scenario and shared by the views of all
 * its sessions and moments (views are read-only data: sent, compared, never modified).
 */
interface ScenarioParts {
  persona: PersonaView;
  /** The persona with the trainer's notes: the trainer's view only. */
  trainerPersona: TrainerPersonaView;
  voice: Scenario['persona']['voice'];
  header: { id: string; version: number; title: string };
  summaryHeader: { id: string; version: number; title: string; summary: string };
}

const parts = new WeakMap<Scenario, ScenarioParts>();

export function scenarioParts(scenario: Scenario): ScenarioParts {
  let found = parts.get(scenario);
  if (!found) {
    const { name, age, place, background, trainerNotes } = scenario.persona;
    const { id, version, title, summary } = scenario;
    found = {
      persona: { name, age, place, background },
      trainerPersona: { name, age, place, background, trainerNotes: trainerNotes ?? null },
      voice: { ...scenario.persona.voice },
      header: { id, version, title },
      summaryHeader: { id, version, title, summary },
    };
    parts.set(scenario, found);
  }
  return found;
}

/** The caller's persona as every role that sees it is given it (shared: read-only). */
export function personaOf(scenario: Scenario): PersonaView {
  return scenarioParts(scenario).persona;
}
