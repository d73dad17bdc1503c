// The vocabulary of a session's timeline: who acts, what they send (inputs), and what the
// simulated call does in return (observations). Pure data: it is stored, replayed and sent.

export const ROLES = ['listener', 'trainer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Who an entry comes from: a person's role, the simulated caller, or the system (timers). */
export type Source = Role | 'caller' | 'system';

export const OUTCOMES = ['best', 'good', 'partial', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CUES = [
  'ring',
  'sigh',
  'crying',
  'silence',
  'noise',
  'crackle',
  'alarm',
  'doorbell',
  'hold_music',
  'hangup',
] as const;
export type Cue = (typeof CUES)[number];

/** What a person sends. The machine sees moves and injects by their id, plus `say` and `hangup`. */
export type Input =
  | { kind: 'pickup' }
  | { kind: 'move'; move: string }
  | { kind: 'say'; text: string }
  | { kind: 'hangup' }
  | { kind: 'inject'; inject: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'end' };
export type InputKind = Input['kind'];

export interface VoiceSettings {
  lang: string;
  rate: number;
  pitch: number;
}

/** Why a call ended. */
export type EndReason = 'scenario' | 'hangup' | 'trainer';

/** What the simulated call does in answer to an input or a timer. */
export type Observation =
  | { kind: 'line'; line: string; text: string; cue?: Cue; voice?: Partial<VoiceSettings> }
  | { kind: 'cue'; cue: Cue }
  | { kind: 'variable'; variable: string; value: number; previous: number }
  | { kind: 'state'; states: string[] }
  | { kind: 'note'; text: string }
  | { kind: 'ending'; ending: string | null; outcome: Outcome | null; message: string; reason: EndReason };
export type ObservationKind = Observation['kind'];

/** An observation with the session time it happened at (ms on the session clock). */
export interface TimedObservation {
  t: number;
  observation: Observation;
}

/** One row of the append-only timeline. `seq` has no gap within a session. */
export type TimelineEntry = {
  seq: number;
  /** Session time in ms: the pausable session clock, 0 at session creation. */
  t: number;
  /** Wall-clock time, ISO 8601. */
  at: string;
  source: Source;
} & ({ kind: 'input'; input: Input } | { kind: 'observation'; observation: Observation });

/** Observations only the trainer may see. */
const TRAINER_ONLY_OBSERVATIONS: ReadonlySet<ObservationKind> = new Set(['variable', 'state', 'note']);
/** Inputs only the trainer may see (the listener must feel an inject, not read it). */
const TRAINER_ONLY_INPUTS: ReadonlySet<InputKind> = new Set(['inject']);

/** Whether `role` may see `entry`. The single rule every role view is filtered by. */
export function isVisibleTo(role: Role, entry: TimelineEntry): boolean {
  if (role === 'trainer') return true;
  if (entry.kind === 'input') return !TRAINER_ONLY_INPUTS.has(entry.input.kind);
  return !TRAINER_ONLY_OBSERVATIONS.has(entry.observation.kind);
}
