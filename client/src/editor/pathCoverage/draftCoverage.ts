// Coverage of a draft, from the page: the engine's play-through runner (pure, browser-safe) plays
// the shortest path to every ending on a manual clock and says which states and transitions no
// path reached. A library call keeps no `.tests.yaml` of its own: the generated paths are its tests.
import {
  compileScenario,
  parseScenario,
  runScenarioTests,
  ScenarioError,
  type Coverage,
  type EngineMessage,
  type MessageParam,
  type Scenario,
  type ScenarioIssue,
} from '@ecoute/engine';

export type DraftCoverage =
  | {
      ok: true;
      states: Coverage;
      transitions: Coverage;
      /** How many generated play-throughs ran, and those that failed. */
      paths: number;
      failed: FailedPath[];
      /** Endings no path reached within the search's bounds: their messages (never their ids). */
      unreached: string[];
      /** Whether the search explored every reachable configuration. */
      complete: boolean;
    }
  | { ok: false; issues: ScenarioIssue[] };

/** A generated play-through that failed: its name and what went wrong, as the engine's messages. */
export interface FailedPath {
  /** The name in French (`nameText` its message). */
  name: string;
  nameText?: EngineMessage;
  failures: EngineMessage[];
}

export function draftCoverage(text: string): DraftCoverage {
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };
  try {
    const { scenario } = parsed;
    const report = runScenarioTests(compileScenario(scenario), undefined);
    return {
      ok: true,
      ...report.coverageWithGenerated,
      paths: report.generated.length,
      failed: report.generated
        .filter((r) => !r.passed)
        .map(({ name, nameText, failureTexts }) => ({
          name,
          ...(nameText ? { nameText } : {}),
          failures: failureTexts.map((failure) => labelled(failure, scenario)),
        })),
      unreached: report.unreached.map((id) => scenario.endings[id]?.message ?? id),
      complete: report.search.complete,
    };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The graph's edge id without the `#<n>` a transition with several targets gets per target. */
export function edgeTransition(edgeId: string): string {
  return edgeId.replace(/#\d+$/, '');
}

/**
 * A failure's moves and events by the labels the author gave them and the buttons show
 * (« action Se présenter »), not their ids in the text (« action se_presenter »); an id the call
 * does not have stays as written (the failure may be that it is unknown).
 */
export function labelled(
  message: EngineMessage,
  scenario: Pick<Scenario, 'moves' | 'injects'>,
): EngineMessage {
  if (!message.params) return message;
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(message.params)) {
    const table = name === 'move' ? scenario.moves : name === 'inject' ? scenario.injects : null;
    params[name] =
      typeof value === 'string'
        ? (table?.[value]?.label ?? value)
        : typeof value === 'object' && 'code' in value
          ? labelled(value, scenario)
          : value;
  }
  return { ...message, params };
}
