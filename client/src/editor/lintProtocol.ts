// The messages between the editor and its lint worker. After the first text, the editor sends
// only what changed since its previous request (the worker keeps the text): no copy of the whole
// call on the page's thread per keystroke.
import type { ChangeSet } from '@codemirror/state';
import type { LintIssue, ScenarioGraph, StateRange } from '@ecoute/engine';

/** One change: the text between `from` and `to` (offsets in the text before it) becomes `insert`. */
export type TextChange = [from: number, to: number, insert: string];

/** The whole text, or the changes since the previous request's text, in order of their offsets. */
export type LintInput = { text: string } | { changes: TextChange[] };

export type LintRequest = LintInput & { seq: number };

/** `text` with `changes` applied (each counted in `text`, in ascending order, not overlapping). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  if (changes.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to, insert] of changes) {
    parts.push(text.slice(at, from), insert);
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The changes of a CodeMirror change set as the worker applies them (`[]` for none). */
export function changeList(changes: ChangeSet | null): TextChange[] {
  const out: TextChange[] = [];
  changes?.iterChanges((fromA, toA, _fromB, _toB, inserted) => out.push([fromA, toA, inserted.toString()]));
  return out;
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
