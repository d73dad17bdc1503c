// Two versions of a call compared: the text line by line (jsdiff's `diffLines`), and what changed
// in the call itself — states, transitions, lines and rubric — read with the engine's parser, so
// a moved or reformatted block is not a change and a changed guard is.
import { diffLines } from 'diff';
import {
  parseScenario,
  scenarioGraphModel,
  type Scenario,
  type ScenarioGraph,
  type ScenarioIssue,
} from '@ecoute/engine';

export interface TextRow {
  kind: 'same' | 'removed' | 'added' | 'changed' | 'skipped';
  left?: { n: number; text: string };
  right?: { n: number; text: string };
  /** `skipped`: how many identical lines are folded here. */
  count?: number;
}

/** Lines kept around each change; longer identical runs are folded into one `skipped` row. */
export const CONTEXT_LINES = 3;

const splitLines = (value: string) => value.replace(/\n$/, '').split('\n');

/** The two texts side by side: a removed run facing the added run that replaces it. */
export function sideBySide(before: string, after: string): TextRow[] {
  const rows: TextRow[] = [];
  let left = 1;
  let right = 1;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines)
        rows.push({ kind: 'same', left: { n: left++, text }, right: { n: right++, text } });
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? splitLines(next.value) : [];
      if (next?.added) i++;
      for (let k = 0; k < Math.max(lines.length, added.length); k++) {
        const l = lines[k];
        const r = added[k];
        rows.push({
          kind: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
          ...(l !== undefined ? { left: { n: left++, text: l } } : {}),
          ...(r !== undefined ? { right: { n: right++, text: r } } : {}),
        });
      }
      continue;
    }
    for (const text of lines) rows.push({ kind: 'added', right: { n: right++, text } });
  }
  return fold(rows);
}

function fold(rows: TextRow[]): TextRow[] {
  const near = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let k = Math.max(0, i - CONTEXT_LINES); k <= Math.min(rows.length - 1, i + CONTEXT_LINES); k++)
      near[k] = true;
  });
  const out: TextRow[] = [];
  for (let i = 0; i < rows.length;) {
    if (near[i]) {
      out.push(rows[i] as TextRow);
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && !near[j]) j++;
    out.push({ kind: 'skipped', count: j - i });
    i = j;
  }
  return out;
}

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  /** What changed, in the call's own words (a state's label, a line's text, a criterion's label). */
  label: string;
}

export interface ScenarioChanges {
  states: Change[];
  transitions: Change[];
  lines: Change[];
  rubric: Change[];
  /**
   * The rest of the call that changed, by part (its title and summary, the persona…): a new
   * title alone showed « Aucun changement. » under every heading, as if nothing had changed.
   */
  other: OtherPart[];
}

/** The parts of a call outside its states, transitions, lines and rubric, as the forms name them. */
export type OtherPart = 'call' | 'persona' | 'variables' | 'moves' | 'injects' | 'endings' | 'settings';

/** Where each top-level key of a call belongs; `version` always changes, and is left out. */
const OTHER_PARTS: Partial<Record<keyof Scenario, OtherPart | null>> = {
  version: null,
  machine: null,
  lines: null,
  rubric: null,
  id: 'call',
  title: 'call',
  summary: 'call',
  locale: 'call',
  difficulty: 'call',
  durationMinutes: 'call',
  persona: 'persona',
  variables: 'variables',
  flags: 'variables',
  moves: 'moves',
  injects: 'injects',
  endings: 'endings',
  hangupEnding: 'endings',
};

const PART_ORDER: OtherPart[] = ['call', 'persona', 'variables', 'moves', 'injects', 'endings', 'settings'];

function otherParts(before: Scenario, after: Scenario): OtherPart[] {
  const changed = new Set<OtherPart>();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Scenario)[]);
  for (const key of keys) {
    const part = key in OTHER_PARTS ? OTHER_PARTS[key] : 'settings';
    if (part && JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.add(part);
  }
  return PART_ORDER.filter((part) => changed.has(part));
}

export type ChangesResult =
  { ok: true; changes: ScenarioChanges } | { ok: false; side: 'before' | 'after'; issues: ScenarioIssue[] };

interface Item {
  label: string;
  /** Compared between the versions: equal text, no change. */
  body: string;
}

function compare(before: Map<string, Item>, after: Map<string, Item>): Change[] {
  const out: Change[] = [];
  for (const [key, item] of before) {
    const other = after.get(key);
    if (!other) out.push({ kind: 'removed', label: item.label });
    else if (other.body !== item.body) out.push({ kind: 'changed', label: other.label });
  }
  for (const [key, item] of after) if (!before.has(key)) out.push({ kind: 'added', label: item.label });
  return out;
}

interface StateConfig {
  states?: Record<string, StateConfig>;
}

function statesOf(scenario: Scenario): Map<string, Item> {
  const labels = new Map(scenarioGraphModel(scenario).nodes.map((n) => [n.id, n.label]));
  const out = new Map<string, Item>();
  const walk = (states: Record<string, StateConfig> | undefined, prefix: string) => {
    for (const [name, config] of Object.entries(states ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      // A state's own definition: its children are states of their own.
      const { states: children, ...own } = config;
      out.set(path, { label: labels.get(path) ?? name, body: JSON.stringify(own) });
      walk(children, path);
    }
  };
  walk(scenario.machine.states as Record<string, StateConfig> | undefined, '');
  return out;
}

type GraphEdge = ScenarioGraph['edges'][number];

function transitionsOf(
  scenario: Scenario,
  words: (from: string, to: string, label: string) => string,
  edgeLabel: (edge: GraphEdge) => string,
) {
  const graph = scenarioGraphModel(scenario);
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const out = new Map<string, Item>();
  for (const edge of graph.edges) {
    const from = edge.source ? (labels.get(edge.source) ?? edge.source) : '';
    const to = edge.target ? (labels.get(edge.target) ?? edge.target) : from;
    const label = words(from, to, edgeLabel(edge));
    out.set(`${edge.source}|${edge.target ?? ''}|${edge.label}`, { label, body: '' });
  }
  return out;
}

function linesOf(scenario: Scenario): Map<string, Item> {
  return new Map(
    Object.entries(scenario.lines).map(([id, line]) => [
      id,
      {
        label: `« ${line.text.length > 80 ? `${line.text.slice(0, 79)}…` : line.text} »`,
        body: JSON.stringify(line),
      },
    ]),
  );
}

function rubricOf(scenario: Scenario): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const competency of scenario.rubric ?? [])
    for (const criterion of competency.criteria)
      out.set(`${competency.id}/${criterion.id}`, {
        label: `${competency.label} — ${criterion.label}`,
        body: JSON.stringify({ competency: { ...competency, criteria: undefined }, criterion }),
      });
  return out;
}

/** What changed in the call between two texts; `words` says a transition in the page's language. */
export function scenarioChanges(
  before: string,
  after: string,
  words: (from: string, to: string, label: string) => string,
  /** An arrow's label as the page shows it (its engine message in the page's language). */
  edgeLabel: (edge: GraphEdge) => string = (edge) => edge.label,
): ChangesResult {
  const a = parseScenario(before);
  if (!a.ok) return { ok: false, side: 'before', issues: a.errors };
  const b = parseScenario(after);
  if (!b.ok) return { ok: false, side: 'after', issues: b.errors };
  return {
    ok: true,
    changes: {
      states: compare(statesOf(a.scenario), statesOf(b.scenario)),
      transitions: compare(
        transitionsOf(a.scenario, words, edgeLabel),
        transitionsOf(b.scenario, words, edgeLabel),
      ),
      lines: compare(linesOf(a.scenario), linesOf(b.scenario)),
      rubric: compare(rubricOf(a.scenario), rubricOf(b.scenario)),
      other: otherParts(a.scenario, b.scenario),
    },
  };
}
