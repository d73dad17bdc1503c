// Role views: what one role may see of a live call, computed on the server. The listener's and
// the observer's views carry no trainer-only field (hidden variables, states, injects, persona
// background): that is a rule of the product, tested at the socket level.
import type { EndReason, Outcome, VoiceSettings } from '../timeline.js';

export type CallPhase = 'ringing' | 'connected' | 'ended';

export const MOVE_CATEGORIES = ['listening', 'information', 'action'] as const;
export type MoveCategory = (typeof MOVE_CATEGORIES)[number];

export interface MoveOption {
  id: string;
  label: string;
  category: MoveCategory;
  help: string;
}

export interface EndingView {
  ending: string | null;
  outcome: Outcome | null;
  message: string;
  reason: EndReason;
}

export interface ScenarioHeader {
  id: string;
  version: number;
  title: string;
}

/** What the listener sees (and, identically, an observer). */
export interface ListenerView {
  role: 'listener' | 'observer';
  scenario: ScenarioHeader;
  /** How the browser should speak the caller's lines. */
  voice: VoiceSettings;
  phase: CallPhase;
  paused: boolean;
  /** Session time (ms) when this view was computed. */
  t: number;
  /** The moves the current state offers. */
  moves: MoveOption[];
  ending: EndingView | null;
}

export interface VariableGauge {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
}

export interface InjectOption {
  id: string;
  label: string;
  help: string;
  /** Whether the current state reacts to this inject. */
  available: boolean;
  /** Why not, in French, when not available (e.g. « Condition non remplie : Détresse ≥ 9 »). */
  reason?: string;
}

export interface PersonaView {
  name: string;
  age: number;
  place: string;
  background: string;
}

/** What the trainer sees: everything. */
export interface TrainerView {
  role: 'trainer';
  scenario: ScenarioHeader & { summary: string };
  persona: PersonaView;
  voice: VoiceSettings;
  phase: CallPhase;
  paused: boolean;
  t: number;
  moves: MoveOption[];
  ending: EndingView | null;
  /** Active state ids, leaf first (e.g. `detresse.forte`). */
  states: string[];
  variables: VariableGauge[];
  injects: InjectOption[];
}

export type RoleView = ListenerView | TrainerView;
