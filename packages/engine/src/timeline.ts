// The vocabulary of a session's timeline: who acts, what they send (inputs), and what the
// simulated call does in return (observations). Pure data: it is stored, replayed and sent.

/**
 * `callerActor`: a learner who plays the caller from cue cards (optional per session); the
 * machine still runs, suggests the lines and keeps state, variables and timeline complete.
 */
export const ROLES = ['listener', 'trainer', 'observer', 'callerActor'] as const;
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
  | { kind: 'end' }
  // --- live role-play (issue 4) ---
  /** Anyone opening a role link: the display name the timeline and the debrief keep. */
  | { kind: 'join'; name: string }
  /**
   * Listener: phone hold (hold music) and back; the machine sees the standard move
   * (`HOLD_MOVES`) when the state takes it, else the event `hold` / `unhold`.
   */
  | { kind: 'hold' }
  | { kind: 'unhold' }
  /** Listener: a private note; `shared` as the listener's sharing switch was when written. */
  | { kind: 'note'; text: string; shared: boolean }
  /** Trainer: a hint only the listener (and observers) read; the caller does not hear it. */
  | { kind: 'whisper'; text: string }
  /** Trainer: an ad-lib caller line, spoken to the listener like a scripted one. */
  | { kind: 'adlib'; text: string }
  /** Trainer: a generic event any call can have. */
  | { kind: 'effect'; effect: GenericEffect }
  /**
   * Trainer: marks a moment, with a comment, for the debrief. `moment`: the session time (ms)
   * « Marquer ce moment » was pressed, before the comment was typed (never after the entry's `t`);
   * without it, the bookmark marks the moment it was recorded.
   */
  | { kind: 'bookmark'; comment: string; moment?: number }
  /** Trainer: shows observers the hidden variables and the graph (projector mode), or not. */
  | { kind: 'projector'; on: boolean }
  /** Caller actor: says a line (typed, or a suggested line id with its text). */
  | { kind: 'speak'; text: string; line?: string }
  // --- free speech (issue 12) ---
  /**
   * Recorded by the server in « parole libre »: the listener's sentence read as one of the moves
   * the state offered (`n`: its rank among the session's interpretations, from 0). `understood`
   * (score at or above the threshold then) applies `move`; otherwise the caller does not follow
   * (« Pardon ? »), or, with `askMs`, the trainer has that long (session time) to pick the move.
   * `offered`: the moves the state offered when the sentence was said (what the matcher read it
   * against, and all a correction of it may name); absent from sessions recorded before it, whose
   * run takes them from the state at that moment (the same list: replay is deterministic).
   * Replay applies what is recorded: it never runs the matcher again.
   * `phone`: the reading, of the hold move or the resume (`HOLD_MOVES`), was done as the phone's
   * button does it (hold music on hold, the call on hold or back, the machine's move): set by the
   * server when the phone could do it then (`CallRun.phoneHoldFor`). Absent from sessions
   * recorded before it, whose hold readings replay as the plain move they applied.
   * `acted`: the sentence is the listener speaking for the caller's silence timers: the run sends
   * `acted` at the end of the reading's step (after its move's event, as after a guided `move`;
   * before « Pardon ? »). Set by the server (`CallRun.actedFor`): a sentence not understood, as a
   * guided `say`; an understood one unless its move is `heard: false`; never with `phone` (the
   * phone's button sends none). Absent from sessions recorded before it, whose sentences restarted
   * no timer and replay so.
   * `say`: the sentence, not understood, was said where the machine takes any words (a state
   * active then reacts to `say`, `CallRun.takesSay`): the run sends the machine `say` with the
   * text, then `acted` when recorded, as for a guided sentence, in place of « Pardon ? »; the
   * server records no `askMs` with it (the caller answered: no pick to wait for; a correction
   * stays possible, as of an understood reading). Absent from sessions recorded before it, whose
   * sentences got « Pardon ? » (or the pick's wait) and replay so.
   * `silenceAfterPick`: with `askMs` and `acted`, the timers the sentence's `acted` (re)starts
   * count from the end of the pick's wait, `askMs` later: the caller answers the sentence (the
   * pick, or « Pardon ? » at its timeout) before he wonders whether anyone is there, never both
   * at once. Set by the server with every pick wait that has `acted`. Absent from sessions
   * recorded before it, whose silence timers counted from the sentence and replay so.
   */
  | {
      kind: 'interpret';
      n: number;
      text: string;
      move: string | null;
      score: number;
      runnerUp: { move: string; score: number } | null;
      understood: boolean;
      askMs?: number;
      offered?: string[];
      phone?: PhoneHold;
      acted?: boolean;
      say?: boolean;
      silenceAfterPick?: boolean;
    }
  /**
   * Trainer: interpretation `n` should have been `move` (or the pick it waits for), one of the
   * moves offered when `n` was said (`CallRun.movesOfferedAt`; the server refuses any other).
   * `applied` is set by the server when it records it (see `CallRun.correctionApplies`): the
   * move is applied now when the state offers it and it is not what `n` already applied.
   * `phone`: an applied correction to the hold move or the resume, done as the phone's button
   * does it (set by the server, as an `interpret`'s; absent from sessions recorded before it).
   * `acted`: an applied correction is the move the listener's sentence made, late: the run sends
   * `acted` after its event, as after a guided `move` (set by the server as an `interpret`'s: not
   * for a move `heard: false` nor with `phone`; absent from sessions recorded before it).
   */
  | { kind: 'correct'; n: number; move: string; applied: boolean; phone?: PhoneHold; acted?: boolean };
export type InputKind = Input['kind'];

/** The standard moves the phone's hold and resume reach the machine as, when the state takes them. */
export const HOLD_MOVES = { hold: 'mettre_en_attente', unhold: 'reprendre_appel' } as const;
/** The phone's hold (`hold`) or resume (`unhold`). */
export type PhoneHold = keyof typeof HOLD_MOVES;

/**
 * Whether an input put the call on hold or took it back: the phone's button (`hold` / `unhold`),
 * a sentence read, or corrected, as the phone's (`interpret` or `correct` with `phone`), or the
 * standard move sent as a move.
 */
export function phoneHoldOf(input: Input): PhoneHold | null {
  if (input.kind === 'hold' || input.kind === 'unhold') return input.kind;
  if (input.kind === 'interpret' || input.kind === 'correct') return input.phone ?? null;
  if (input.kind !== 'move') return null;
  if (input.move === HOLD_MOVES.hold) return 'hold';
  return input.move === HOLD_MOVES.unhold ? 'unhold' : null;
}

/** The move an input made, if any: a move, an understood interpretation, an applied correction. */
export function moveMadeBy(input: Input): string | null {
  if (input.kind === 'move') return input.move;
  if (input.kind === 'interpret') return input.understood ? input.move : null;
  if (input.kind === 'correct') return input.applied ? input.move : null;
  return null;
}

export const GENERIC_EFFECTS = [
  'crackle',
  'silence',
  'background_noise',
  'caller_hangup',
  'call_drop',
] as const;
/** Generic injects: line noise, a silence, background noise; the caller hangs up; the call drops. */
export type GenericEffect = (typeof GENERIC_EFFECTS)[number];

export interface VoiceSettings {
  lang: string;
  rate: number;
  pitch: number;
}

/** Why a call ended. */
export type EndReason = 'scenario' | 'hangup' | 'trainer' | 'caller_hangup' | 'call_drop';

/** What the simulated call does in answer to an input or a timer. */
export type Observation =
  | {
      kind: 'line';
      line: string;
      text: string;
      cue?: Cue;
      /** A stage direction: shown in italics, never spoken. */
      direction?: string;
      voice?: Partial<VoiceSettings>;
    }
  /** With a caller actor: the line the machine would say, offered to the actor (not heard). */
  | { kind: 'suggestion'; line: string; text: string }
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

type Audience = readonly Role[];
const ALL: Audience = ROLES;
const CALL: Audience = ['trainer', 'listener', 'observer', 'callerActor'];
const ROOM: Audience = ['trainer', 'listener', 'observer'];
const TRAINER: Audience = ['trainer'];

/**
 * Who sees each kind of input. The listener must feel an inject, not read it; a caller actor
 * must know it (a neighbour rings at *their* door). Whispers reach the listener's room, never
 * the caller. Private notes stay with their writer unless shared with the trainer.
 */
const INPUT_AUDIENCE: Record<InputKind, Audience> = {
  pickup: ALL,
  move: ALL,
  say: ALL,
  hangup: ALL,
  inject: ['trainer', 'callerActor'],
  pause: ALL,
  resume: ALL,
  end: ALL,
  join: ALL,
  hold: ALL,
  unhold: ALL,
  note: ['listener'],
  whisper: ROOM,
  adlib: TRAINER,
  effect: ['trainer', 'callerActor'],
  bookmark: TRAINER,
  projector: ['trainer', 'observer'],
  speak: ['trainer', 'callerActor'],
  // A sentence is heard like `say` (a caller actor answers it; the listener's page shows the
  // text only); corrections are the trainer's.
  interpret: ALL,
  correct: TRAINER,
};

/** Who sees each kind of observation (hidden variables and states are the trainer's). */
const OBSERVATION_AUDIENCE: Record<ObservationKind, Audience> = {
  line: CALL,
  suggestion: ['trainer', 'callerActor'],
  cue: CALL,
  variable: TRAINER,
  state: ['trainer', 'callerActor'],
  note: TRAINER,
  ending: CALL,
};

/**
 * `entry` as `role` receives it live: a reading's moves offered then (`interpret.offered`) are the
 * trainer's alone — in free speech the listener has no move list, and the moves must not reach
 * her page in the readings either. The same copy for every role but the trainer (`stripped`), so
 * that roles seeing the same entries still share one update.
 */
export function entryFor(role: Role, entry: TimelineEntry): TimelineEntry {
  if (role === 'trainer' || entry.kind !== 'input' || entry.input.kind !== 'interpret') return entry;
  if (entry.input.offered === undefined) return entry;
  let copy = stripped.get(entry);
  if (!copy) {
    const { offered: _offered, ...input } = entry.input;
    copy = { ...entry, input };
    stripped.set(entry, copy);
  }
  return copy;
}

const stripped = new WeakMap<TimelineEntry, TimelineEntry>();

/** Whether `role` may see `entry`. The single rule every role view is filtered by. */
export function isVisibleTo(role: Role, entry: TimelineEntry): boolean {
  if (role === 'trainer') {
    // A listener's note reaches the trainer only when written with sharing on.
    return entry.kind === 'input' && entry.input.kind === 'note' ? entry.input.shared : true;
  }
  return entry.kind === 'input'
    ? INPUT_AUDIENCE[entry.input.kind].includes(role)
    : OBSERVATION_AUDIENCE[entry.observation.kind].includes(role);
}
