// The engine's own lint, in a Web Worker: the same rules and messages as `scenario lint`, off the
// page's thread, so typing never waits for it. Also the state graph and where each state sits.
import { lintScenario, scenarioGraphModel, stateRanges, stateRangesOf } from '@ecoute/engine';
import type { LintAnswer, LintRequest } from './lintProtocol.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintAnswer): void;
};

scope.onmessage = (event) => {
  const started = performance.now();
  const { seq, text } = event.data;
  const { issues, scenario, loaded } = lintScenario('scenario.yaml', text);
  const graph = scenario ? scenarioGraphModel(scenario) : null;
  // Lint's own reading of the text when it got that far; a text that does not parse, read again.
  const ranges = loaded ? stateRangesOf(loaded.doc) : stateRanges(text);
  scope.postMessage({ seq, issues, graph, ranges, ms: performance.now() - started });
};
