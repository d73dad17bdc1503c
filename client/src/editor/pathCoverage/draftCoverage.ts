// Coverage of a draft, from the page: the engine's play-through runner (pure, browser-safe) plays
// the shortest path to every ending on a manual clock and says which states and transitions no
// path reached. A library call keeps no `.tests.yaml` of its own: the generated paths are its tests.
import {
  compileScenario,
  parseScenario,
  runScenarioTests,
  ScenarioError,
  type Coverage,
  type ScenarioIssue,
} from '@ecoute/engine';

export type DraftCoverage =
  | {
      ok: true;
      states: Coverage;
      transitions: Coverage;
      /** How many generated play-throughs ran, and the names of those that failed. */
      paths: number;
      failed: string[];
      /** Endings no path reached within the search's bounds: their messages (never their ids). */
      unreached: string[];
      /** Whether the search explored every reachable configuration. */
      complete: boolean;
    }
  | { ok: false; issues: ScenarioIssue[] };

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
      failed: report.generated.filter((r) => !r.passed).map((r) => r.name),
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
