// The JSON export of a session: the session, its participants, its timeline as the trainer sees
// it (a listener's notes written with sharing off stay private) and its scores: the rubric's
// automatic criteria measured by the engine (`scoreRubric`), the trainer's judgments of the
// others. Its shape is `sessionExportSchema` (@ecoute/protocol), committed as a JSON Schema.
import { isVisibleTo, scoreRubric } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry } from '@ecoute/engine';
import { SESSION_EXPORT_FORMAT, SESSION_EXPORT_VERSION } from '@ecoute/protocol';
import type { ExportedCriterion, SessionExport } from '@ecoute/protocol';
import type { SessionListItem } from '../sessions/session-store.js';

export interface Judgment {
  criterion: string;
  rating: 'met' | 'partly' | 'not';
  comment: string;
  updatedAt: string;
}

/** A note of the debrief, on a moment (or the reviewed comment of a live bookmark). */
export interface Annotation {
  t: number;
  comment: string;
  bookmarkSeq: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionExportInput {
  session: SessionListItem;
  compiled: CompiledScenario;
  /** The whole recorded timeline. */
  entries: readonly TimelineEntry[];
  judgments: readonly Judgment[];
  annotations: readonly Annotation[];
  registration: string;
  now: Date;
}

const RATING_VALUE = { met: 1, partly: 0.5, not: 0 } as const;

export function buildSessionExport(input: SessionExportInput): SessionExport {
  const { session, compiled, entries } = input;
  const judgments = new Map(input.judgments.map((j) => [j.criterion, j]));
  const criteria = scoreRubric(compiled, entries, { seed: session.seed }).map((result): ExportedCriterion => {
    const judgment = result.kind === 'judged' ? judgments.get(result.criterion) : undefined;
    // Not assessed (the call never reached it) is absent from the score, not a 0.
    const value =
      result.kind === 'auto'
        ? result.met === undefined
          ? null
          : result.met
            ? 1
            : 0
        : judgment
          ? RATING_VALUE[judgment.rating]
          : null;
    return {
      competency: result.competency,
      criterion: result.criterion,
      label: result.label,
      kind: result.kind,
      ...(result.assessed !== undefined ? { assessed: result.assessed } : {}),
      ...(result.met !== undefined ? { met: result.met } : {}),
      ...(result.evidenceSeq !== undefined ? { evidenceSeq: result.evidenceSeq } : {}),
      ...(result.evidenceT !== undefined ? { evidenceT: Math.round(result.evidenceT) } : {}),
      ...(judgment
        ? { judgment: { rating: judgment.rating, comment: judgment.comment, updatedAt: judgment.updatedAt } }
        : {}),
      value,
    };
  });
  const valued = criteria.flatMap((c) => (c.value === null ? [] : [c.value]));
  const scaled =
    valued.length === 0
      ? null
      : Math.round((valued.reduce((a, b) => a + b, 0) / valued.length) * 10_000) / 10_000;
  const ended = session.status === 'ended';
  return {
    format: SESSION_EXPORT_FORMAT,
    version: SESSION_EXPORT_VERSION,
    exportedAt: input.now.toISOString(),
    session: {
      id: session.id,
      scenario: {
        id: compiled.scenario.id,
        version: compiled.scenario.version,
        title: compiled.scenario.title,
      },
      seed: session.seed,
      callerActor: session.callerActor ?? false,
      createdAt: session.createdAt,
      status: session.status,
      endedAt: session.endedAt,
      outcome: session.outcome,
      registration: input.registration,
    },
    participants: session.participants.map((p) => ({ role: p.role, name: p.name })),
    timeline: entries.filter((entry) => isVisibleTo('trainer', entry)) as SessionExport['timeline'],
    annotations: [...input.annotations].sort((a, b) => a.t - b.t || a.createdAt.localeCompare(b.createdAt)),
    score: {
      criteria,
      scaled,
      success: ended ? session.outcome === 'best' || session.outcome === 'good' : null,
    },
  };
}
