// Role views: what one role may see of a live call, computed on the server. The listener's and
// the observer's views carry no trainer-only field (hidden variables, states, injects, persona
// background): that is a rule of the product, tested at the socket level.
import type { EngineMessage } from '../messages.js';
import type { UnavailableReason } from '../scenario/availability.js';
import type { EndReason, Outcome, VoiceSettings } from '../timeline.js';

export type CallPhase = 'ringing' | 'connected' | 'ended';

/**
 * How much the listener's console suggests (chosen by the trainer per session): `guided` moves
 * with their help, `no_hints` move labels only, `free_speech` no move list (their own words).
 */
export const HINT_MODES = ['guided', 'no_hints', 'free_speech'] as const;
export type HintMode = (typeof HINT_MODES)[number];

/** Free speech, for the trainer: the mode, and the interpretation waiting for their pick. */
export interface SpeechView {
  mode: HintMode;
  pending: {
    n: number;
    text: string;
    /** The matcher's best guess (below the threshold) and its score. */
    move: string | null;
    score: number;
    /** Session time (ms) after which the caller says « Pardon ? » instead. */
    dueT: number;
  } | null;
}

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
  /** The listener has put the caller on hold (hold music). */
  onHold: boolean;
  /** Observers only, when the trainer switches projector mode on: what the trainer sees. */
  projector: ProjectorView | null;
  /** The session's hint mode: `moves` carry no help in `no_hints` and are empty in `free_speech`. */
  mode: HintMode;
}

/** Projector mode: the hidden variables and the active states, shown to the whole group. */
export interface ProjectorView {
  variables: VariableGauge[];
  states: string[];
}

export interface VariableGauge {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** The scenario's thresholds: where the value becomes worrying, then dangerous. */
  thresholds?: GaugeThresholds;
}

export interface GaugeThresholds {
  /** `down`: a low value is the worry (trust, battery). */
  direction: 'up' | 'down';
  warning?: number;
  danger?: number;
}

/** Where a gauge stands against its thresholds. */
export type GaugeLevel = 'ok' | 'warning' | 'danger';

export function gaugeLevel(gauge: Pick<VariableGauge, 'value' | 'thresholds'>): GaugeLevel {
  const th = gauge.thresholds;
  if (!th) return 'ok';
  const reached = (limit: number | undefined) =>
    limit !== undefined && (th.direction === 'down' ? gauge.value <= limit : gauge.value >= limit);
  if (reached(th.danger)) return 'danger';
  if (reached(th.warning)) return 'warning';
  return 'ok';
}

export interface InjectOption {
  id: string;
  label: string;
  help: string;
  /** Whether the current state reacts to this inject. */
  available: boolean;
  /** Why not, when not available: a code and its parameters, worded by the console. */
  reason?: UnavailableReason;
}

export interface PersonaView {
  name: string;
  age: number;
  place: string;
  background: string;
}

/** The persona as the trainer sees it: with the notes written for the trainer (none: null). */
export interface TrainerPersonaView extends PersonaView {
  trainerNotes: string | null;
}

/** What the trainer sees: everything. */
export interface TrainerView {
  role: 'trainer';
  scenario: ScenarioHeader & { summary: string };
  persona: TrainerPersonaView;
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
  onHold: boolean;
  /** Whether observers currently see the projector view. */
  projector: boolean;
  /** Whether a caller actor plays the caller (the machine's lines become suggestions). */
  callerActor: boolean;
  /** The hint mode, and in free speech the interpretation awaiting the trainer's pick. */
  speech: SpeechView;
}

/** What the caller actor's cue cards show: who they are, what the call expects now. */
export interface CallerActorView {
  role: 'callerActor';
  /** The call's title and version; not its summary, written for trainers. */
  scenario: ScenarioHeader;
  /** The persona, secrets (background) included; not the trainer's notes. */
  persona: PersonaView;
  voice: VoiceSettings;
  phase: CallPhase;
  paused: boolean;
  onHold: boolean;
  t: number;
  /** Active states with the author's description of each: what the current state expects. */
  states: { id: string; label: string; description: string | null }[];
  /** The lines the machine would say now, to read or adapt; `direction`: how (the line's own). */
  suggestions: { line: string; text: string; direction?: string }[];
  /**
   * The machine has reached its ending and the suggestions are the caller's last words: the call
   * ends once the actor has said them (or the trainer, a hang-up or the line ends it first).
   */
  closing: boolean;
  /** Injects the actor may trigger themselves (their own reactions), with availability. */
  choices: InjectOption[];
  ending: EndingView | null;
}

export type RoleView = ListenerView | TrainerView | CallerActorView;

/** The state graph as data, for drawing (the trainer's console, the projector, the debrief). */
export interface ScenarioGraph {
  nodes: {
    /** Dot path, e.g. `ecoute.en_ligne`; '' is never a node (the machine root). */
    id: string;
    label: string;
    parent: string | null;
    /** `history`: a pseudo-state a transition can target (back to where its parent was). */
    type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
    description: string | null;
  }[];
  edges: {
    /** The transition's id (`transitionId`), `#<n>` appended per target when it has several. */
    id: string;
    /** A node id, or '' for a transition of the machine root (a reaction in any state). */
    source: string;
    /** Null for a reaction that stays in its state. */
    target: string | null;
    /** What triggers it, in French: a move or inject label, a delay, « automatique »… */
    label: string;
    /**
     * The same as a message (code and parameters): what the client words in its page's language.
     * Absent from a graph made by hand (tests): `label` is read then.
     */
    text?: EngineMessage;
    kind: 'move' | 'inject' | 'say' | 'hangup' | 'after' | 'always' | 'other';
  }[];
}
