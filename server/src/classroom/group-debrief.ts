// The group debrief: the calls of one scenario of a class side by side — each call's path
// (the leaf-most state entered at each state change), the transitions with how many calls took
// each, the measures (the debrief's own `computeMeasures`) and the rubric's automatic results
// (`computeResults`, the debrief's scores in one place) — and the class's export (JSON, CSV).
import { scenarioGraphModel } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry } from '@ecoute/engine';
import type { ClassDetail, GroupDebrief, GroupDebriefCall, MeasuredSpan } from '@ecoute/protocol';
import { computeResults } from '../debrief/debrief-results.js';
import type { ClassCallState } from './class-store.js';

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
  return {
    sessionId: call.sessionId,
    round: call.round,
    group: call.group,
    listener: call.members.find((m) => m.role === 'listener')?.pseudonym ?? null,
    path,
    measures: {
      timeToPickup: results.measures.timeToPickup,
      timeToFirstOpenQuestion: results.measures.timeToFirstOpenQuestion,
      timeToAlertColleague: results.measures.timeToAlertColleague,
      outcome: outcome ? { outcome: outcome.outcome, message: outcome.message, at: outcome.at } : null,
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
  const counts = new Map<string, { from: string; to: string; calls: Set<string> }>();
  for (const call of calls)
    for (let i = 1; i < call.path.length; i++) {
      const from = call.path[i - 1]!.state;
      const to = call.path[i]!.state;
      const key = `${from}\u0000${to}`;
      const entry = counts.get(key) ?? { from, to, calls: new Set<string>() };
      entry.calls.add(call.sessionId);
      counts.set(key, entry);
    }
  return {
    classId,
    scenario: { id: compiled.scenario.id, title: compiled.scenario.title },
    graph: scenarioGraphModel(compiled.scenario),
    transitions: [...counts.values()]
      .map(({ from, to, calls: taken }) => ({ from, to, calls: taken.size }))
      .sort((a, b) => b.calls - a.calls || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
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
