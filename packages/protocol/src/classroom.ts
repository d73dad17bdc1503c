// The classroom (issue 14): a trainer's group session. A class has a join code; learners join
// with a pseudonym (no account) and get a learner token; each round launches one session per
// group; the floor (« plateau ») shows every live call of the class as a tile; the group debrief
// compares the calls of one scenario. REST DTOs, request schemas and the `/classroom` Socket.IO
// namespace's events live here.
import { z } from 'zod';
import { HINT_MODES } from '@ecoute/engine';
import type { EndReason, GaugeLevel, Outcome, ScenarioGraph } from '@ecoute/engine';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './constants.js';
import type { MeasuredSpan, MomentRef } from './debrief.js';
import type { Ack } from './errors.js';

/** The Socket.IO namespace of the floor and of the learners' waiting pages. */
export const CLASSROOM_NAMESPACE = '/classroom';
/** Join codes: six characters, no 0/O or 1/I to misread. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** Tiles are sent at most this often to a floor (the server coalesces in between). */
export const FLOOR_INTERVAL_MS = 1000;
/** A silence (no listener move or words while connected, not on hold) longer than this alerts. */
export const FLOOR_SILENCE_MS = 30_000;
/** Points kept per variable for a tile's sparkline. */
export const SPARKLINE_POINTS = 30;
/** Learners of one class at most. */
export const MAX_CLASS_LEARNERS = 60;

const scenarioId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/);
const entityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/);
const text = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

export const classCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    scenarioIds: z.array(scenarioId).min(1).max(12),
  })
  .strict();
export type ClassCreateRequest = z.infer<typeof classCreateSchema>;

export const classJoinSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)),
    pseudonym: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  })
  .strict();
export type ClassJoinRequest = z.infer<typeof classJoinSchema>;

/** One group of a round: a listener, a learner playing the caller or the machine (null), observers. */
export const classGroupSchema = z
  .object({
    listener: entityId,
    callerActor: entityId.nullable(),
    observers: z.array(entityId).max(8),
  })
  .strict();
export type ClassGroup = z.infer<typeof classGroupSchema>;

/**
 * A group session's settings, kept with the class (`PUT /api/classes/:classId/settings`, shown
 * again on a reload): the help mode of the listener's console in every call of its rounds (as a
 * single session's `hintMode`, and in free speech `askTrainer`), and whether the random groups
 * leave the caller to the machine.
 */
export const classSettingsSchema = z
  .object({
    hintMode: z.enum(HINT_MODES),
    askTrainer: z.boolean(),
    machineCaller: z.boolean(),
  })
  .strict();
export type ClassSettings = z.infer<typeof classSettingsSchema>;
/** A new class's settings (those of a single session's form). */
export const DEFAULT_CLASS_SETTINGS: ClassSettings = {
  hintMode: 'guided',
  askTrainer: false,
  machineCaller: false,
};

/**
 * A round: its calls' help mode is `hintMode` (with `askTrainer`, in free speech) when given,
 * else the class's settings'.
 */
export const launchRoundSchema = z
  .object({
    scenarioId,
    hintMode: z.enum(HINT_MODES).optional(),
    askTrainer: z.boolean().optional(),
    groups: z.array(classGroupSchema).min(1).max(40),
  })
  .strict();
export type LaunchRoundRequest = z.infer<typeof launchRoundSchema>;

export type ClassRole = 'listener' | 'callerActor' | 'observer';

export interface ClassSummary {
  classId: string;
  name: string;
  code: string;
  scenarioIds: string[];
  createdAt: string;
  learnerCount: number;
  rounds: number;
}

export interface ClassLearner {
  learnerId: string;
  pseudonym: string;
  joinedAt: string;
}

export interface ClassCallMember {
  learnerId: string;
  pseudonym: string;
  role: ClassRole;
}

/** One call of a class: its round, its group, who plays what; the trainer's and observer's links. */
export interface ClassCall {
  sessionId: string;
  round: number;
  group: number;
  scenarioId: string;
  scenarioTitle: string;
  members: ClassCallMember[];
  status: 'live' | 'ended';
  outcome: Outcome | null;
  /** Role link paths (`/animation/<id>#k=…`, `/observation/<id>#k=…`) for the class's trainer. */
  trainerLink: string | null;
  observerLink: string | null;
}

export interface ClassDetail extends ClassSummary {
  settings: ClassSettings;
  learners: ClassLearner[];
  calls: ClassCall[];
  /** The page learners open (`/classe?code=…`), for the QR code. */
  joinPath: string;
}

/**
 * `POST /api/class-join`: the learner's token, kept by their browser for this class. A pseudonym
 * already in the class (compared without case, accents or extra spaces) takes that learner's
 * place back — same `learnerId`, the pseudonym as first given, a new token; the old one opens
 * nothing any more (`class/taken_over`) — when no page of theirs is connected (their class page,
 * one that answers `class:probe` in time, or their listener or caller actor page in a live call);
 * else the join is refused `class/pseudonym_taken` (their trainer can free the place:
 * `classFreePlaceSchema`).
 */
export interface ClassJoined {
  classId: string;
  learnerId: string;
  pseudonym: string;
  token: string;
}

/**
 * `POST /api/classes/:classId/free-place` (the class's trainer): frees a learner's place, for a
 * learner whose old device stays open somewhere (a computer left on in the training room). Their
 * token is retired (`class/place_freed` at the handshake), their pages still open are told
 * (`class:place_freed` on a class page; `session:closed` on their listener or caller actor page,
 * whose role link is renewed: the call goes on, the role without a connection until they
 * rejoin) and closed; the next join with their pseudonym takes their place back.
 */
export const classFreePlaceSchema = z.object({ learnerId: entityId }).strict();
export type ClassFreePlaceRequest = z.infer<typeof classFreePlaceSchema>;
/** The place freed: the learner, and how many live calls' role links were renewed. */
export interface ClassPlaceFreed {
  learnerId: string;
  renewedLinks: number;
}

/** `POST /api/classes/:classId/rounds`: the calls launched. */
export interface RoundLaunched {
  round: number;
  calls: ClassCall[];
}

/**
 * How a call of the class ended, as the listener's end panel says it: its outcome (null: none,
 * « interrompu » — a call the trainer ended) and why it ended (null: a session marked ended whose
 * record holds no ending).
 */
export interface ClassCallEnd {
  outcome: Outcome | null;
  reason: EndReason | null;
}

/**
 * What a learner's page shows: their role in the current round and the link to open; once that
 * call has ended, how (`ended`, from the record: the same after a reload — and `class:assignment`
 * is sent again to the call's learners when it ends), and for its listener alone their debrief
 * (the debrief opens to the listener's and the trainer's links only).
 */
export interface LearnerAssignment {
  round: number;
  scenarioTitle: string;
  role: ClassRole;
  link: string;
  mates: { pseudonym: string; role: ClassRole }[];
  ended: ClassCallEnd | null;
  /** `/debrief/<id>#k=…` for the listener of a call that ended; null otherwise. */
  debriefLink: string | null;
}

// --- The floor ---

export type FloorAlert =
  | { kind: 'silence'; ms: number }
  | { kind: 'danger'; variable: string }
  | { kind: 'protocol_missed'; criterion: string }
  | { kind: 'ended'; outcome: Outcome | null };

export interface FloorVariable {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  level: GaugeLevel;
  /** The last values (one per change), oldest first: the sparkline. */
  history: number[];
}

export interface FloorTile {
  sessionId: string;
  round: number;
  group: number;
  scenarioTitle: string;
  listener: string | null;
  callerActor: string | null;
  observers: string[];
  /** Session time (ms) when the tile was made, and whether the call clock runs. */
  t: number;
  /** Call time (ms) from the pickup, what the floor shows (as the consoles); null while it rings. */
  callMs: number | null;
  paused: boolean;
  phase: 'ringing' | 'connected' | 'ended';
  /** The current state's label (the leaf-most active state). */
  stateLabel: string;
  variables: FloorVariable[];
  alerts: FloorAlert[];
  /** Higher first on the floor: 0 nothing to see, then ended, silence, protocol, danger. */
  urgency: number;
}

/** `floor:tiles`: the tiles that changed since the last message, and the calls gone. */
export interface FloorTiles {
  tiles: FloorTile[];
  removed: string[];
  /** Every tile of the class now (the first message after a connection is full). */
  full: boolean;
}

export const floorCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whisper'), sessionId: entityId, text }).strict(),
  z.object({ kind: z.literal('adlib'), sessionId: entityId, text }).strict(),
  z.object({ kind: z.literal('pause'), sessionId: entityId }).strict(),
  z.object({ kind: z.literal('resume'), sessionId: entityId }).strict(),
  z.object({ kind: z.literal('pause_all') }).strict(),
  z.object({ kind: z.literal('resume_all') }).strict(),
  z.object({ kind: z.literal('message'), text }).strict(),
]);
export type FloorCommand = z.infer<typeof floorCommandSchema>;
/** How many calls (or learner pages, for a message) the command reached. */
export type FloorCommandAck = Ack<{ applied: number }>;

/** The `/classroom` handshake: the floor (the trainer's cookie) or a learner (their token). */
export const classHandshakeSchema = z
  .object({
    classId: entityId,
    learnerToken: z.string().min(1).max(128).optional(),
    protocolVersion: z.number().int(),
  })
  .strict();
export type ClassHandshake = z.infer<typeof classHandshakeSchema>;

/**
 * `class:message`: the trainer's message to every learner of the class (the floor's `message`
 * command), to their group session page and to the call pages of the class's calls they opened
 * from it (those hold the learner's class connection too). Not part of any call: never in a
 * call's timeline.
 */
export interface ClassMessage {
  text: string;
  /** When it was sent (ISO). */
  at: string;
  /** Who sent it: the trainer's name (their account's), as the message shows it. */
  from: string;
  /** The round under way when it was sent (0 before the first). */
  round: number;
}
/**
 * A learner page that connects is sent the class's last message again if it was sent during the
 * round under way and at most this long ago: a learner who opens her call page just after
 * « on arrête dans 2 minutes » still reads it, not a message of an earlier round or of an hour
 * ago (a round lasts about a call, 10 minutes or so).
 */
export const CLASS_MESSAGE_RECENT_MS = 10 * 60_000;

export const ClassEvent = {
  FloorTiles: 'floor:tiles',
  FloorCommand: 'floor:command',
  Roster: 'class:roster',
  Assignment: 'class:assignment',
  Message: 'class:message',
  /** To a learner's page whose place was taken back from another device (`class/taken_over`). */
  TakenOver: 'class:taken_over',
  /** To a learner's page whose place the trainer freed (`class/place_freed`). */
  PlaceFreed: 'class:place_freed',
  /**
   * Asked of a learner's class pages when a join names that learner: a page answers at once (the
   * ack); one that does not answer in time is a dead device's (its network gone without a close).
   */
  Probe: 'class:probe',
} as const;

export interface ClassServerToClientEvents {
  [ClassEvent.FloorTiles]: (tiles: FloorTiles) => void;
  [ClassEvent.Roster]: (learners: ClassLearner[]) => void;
  [ClassEvent.Assignment]: (assignment: LearnerAssignment | null) => void;
  [ClassEvent.Message]: (message: ClassMessage) => void;
  [ClassEvent.TakenOver]: () => void;
  [ClassEvent.PlaceFreed]: () => void;
  [ClassEvent.Probe]: (ack: (alive: true) => void) => void;
}

export interface ClassClientToServerEvents {
  [ClassEvent.FloorCommand]: (command: unknown, ack: (answer: FloorCommandAck) => void) => void;
}

// --- The group debrief ---

export interface GroupDebriefCall {
  sessionId: string;
  round: number;
  group: number;
  listener: string | null;
  /** The leaf-most state entered at each state change, in order. */
  path: { state: string; at: MomentRef }[];
  /** The machine's transitions this call took, by edge of the scenario's graph, in order first taken. */
  transitions: CallTransition[];
  measures: {
    timeToPickup: MeasuredSpan | null;
    timeToFirstOpenQuestion: MeasuredSpan | null;
    timeToAlertColleague: MeasuredSpan | null;
    /**
     * How the call ended: `ending` null and `reason` `trainer` for a call the trainer ended, whose
     * `message` is the engine's French record — the page says it in its own words.
     */
    outcome: {
      ending: string | null;
      outcome: Outcome | null;
      reason: EndReason;
      message: string;
      at: MomentRef;
    } | null;
  };
  rubric: {
    criterion: string;
    label: string;
    assessed: boolean;
    met: boolean | null;
    evidence?: MomentRef;
  }[];
}

export interface GroupDebrief {
  classId: string;
  scenario: { id: string; title: string };
  graph: ScenarioGraph;
  /**
   * The edges of `graph` some call took (the machine's transitions, self-transitions and
   * reactions included), with how many calls took each (a call counts once) and how many times
   * in all; most taken first.
   */
  transitions: GroupDebriefEdge[];
  calls: GroupDebriefCall[];
}

/** One edge of the scenario's graph (`ScenarioGraph` edge id) a call took, and how many times. */
export const callTransitionSchema = z
  .object({ edge: z.string().min(1), times: z.number().int().min(1) })
  .strict();
export type CallTransition = z.infer<typeof callTransitionSchema>;

/**
 * One edge of the group debrief's graph: its id, its ends as the graph has them (`from` '' for
 * the machine's root, `to` null for a reaction that stays), the number of calls that took it and
 * the times it was taken in all.
 */
export const groupDebriefEdgeSchema = z
  .object({
    edge: z.string().min(1),
    from: z.string(),
    to: z.string().nullable(),
    calls: z.number().int().min(1),
    times: z.number().int().min(1),
  })
  .strict();
export type GroupDebriefEdge = z.infer<typeof groupDebriefEdgeSchema>;

export const groupDebriefQuerySchema = z.object({ scenarioId }).strict();
