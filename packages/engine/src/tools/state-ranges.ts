// Where each state of a scenario sits in its text: the editor selects a state's YAML when its node
// is clicked, and highlights the node of the state the cursor is in. Read from yaml's document
// (no schema needed: a half-written scenario still has its ranges).
import { isMap, isPair, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import { loadYaml } from '../scenario/parse.js';

export interface StateRange {
  /** The state's dotted path, as in the graph (`ecoute.en_ligne`). */
  id: string;
  /** Offsets of the state's key and of the end of its value. */
  from: number;
  to: number;
}

export function stateRanges(text: string): StateRange[] {
  if (!loadYaml(text).ok) return [];
  return stateRangesOf(parseDocument(text, { uniqueKeys: false, version: '1.2' }));
}

/** The same from a document already read (lint's: no second parse while typing). */
export function stateRangesOf(doc: Document): StateRange[] {
  const machine = doc.get('machine', true);
  const out: StateRange[] = [];
  const visit = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    const states = (node as YAMLMap).get('states', true);
    if (!isMap(states)) return;
    for (const pair of states.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const id = prefix ? `${prefix}.${key}` : key;
      const from = pair.key.range?.[0];
      const value = pair.value as { range?: [number, number, number] } | null;
      const to = value?.range?.[1] ?? pair.key.range?.[1];
      if (from !== undefined && to !== undefined) out.push({ id, from, to });
      visit(pair.value, id);
    }
  };
  visit(machine, '');
  return out;
}

/** The innermost state whose text holds `offset`, if any. */
export function stateAt(ranges: readonly StateRange[], offset: number): string | undefined {
  let best: StateRange | undefined;
  for (const r of ranges)
    if (r.from <= offset && offset <= r.to && (!best || r.to - r.from <= best.to - best.from)) best = r;
  return best?.id;
}
