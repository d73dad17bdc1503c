// The scenario document: plain data (YAML on disk), validated structurally here. Cross references
// (a `say` naming an unknown line, a target naming an unknown state…) are checked in
// references.ts, because zod sees one value at a time. The machine part is an XState config whose
// actions and guards may only be the engine's named ones, each written `{ type, params }`, so a
// scenario stays data: storable, diffable, drawable.
import { z } from 'zod';
import { CUES, OUTCOMES, type Cue } from '../timeline.js';
import { MOVE_CATEGORIES } from '../views/types.js';
import { ENGINE_MESSAGES } from '../messages.js';

/** Ids of table entries (lines, moves, variables…) and state names: no dot, so paths stay unambiguous. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * Events the machine receives besides moves and injects: `say` (the listener's own words),
 * `hangup`, and `acted`, sent right after every act of the listener (a move the caller hears, or
 * a sentence), in the same step, so that a silence timer can restart on anything the listener
 * does, not only on typed words.
 */
export const RESERVED_EVENTS = ['say', 'hangup', 'acted'] as const;
/** The event sent after each move (but those with `heard: false`) and each sentence of the listener. */
export const ACTED_EVENT = 'acted';
export const COMPARISON_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
/** Longest `after` delay accepted: a call is not a day long. */
export const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

const tableId = z.string().regex(ID_PATTERN, ENGINE_MESSAGES['schema.id']).max(64);
const text = (max: number) => z.string().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Actions and guards: explicit types (the schema is recursive, so zod needs them spelled out).

export type ActionConfig =
  | { type: 'say'; params: { line: string } }
  | { type: 'adjust'; params: { variable: string; by: number } }
  | { type: 'set'; params: { variable: string; value: number } }
  | { type: 'flag'; params: { name: string; value?: boolean | undefined } }
  | { type: 'cue'; params: { cue: Cue } }
  | { type: 'note'; params: { text: string } }
  | { type: 'end'; params: { ending: string } };
export type ActionType = ActionConfig['type'];
export const ACTION_TYPES = [
  'say',
  'adjust',
  'set',
  'flag',
  'cue',
  'note',
  'end',
] as const satisfies readonly ActionType[];

export type GuardConfig =
  | { type: 'compare'; params: { variable: string; op: ComparisonOp; value: number } }
  | { type: 'flag'; params: { name: string } }
  | { type: 'visited'; params: { state: string } }
  /** The state (a dotted path from the root, a leaf or a parent) is active now. */
  | { type: 'in'; params: { state: string } }
  | { type: 'moveCount'; params: { move?: string | undefined; op: ComparisonOp; value: number } }
  | { type: 'all'; params: { of: GuardConfig[] } }
  | { type: 'any'; params: { of: GuardConfig[] } }
  | { type: 'not'; params: { guard: GuardConfig } };
export type GuardType = GuardConfig['type'];
export const GUARD_TYPES = [
  'compare',
  'flag',
  'visited',
  'in',
  'moveCount',
  'all',
  'any',
  'not',
] as const satisfies readonly GuardType[];

const op = z.enum(COMPARISON_OPS);

export const actionSchema: z.ZodType<ActionConfig, ActionConfig> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('say'), params: z.strictObject({ line: tableId }) }),
  z.strictObject({
    type: z.literal('adjust'),
    params: z.strictObject({ variable: tableId, by: z.number().finite() }),
  }),
  z.strictObject({
    type: z.literal('set'),
    params: z.strictObject({ variable: tableId, value: z.number().finite() }),
  }),
  z.strictObject({
    type: z.literal('flag'),
    params: z.strictObject({ name: tableId, value: z.boolean().optional() }),
  }),
  z.strictObject({ type: z.literal('cue'), params: z.strictObject({ cue: z.enum(CUES) }) }),
  z.strictObject({ type: z.literal('note'), params: z.strictObject({ text: text(2000) }) }),
  z.strictObject({ type: z.literal('end'), params: z.strictObject({ ending: tableId }) }),
]);

export const guardSchema: z.ZodType<GuardConfig, GuardConfig> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('compare'),
      params: z.strictObject({ variable: tableId, op, value: z.number().finite() }),
    }),
    z.strictObject({ type: z.literal('flag'), params: z.strictObject({ name: tableId }) }),
    z.strictObject({
      type: z.literal('visited'),
      params: z.strictObject({ state: z.string().min(1).max(500) }),
    }),
    z.strictObject({
      type: z.literal('in'),
      params: z.strictObject({ state: z.string().min(1).max(500) }),
    }),
    z.strictObject({
      type: z.literal('moveCount'),
      params: z.strictObject({ move: tableId.optional(), op, value: z.number().int().min(0) }),
    }),
    z.strictObject({
      type: z.literal('all'),
      params: z.strictObject({ of: z.array(guardSchema).min(1).max(32) }),
    }),
    z.strictObject({
      type: z.literal('any'),
      params: z.strictObject({ of: z.array(guardSchema).min(1).max(32) }),
    }),
    z.strictObject({ type: z.literal('not'), params: z.strictObject({ guard: guardSchema }) }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// Transitions and state nodes.

export interface TransitionObject {
  target?: string | string[] | undefined;
  guard?: GuardConfig | undefined;
  actions?: ActionConfig | ActionConfig[] | undefined;
  reenter?: boolean | undefined;
  description?: string | undefined;
}
/** A target string, one transition, or candidate transitions tried in order. */
export type TransitionConfig = string | TransitionObject | (string | TransitionObject)[];

const targetString = z.string().min(1).max(500);
export const transitionObjectSchema: z.ZodType<TransitionObject, TransitionObject> = z.strictObject({
  target: z.union([targetString, z.array(targetString).min(1).max(16)]).optional(),
  guard: guardSchema.optional(),
  actions: z.union([actionSchema, z.array(actionSchema).max(64)]).optional(),
  reenter: z.boolean().optional(),
  description: text(2000).optional(),
});
export const transitionSchema: z.ZodType<TransitionConfig, TransitionConfig> = z.union([
  targetString,
  transitionObjectSchema,
  z
    .array(z.union([targetString, transitionObjectSchema]))
    .min(1)
    .max(32),
]);

export interface StateNodeConfig {
  /**
   * `history`: a pseudo-state that, when entered, goes back to where its parent was when last
   * left (`history: shallow`, its direct child; `deep`, every level), or to `target` (a path
   * below its parent, as XState reads it) the first time. It holds nothing else.
   */
  type?: 'parallel' | 'final' | 'history' | undefined;
  /** History states only: `shallow` (default) or `deep`. */
  history?: 'shallow' | 'deep' | undefined;
  /** History states only: where to go when the parent was never left (default: its initial). */
  target?: string | undefined;
  /** What people read for this state (the trainer's console, the graph): a few words. */
  label?: string | undefined;
  description?: string | undefined;
  initial?: string | undefined;
  states?: Record<string, StateNodeConfig> | undefined;
  on?: Record<string, TransitionConfig> | undefined;
  /** Delayed transitions, keyed by a delay in ms on the session clock. */
  after?: Record<string, TransitionConfig> | undefined;
  always?: TransitionConfig | undefined;
  entry?: ActionConfig | ActionConfig[] | undefined;
  exit?: ActionConfig | ActionConfig[] | undefined;
  tags?: string[] | undefined;
}

const actionList = z.union([actionSchema, z.array(actionSchema).max(64)]);
const delayKey = z.string().regex(/^[0-9]{1,8}$/, ENGINE_MESSAGES['schema.delay']);

export const stateNodeSchema: z.ZodType<StateNodeConfig, StateNodeConfig> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['parallel', 'final', 'history']).optional(),
    history: z.enum(['shallow', 'deep']).optional(),
    target: targetString.optional(),
    label: text(100).optional(),
    description: text(2000).optional(),
    initial: tableId.optional(),
    states: z.record(tableId, stateNodeSchema).optional(),
    on: z.record(z.string().max(64), transitionSchema).optional(),
    after: z.record(delayKey, transitionSchema).optional(),
    always: transitionSchema.optional(),
    entry: actionList.optional(),
    exit: actionList.optional(),
    tags: z.array(tableId).max(16).optional(),
  }),
);

export interface MachineConfig extends Omit<StateNodeConfig, 'type' | 'states' | 'history' | 'target'> {
  id: string;
  type?: 'parallel' | undefined;
  states: Record<string, StateNodeConfig>;
}
export const machineSchema: z.ZodType<MachineConfig, MachineConfig> = z.strictObject({
  id: tableId,
  type: z.enum(['parallel']).optional(),
  description: text(2000).optional(),
  initial: tableId.optional(),
  states: z.record(tableId, stateNodeSchema),
  on: z.record(z.string().max(64), transitionSchema).optional(),
  after: z.record(delayKey, transitionSchema).optional(),
  always: transitionSchema.optional(),
  entry: actionList.optional(),
  exit: actionList.optional(),
  tags: z.array(tableId).max(16).optional(),
});

// ---------------------------------------------------------------------------------------------
// The rubric: competencies and their criteria, each judged by the trainer or measured from the
// timeline (see run/score.ts).

/** A state path as in `state` observations: `ecoute.en_ligne`, or a parent such as `ecoute`. */
const statePath = z.string().min(1).max(500);
const msAfterPickup = z.number().int().min(0).max(MAX_DELAY_MS);
/**
 * Where a `within` window starts when not at pickup: the first time the trainer sent an inject
 * (« within 60 s of the alarm »). A call where it was never sent does not assess the criterion.
 */
export const sinceSchema = z.strictObject({ inject: tableId });

export const autoCriterionSchema = z.union([
  z.strictObject({
    move: tableId,
    within: msAfterPickup.optional(),
    since: sinceSchema.optional(),
    atLeast: z.number().int().min(1).max(1000).optional(),
  }),
  z.strictObject({ notMove: tableId }),
  z.strictObject({ state: statePath, within: msAfterPickup.optional(), since: sinceSchema.optional() }),
  z.strictObject({ notState: statePath }),
  z.strictObject({
    variable: tableId,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  }),
  z.strictObject({ flag: tableId }),
  z.strictObject({ ending: z.array(z.enum(OUTCOMES)).min(1).max(OUTCOMES.length) }),
]);
export type AutoCriterion = z.output<typeof autoCriterionSchema>;

export const thresholdsSchema = z.strictObject({
  direction: z.enum(['up', 'down']).default('up'),
  warning: z.number().finite().optional(),
  danger: z.number().finite().optional(),
});
export type VariableThresholds = z.output<typeof thresholdsSchema>;

function thresholdsInOrder(v: {
  min: number;
  max: number;
  thresholds?: VariableThresholds | undefined;
}): boolean {
  const th = v.thresholds;
  if (!th) return true;
  const inside = (x: number | undefined) => x === undefined || (x >= v.min && x <= v.max);
  if (!inside(th.warning) || !inside(th.danger)) return false;
  if (th.warning === undefined || th.danger === undefined) return true;
  return th.direction === 'down' ? th.danger <= th.warning : th.warning <= th.danger;
}

const criterionBase = { id: tableId, label: text(200), help: text(2000).optional() };
export const criterionSchema = z.union([
  z.strictObject({ ...criterionBase, auto: autoCriterionSchema }),
  z.strictObject({ ...criterionBase, judged: z.literal(true) }),
]);
export type RubricCriterion = z.output<typeof criterionSchema>;

export const competencySchema = z.strictObject({
  id: tableId,
  label: text(200),
  /**
   * The framework the competency comes from, for trainers (« Titre professionnel Médiateur
   * numérique (arrêté du 20 mai 2025) : … ; Pix 4.2 … »).
   */
  reference: text(500).optional(),
  criteria: z.array(criterionSchema).min(1).max(64),
});
export type Competency = z.output<typeof competencySchema>;

export const rubricSchema = z.array(competencySchema).min(1).max(32);

/**
 * The substance of the call: the stages (state paths, or parents) from which the listener has
 * really dealt with the caller. A criterion that only says what did not happen (`notMove`,
 * `notState`, `variable`) counts only once the call reached one of them, or ended `good` or
 * `best`: nothing earns points by doing nothing (see run/score.ts).
 */
export const substanceSchema = z.strictObject({
  reached: z.array(statePath).min(1).max(32),
});
export type Substance = z.output<typeof substanceSchema>;

// ---------------------------------------------------------------------------------------------
// The document.

export const voiceSchema = z.strictObject({
  lang: z.string().min(2).max(35),
  rate: z.number().min(0.1).max(10),
  pitch: z.number().min(0).max(2),
});

export const scenarioSchema = z.strictObject({
  id: z.string().regex(SCENARIO_ID_PATTERN, ENGINE_MESSAGES['schema.scenario_id']).max(100),
  version: z.number().int().min(1),
  title: text(200),
  summary: text(2000),
  locale: z.string().min(2).max(35).default('fr-FR'),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  durationMinutes: z.number().int().min(1).max(240),
  persona: z.strictObject({
    name: text(100),
    age: z.number().int().min(0).max(130),
    place: text(200),
    voice: voiceSchema,
    /**
     * The caller's story, secrets, what they expect, in the caller's point of view: the trainer
     * and the caller actor read it.
     */
    background: text(10_000),
    /**
     * Trainer-only: what the trainer needs to run the exercise and the caller's story does not
     * hold (the facts the listener should get right, the levers to pull). Never in the caller
     * actor's, the listener's or an observer's view.
     */
    trainerNotes: text(10_000).optional(),
  }),
  variables: z.record(
    tableId,
    z
      .strictObject({
        label: text(100),
        min: z.number().finite(),
        max: z.number().finite(),
        initial: z.number().finite(),
        /**
         * Where the value starts to be worrying (`warning`) and dangerous (`danger`), for the
         * trainer's gauges. `direction: down` when a low value is the worry (trust, battery).
         */
        thresholds: thresholdsSchema.optional(),
      })
      .refine((v) => v.min < v.max && v.initial >= v.min && v.initial <= v.max, {
        message: ENGINE_MESSAGES['schema.bounds'],
      })
      .refine((v) => thresholdsInOrder(v), {
        message: ENGINE_MESSAGES['schema.thresholds'],
      }),
  ),
  /** Labels of the flags the machine sets, for people (conditions, the trainer's console). */
  flags: z.record(tableId, z.strictObject({ label: text(200) })).default({}),
  lines: z.record(
    tableId,
    z.strictObject({
      text: text(2000),
      /**
       * Other wordings of the same line, for a prompt that repeats (« Allô ? Vous êtes toujours
       * là ? »): each time the line is said, one wording in an order drawn from the seed.
       */
      variants: z.array(text(2000)).min(1).max(16).optional(),
      cue: z.enum(CUES).optional(),
      /**
       * A stage direction (« il lit lentement sur son carnet »): shown in italics in the
       * transcripts, never spoken by the speech synthesis.
       */
      direction: text(300).optional(),
      voice: voiceSchema.partial().optional(),
    }),
  ),
  moves: z.record(
    tableId,
    z.strictObject({
      label: text(100),
      category: z.enum(MOVE_CATEGORIES),
      help: text(1000),
      /** Free speech: sentences a listener might say for this move (the matcher's examples). */
      examples: z.array(text(300)).max(60).optional(),
      /**
       * `false` for a move the caller cannot perceive (a back-office alert by chat): it does not
       * send `acted`, so it does not break a silence. Default: heard.
       */
      heard: z.boolean().optional(),
    }),
  ),
  injects: z.record(tableId, z.strictObject({ label: text(100), help: text(1000) })).default({}),
  endings: z.record(
    tableId,
    z.strictObject({
      outcome: z.enum(OUTCOMES),
      message: text(4000),
      /**
       * The debrief message built from the rubric: after `message`, the automatic criteria met
       * (after the `met` heading) and those missed (after `missed`), measured when the call ends.
       * Criteria not assessed are left out; judged criteria are the trainer's.
       */
      feedback: z.strictObject({ met: text(120), missed: text(120) }).optional(),
    }),
  ),
  /** The ending used when the listener hangs up and the machine does not end the call itself. */
  hangupEnding: tableId,
  /** Competencies and criteria; required of library scenarios by lint, optional here. */
  rubric: rubricSchema.optional(),
  /** Where the call reaches its substance, for the rubric's « did not » criteria. */
  substance: substanceSchema.optional(),
  machine: machineSchema,
});

export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written (defaults not applied yet). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
