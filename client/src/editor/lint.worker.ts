// The engine's own lint, in a Web Worker: the same rules and messages as `scenario lint`, off the
// page's thread, so typing never waits for it. Also the state graph and where each state sits.
// Per keystroke: the editor sends only its changes, the YAML is read incrementally (`IncrementalYaml`: only the blocks the keystroke
// changed are parsed again), and the graph goes back only when it changed, so the page does not
// lay it out again for a keystroke in a line's text.
import {
  IncrementalYaml,
  lintScenario,
  scenarioGraphModel,
  stateRanges,
  stateRangesOf,
} from '@ecoute/engine';
import { applyChanges, type LintAnswer, type LintRequest } from './lintProtocol.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintAnswer): void;
};

const yaml = new IncrementalYaml();
let lastGraph = '';
/** The editor's text as of its last request: the next one may send only its changes. */
let current = '';

scope.onmessage = (event) => {
  const started = performance.now();
  const request = event.data;
  const { seq } = request;
  const text = 'text' in request ? request.text : applyChanges(current, request.changes);
  current = text;
  const { issues, scenario, loaded } = lintScenario('scenario.yaml', text, { load: yaml.load });
  let graph = scenario ? scenarioGraphModel(scenario) : null;
  if (graph) {
    const json = JSON.stringify(graph);
    if (json === lastGraph) graph = null;
    else lastGraph = json;
  }
  // Lint's own reading of the text when it got that far; a text that does not parse, read again.
  const ranges = loaded ? stateRangesOf(loaded.doc) : stateRanges(text);
  scope.postMessage({ seq, issues, graph, ranges, ms: performance.now() - started });
};
