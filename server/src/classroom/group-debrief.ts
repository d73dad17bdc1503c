// The group debrief: the calls of one scenario of a class side by side — each call's path
// (the leaf-most state entered at each state change), the machine's transitions it took (its run
// rebuilt from the record: `cold-reading.ts`), each edge of the graph with how many calls took
// it, the measures (the debrief's own `computeMeasures`) and the rubric's automatic results
// (`computeResults`, the debrief's scores in one place) — and the class's export (JSON, CSV).
import { scenarioGraphModel } from '@ecoute/engine';
import type { CompiledScenario, ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import type {
  CallTransition,
  ClassDetail,
  GroupDebrief,
  GroupDebriefCall,
  GroupDebriefEdge,
  MeasuredSpan,
} from '@ecoute/protocol';
import { computeResults } from '../debrief/debrief-results.js';
import type { ClassCallState } from './class-store.js';
import { transitionsTaken } from './cold-reading.js';

/**
 * The graph's edges of each transition id: one, or one per target (`id#0`, `id#1`…) for a
 * transition into several parallel regions (`scenarioGraphModel`).
 */
function edgesByTransition(graph: ScenarioGraph): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const transition = edge.id.replace(/#\d+$/, '');
    edges.set(transition, [...(edges.get(transition) ?? []), edge.id]);
  }
  return edges;
}

/** A call's transitions (ids with their times) as the edges of its scenario's graph. */
export function callTransitions(graph: ScenarioGraph, taken: ReadonlyMap<string, number>): CallTransition[] {
  const edges = edgesByTransition(graph);
  return [...taken].flatMap(([id, times]) => (edges.get(id) ?? []).map((edge) => ({ edge, times })));
}

/** One call's row of the group debrief, from its whole timeline. */
export function groupDebriefCall(
  compiled: CompiledScenario,
  call: ClassCallState,
  entries: readonly TimelineEntry[],
): GroupDebriefCall {
  const results = computeResults(compiled, entries, call.seed);
  const path: GroupDebriefCall['path'] = [];
  for (const entry of entries) {
    if (entry.kind !== 'observation' || entry.observation.kind !== 'state') continue;
    const leaf = entry.observation.states[0];
    if (leaf === undefined || path.at(-1)?.state === leaf) continue;
    path.push({ state: leaf, at: { seq: entry.seq, t: entry.t } });
  }
  const outcome = results.measures.outcome;
  const callerActor = call.members.some((m) => m.role === 'callerActor');
  return {
    sessionId: call.sessionId,
    round: call.round,
    group: call.group,
    listener: call.members.find((m) => m.role === 'listener')?.pseudonym ?? null,
    path,
    transitions: callTransitions(
      scenarioGraphModel(compiled.scenario),
      transitionsTaken(compiled, call.seed, entries, callerActor),
    ),
    measures: {
      timeToPickup: results.measures.timeToPickup,
      timeToFirstOpenQuestion: results.measures.timeToFirstOpenQuestion,
      timeToAlertColleague: results.measures.timeToAlertColleague,
      outcome: outcome
        ? {
            ending: outcome.ending,
            outcome: outcome.outcome,
            reason: outcome.reason,
            message: outcome.message,
            at: outcome.at,
          }
        : null,
    },
    rubric: results.rubric.map((criterion) => ({
      criterion: criterion.criterion,
      label: criterion.label,
      assessed: criterion.kind === 'auto' ? criterion.assessed === true : false,
      met: criterion.kind === 'auto' && criterion.assessed ? criterion.met === true : null,
      ...(criterion.evidence ? { evidence: criterion.evidence } : {}),
    })),
  };
}

export function groupDebrief(
  classId: string,
  compiled: CompiledScenario,
  calls: GroupDebriefCall[],
): GroupDebrief {
  const graph = scenarioGraphModel(compiled.scenario);
  const ends = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const counts = new Map<string, GroupDebriefEdge>();
  for (const call of calls)
    for (const { edge, times } of call.transitions) {
      // An edge of another version of the scenario, not in this graph: not drawn, not counted.
      const known = ends.get(edge);
      if (!known) continue;
      const entry = counts.get(edge);
      if (entry) {
        entry.calls += 1;
        entry.times += times;
      } else counts.set(edge, { edge, from: known.source, to: known.target, calls: 1, times });
    }
  return {
    classId,
    scenario: { id: compiled.scenario.id, title: compiled.scenario.title },
    graph,
    transitions: [...counts.values()].sort(
      (a, b) => b.calls - a.calls || b.times - a.times || a.edge.localeCompare(b.edge),
    ),
    calls,
  };
}

/** The class's export: the class, its learners and calls, and every call's debrief row. */
export interface ClassExport {
  exportedAt: string;
  class: Omit<ClassDetail, 'calls'>;
  calls: (ClassDetail['calls'][number] & { debrief: GroupDebriefCall | null })[];
}

const seconds = (span: MeasuredSpan | null): string => (span ? (span.ms / 1000).toFixed(1) : '');

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be a formula in a spreadsheet: prefixed with a quote.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'round',
  'group',
  'scenario',
  'listener',
  'caller_actor',
  'observers',
  'status',
  'outcome',
  'time_to_pickup_s',
  'time_to_first_open_question_s',
  'time_to_alert_colleague_s',
  'criteria_met',
  'criteria_assessed',
] as const;

export function classCsv(data: ClassExport): string {
  const rows = data.calls.map((call) => {
    const byRole = (role: string) =>
      call.members
        .filter((m) => m.role === role)
        .map((m) => m.pseudonym)
        .join(' ; ');
    const rubric = call.debrief?.rubric ?? [];
    return [
      call.round,
      call.group,
      call.scenarioTitle,
      byRole('listener'),
      byRole('callerActor'),
      byRole('observer'),
      call.status,
      call.debrief?.measures.outcome?.outcome ?? call.outcome ?? '',
      seconds(call.debrief?.measures.timeToPickup ?? null),
      seconds(call.debrief?.measures.timeToFirstOpenQuestion ?? null),
      seconds(call.debrief?.measures.timeToAlertColleague ?? null),
      rubric.filter((c) => c.met === true).length,
      rubric.filter((c) => c.assessed).length,
    ]
      .map(csvField)
      .join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
