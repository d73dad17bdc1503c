// @ecoute/engine: the public API. See CONTEXT.md.
export * from './timeline.js';
export * from './views/types.js';
export { labelsFor, stateLabels, type ScenarioLabels } from './views/labels.js';
export { scenarioGraphModel, stateLabel, humanStateName } from './views/graph-model.js';
export { movesForMode } from './views/hint-mode.js';
export {
  scenarioSchema,
  actionSchema,
  guardSchema,
  machineSchema,
  stateNodeSchema,
  ACTION_TYPES,
  GUARD_TYPES,
  RESERVED_EVENTS,
  ACTED_EVENT,
  COMPARISON_OPS,
  ID_PATTERN,
  SCENARIO_ID_PATTERN,
  type Scenario,
  type ScenarioInput,
  type ActionConfig,
  type GuardConfig,
  type TransitionConfig,
  type TransitionObject,
  type StateNodeConfig,
  type MachineConfig,
  type ComparisonOp,
  rubricSchema,
  competencySchema,
  criterionSchema,
  autoCriterionSchema,
  type Competency,
  type RubricCriterion,
  type AutoCriterion,
  substanceSchema,
  type Substance,
  MAX_DELAY_MS,
} from './scenario/schema.js';
export { ScenarioError, ScenarioErrorCode, type ScenarioIssue } from './scenario/issues.js';
export {
  parseScenario,
  SCENARIO_LIMITS,
  loadYaml,
  locatePath,
  type ParseScenarioResult,
  type LoadedYaml,
  type LoadYamlResult,
  type YamlLoader,
} from './scenario/parse.js';
export { IncrementalYaml } from './scenario/incremental-yaml.js';
export { compileScenario, transitionId, MAX_MICROSTEPS, type CompiledScenario } from './scenario/compile.js';
export {
  availableByState,
  describeGuard,
  describeCondition,
  formatCondition,
  conditionText,
  formatReason,
  flagLabel,
  AVAILABILITY_REASONS,
  type Availability,
  type Condition,
  type UnavailableReason,
  type HandledEvents,
} from './scenario/availability.js';
export { lineWording, wordingOrder } from './scenario/wording.js';
export { listTransitions, reachableStates, type TransitionInfo } from './scenario/transitions.js';
export type { CallContext } from './scenario/guards.js';
export { scenarioJsonSchema, playThroughsJsonSchema } from './scenario/json-schema.js';
export {
  systemScheduler,
  ManualScheduler,
  SessionClock,
  HandoverScheduler,
  type Scheduler,
} from './clock/index.js';
export {
  CallRun,
  RunErrorCode,
  ADLIB_LINE,
  ACTOR_LINE,
  type ApplyResult,
  type CallRunOptions,
} from './run/call-run.js';
export { replay, replayWith, type TimedInput, type ReplayOptions, type ReplayStep } from './run/replay.js';
export {
  rebuildRun,
  RunRebuild,
  sameObservation,
  type RebuildOptions,
  type RebuildResult,
  type RebuildMismatch,
} from './run/rebuild.js';
export { scoreRubric, type CriterionResult, type ScoreOptions } from './run/score.js';
export { endingMessage } from './run/ending-feedback.js';
// Author tools (the `scenario` CLI's logic; the bin does the IO).
export {
  parsePlayThroughs,
  playThroughFileSchema,
  playThroughSchema,
  playThroughStepSchema,
  type PlayThrough,
  type PlayThroughFile,
  type PlayThroughStep,
  type ParsePlayThroughsResult,
} from './tools/play-throughs.js';
export {
  lintFiles,
  lintScenario,
  lintPlayThroughs,
  formatLintIssue,
  isPlayThroughFile,
  LintCode,
  type LintIssue,
  type LintFile,
  type LintSeverity,
  type At,
} from './tools/lint.js';
export { FidelityLintCode } from './tools/lint-fidelity.js';
export { SpeechLintCode } from './tools/lint-speech.js';
export { BLANK_TEMPLATE_TEXTS, TemplateLintCode } from './tools/lint-template.js';
export { frenchTypographyProblems } from './tools/french-typography.js';
export {
  scenarioGraph,
  transitionLabel,
  transitionText,
  type GraphFormat,
  type GraphOptions,
} from './tools/graph.js';
// What the engine writes for people, as codes and parameters (the studio words them).
export {
  ENGINE_MESSAGES,
  ENGINE_MESSAGE_CODES,
  frenchText,
  wordMessage,
  type EngineMessage,
  type EngineMessageCode,
  type MessageParam,
  type LibraryWords,
  type MessageLang,
} from './messages.js';
export {
  TerminalPlay,
  PLAY_HELP,
  CUE_LABELS,
  OUTCOME_LABELS,
  formatTime,
  type PlayOutput,
} from './tools/play.js';
export {
  pathsToEndings,
  createExplorer,
  type ExploreEvent,
  type ExploreNode,
  type ExploreOptions,
  type ExploreResult,
  type GeneratedPath,
} from './tools/explore.js';
export {
  runPlayThrough,
  runScenarioTests,
  generatedPlayThrough,
  formatTestReport,
  stepInput,
  inputStep,
  type PlayThroughResult,
  type ScenarioTestReport,
  type Coverage,
  type RunScenarioTestsOptions,
} from './tools/test-runner.js';
// Free speech (« parole libre »).
export * from './speech/index.js';
export { declaredIdentity, withScenarioIdentity } from './tools/identity.js';
export { stateAt, stateRanges, stateRangesOf, type StateRange } from './tools/state-ranges.js';
export * from './views/lanes-geometry.js';
export {
  LABEL_ASCENT,
  LABEL_DESCENT,
  LABEL_GAP,
  LABEL_LIFT,
  crossesLabel,
  freeLabelY,
  placeEndLabels,
  placeLabels,
} from './views/direct-labels.js';
