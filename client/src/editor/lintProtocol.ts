// The messages between the editor and its lint worker.
import type { LintIssue, ScenarioGraph, StateRange } from '@ecoute/engine';

export interface LintRequest {
  seq: number;
  text: string;
}

export interface LintAnswer {
  seq: number;
  issues: LintIssue[];
  /**
   * The graph of the text when it parses and differs from the last one sent, else null (the
   * editor keeps the last one: no new layout for a keystroke that changed no state or transition).
   */
  graph: ScenarioGraph | null;
  ranges: StateRange[];
  /** Time spent in the worker (lint, graph, ranges), ms. */
  ms: number;
}
