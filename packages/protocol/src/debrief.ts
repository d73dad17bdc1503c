// REST contract of the debrief (`/api/sessions/:id/debrief…`) and of the sessions list
// (`/api/sessions`, admin token). Requests are zod schemas (validated on arrival: a failure is
// `input/invalid` and records nothing); answers are plain types.
import { z } from 'zod';
import type {
  GaugeThresholds,
  EndReason,
  MoveCategory,
  Outcome,
  ScenarioGraph,
  ScenarioLabels,
  TimelineEntry,
  VoiceSettings,
} from '@ecoute/engine';
import { OUTCOMES } from '@ecoute/engine';
import { MAX_TEXT_LENGTH } from './constants.js';
import { CRITERION_RATINGS, type CriterionRating } from './ratings.js';

export { CRITERION_RATINGS, type CriterionRating };

/** Who reads a debrief: the trainer (everything), or the learner who was the listener. */
export type DebriefViewer = 'trainer' | 'listener';

/** A point of the timeline a result or a measure points at (« voir le moment »). */
export interface MomentRef {
  seq: number;
  t: number;
}

export interface DebriefSessionHeader {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  createdAt: string;
  endedAt: string | null;
  status: 'live' | 'ended';
  /** Display names given on joining (`join` inputs), null when nobody gave one. */
  learner: string | null;
  trainer: string | null;
  /** Session time of the ending (ms), or of the last entry while the call goes on. */
  durationMs: number;
  /** The session's seed (the replay needs it). */
  seed: number;
}

export interface DebriefVariable {
  id: string;
  label: string;
  min: number;
  max: number;
  initial: number;
  /** The scenario's thresholds: the debrief's gauges show « à surveiller » and « danger » as the call did. */
  thresholds?: GaugeThresholds;
}

export interface DebriefScenario {
  id: string;
  version: number;
  title: string;
  summary: string;
  voice: VoiceSettings;
  /** Every variable of the scenario (hidden ones included: the call is being debriefed). */
  variables: DebriefVariable[];
  moves: { id: string; label: string; category: MoveCategory }[];
  /** Names of every id (moves, injects, variables), to show any entry by its label. */
  labels: ScenarioLabels;
}

/** One rubric criterion with its automatic result (auto) or none (judged, by the trainer). */
export interface DebriefCriterion {
  competency: string;
  competencyLabel: string;
  criterion: string;
  label: string;
  help: string | null;
  kind: 'auto' | 'judged';
  /** Automatic criteria: false when the call never reached the criterion (« non évalué »). */
  assessed?: boolean;
  /** Automatic criteria that were assessed. */
  met?: boolean;
  /** The entry that proves the result, or breaks it. */
  evidence?: MomentRef;
}

export interface CriterionJudgment {
  criterion: string;
  rating: CriterionRating;
  comment: string;
  updatedAt: string;
}

export interface SelfAssessmentRating {
  criterion: string;
  rating: CriterionRating;
  comment: string;
}

export interface SelfAssessment {
  ratings: SelfAssessmentRating[];
  comment: string;
  submittedAt: string;
}

/**
 * A marked moment: a trainer's bookmark made during the call (its comment may be edited after:
 * the timeline keeps the original), or an annotation added in the debrief at any moment.
 */
export interface DebriefMark {
  /** `bookmark-<seq>` for a bookmark, the annotation's id otherwise. */
  id: string;
  kind: 'bookmark' | 'annotation';
  /** The bookmark's timeline entry; null for an annotation. */
  seq: number | null;
  t: number;
  comment: string;
  /** A bookmark whose comment was edited: the comment as written during the call. */
  original: string | null;
  updatedAt: string | null;
}

/** A private note of the listener (`note` input). */
export interface ListenerNote {
  seq: number;
  t: number;
  text: string;
  shared: boolean;
}

/** A duration measured between two moments of the call. */
export interface MeasuredSpan {
  ms: number;
  from: MomentRef | null;
  to: MomentRef;
}

/**
 * Measured on the timeline (see server/src/debrief/measures.ts for the rules):
 * - timeToPickup: from the listener's first `join` (the phone was ringing) or 0, to `pickup`;
 * - timeToFirstOpenQuestion: from pickup to the first move whose id contains `question_ouverte`;
 * - longestSilence: the longest span without a listener move or words while connected, not on
 *   hold (the session clock already stops while the session is paused);
 * - reformulations: moves whose id starts with `reformul`;
 * - timeToAlertColleague: from pickup to the first `alerter_collegue` move; `alertMove` says whether
 *   the call offers that move at all (a call without one shows no such measure).
 */
export interface DebriefMeasures {
  timeToPickup: MeasuredSpan | null;
  timeToFirstOpenQuestion: MeasuredSpan | null;
  longestSilence: MeasuredSpan | null;
  reformulations: { count: number; moments: MomentRef[] };
  timeToAlertColleague: MeasuredSpan | null;
  alertMove: boolean;
  outcome: {
    ending: string | null;
    outcome: Outcome | null;
    reason: EndReason;
    message: string;
    at: MomentRef;
  } | null;
}

/** `GET /api/sessions/:id/debrief`: everything the debrief page needs. */
export interface Debrief {
  viewer: DebriefViewer;
  /** The call has ended (an `ending` in the timeline, or the session marked ended). */
  callOver: boolean;
  /** The server sends xAPI statements to an LRS (`ECOUTE_LRS_URL` set): the button shows only then. */
  lrsConfigured: boolean;
  session: DebriefSessionHeader;
  scenario: DebriefScenario;
  graph: ScenarioGraph | null;
  /** The timeline as this viewer may read it (see the server's debrief CONTEXT for the rule). */
  entries: TimelineEntry[];
  rubric: DebriefCriterion[];
  /** The trainer's judgments; null while hidden (a learner who has not self-assessed yet). */
  judgments: CriterionJudgment[] | null;
  selfAssessment: SelfAssessment | null;
  /** Bookmarks and annotations by time; null while hidden, as judgments. */
  marks: DebriefMark[] | null;
  notes: ListenerNote[];
  measures: DebriefMeasures;
}

const comment = z.string().trim().max(MAX_TEXT_LENGTH);
/** A day of session time: longer than any call. */
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

/** `POST /api/sessions/:id/debrief/annotations`: a trainer's note at any moment. */
export const annotationCreateSchema = z
  .object({ t: z.number().int().min(0).max(MAX_SESSION_MS), comment: comment.min(1) })
  .strict();
export type AnnotationCreate = z.infer<typeof annotationCreateSchema>;

/** `PUT /api/sessions/:id/debrief/annotations/:markId`: a new comment (a bookmark's, too). */
export const annotationUpdateSchema = z.object({ comment }).strict();
export type AnnotationUpdate = z.infer<typeof annotationUpdateSchema>;

/** Path parameter of a mark: `bookmark-<seq>` or an annotation id. */
export const markIdSchema = z.string().regex(/^(bookmark-[1-9][0-9]{0,8}|a-[0-9a-f]{16,32})$/);

/** `PUT /api/sessions/:id/debrief/judgments/:criterion`: the trainer's judgment. */
export const judgmentSchema = z.object({ rating: z.enum(CRITERION_RATINGS), comment }).strict();
export type JudgmentRequest = z.infer<typeof judgmentSchema>;

export const criterionIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z][a-z0-9_]*$/);

/** `POST /api/sessions/:id/debrief/self-assessment`: the learner's own rating, given once. */
export const selfAssessmentSchema = z
  .object({
    ratings: z
      .array(z.object({ criterion: criterionIdSchema, rating: z.enum(CRITERION_RATINGS), comment }).strict())
      .max(200),
    comment,
  })
  .strict()
  .refine((value) => value.ratings.length > 0 || value.comment.length > 0, {
    message: 'Au moins une note ou un commentaire.',
  })
  .refine((value) => new Set(value.ratings.map((r) => r.criterion)).size === value.ratings.length, {
    message: 'Un critère noté deux fois.',
  });
export type SelfAssessmentRequest = z.infer<typeof selfAssessmentSchema>;

/** A day of the calendar as YYYY-MM-DD (2024-02-31 or 2024-13-45 are not days: input/invalid). */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const date = new Date(`${day}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'jour inexistant');

/** `GET /api/sessions?…` (admin token): filters of the sessions list, all optional. */
export const sessionListQuerySchema = z
  .object({
    scenario: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]*$/)
      .max(100)
      .optional(),
    /** Part of the learner's display name, case-insensitive. */
    learner: z.string().trim().min(1).max(100).optional(),
    /** Created on or after this day (YYYY-MM-DD, UTC). */
    from: calendarDay.optional(),
    /** Created on or before this day (YYYY-MM-DD, UTC). */
    to: calendarDay.optional(),
    /** An outcome, or `none` for calls without one (not ended, or ended without an outcome). */
    outcome: z.enum([...OUTCOMES, 'none']).optional(),
  })
  .strict();
export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;

export interface SessionListItem {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioTitle: string;
  createdAt: string;
  endedAt: string | null;
  status: 'live' | 'ended';
  outcome: Outcome | null;
  learner: string | null;
  /**
   * Whether the signed-in account may open its debrief, see and revoke its links and delete it
   * (the server's policy: a trainer, on the sessions they created; an administrator, on all).
   */
  manageable: boolean;
  /** The name of the member who created it, when the organisation still has them. */
  createdBy: string | null;
}

/** The path of a session's debrief page: the token sits in the fragment, as for role links. */
export function debriefPath(sessionId: string, token: string): string {
  return `/debrief/${encodeURIComponent(sessionId)}#k=${encodeURIComponent(token)}`;
}
