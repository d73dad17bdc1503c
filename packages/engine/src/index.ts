// @ecoute/engine: the public API. See CONTEXT.md.
export * from './timeline.js';
export * from './views/types.js';
export { labelsFor, type ScenarioLabels } from './views/labels.js';
export {
  scenarioSchema,
  actionSchema,
  guardSchema,
  machineSchema,
  stateNodeSchema,
  ACTION_TYPES,
  GUARD_TYPES,
  RESERVED_EVENTS,
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
} from './scenario/schema.js';
export { ScenarioError, ScenarioErrorCode, type ScenarioIssue } from './scenario/issues.js';
export { parseScenario, SCENARIO_LIMITS, type ParseScenarioResult } from './scenario/parse.js';
export { compileScenario, MAX_MICROSTEPS, type CompiledScenario } from './scenario/compile.js';
export type { CallContext } from './scenario/guards.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { systemScheduler, ManualScheduler, SessionClock, type Scheduler } from './clock/index.js';
export { CallRun, RunErrorCode, type ApplyResult, type CallRunOptions } from './run/call-run.js';
export { replay, type TimedInput } from './run/replay.js';
