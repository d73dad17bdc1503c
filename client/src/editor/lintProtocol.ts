// The messages between the editor and its lint worker.
import type { LintIssue, ScenarioGraph, StateRange } from '@ecoute/engine';

export interface LintRequest {
  seq: number;
  text: string;
}

export interface LintAnswer {
  seq: number;
  issues: LintIssue[];
  /** The graph of the text when it parses, else null (the editor keeps the last one). */
  graph: ScenarioGraph | null;
  ranges: StateRange[];
  /** Time spent in the worker (lint, graph, ranges), ms. */
  ms: number;
}
