// The debrief of one session: who may read what, the rubric scored on the timeline, the
// measures, and the debrief's own records (annotations, judgments, self-assessment).
//
// Who sees what (the rule the page and the tests hold):
// - the trainer: the whole timeline but the listener's private notes (a note written with
//   sharing off stays private, during the call and after it), every record of the debrief;
// - the listener (the learner, on their own session), once the call is over: the whole
//   timeline (hidden variables, states, injects, whispers…), all their notes, the rubric's
//   automatic results and the measures; the trainer's judgments, bookmarks and annotations
//   only once they have submitted their self-assessment (so it is their own view); before the
//   call is over, nothing (`debrief/call_live`);
// - any other role: `auth/forbidden_role`.
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  HOLD_MOVES,
  isVisibleTo,
  lanesGeometry,
  openingPicture,
  scenarioGraphModel,
  stateLabels,
} from '@ecoute/engine';
import type { CompiledScenario, Input, Scenario, ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { DebriefTimelineWriter, ErrorCode, failure, heldBy, timelineColumns } from '@ecoute/protocol';
import type {
  AnnotationCreate,
  AnnotationUpdate,
  CriterionJudgment,
  Debrief,
  DebriefCompact,
  DebriefMark,
  DebriefScenario,
  DebriefViewer,
  Failure,
  JudgmentRequest,
  ListenerNote,
  SelfAssessment,
  SelfAssessmentRequest,
} from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionRecord } from '../sessions/session-store.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { entryFromRow } from '../timeline/rows.js';
import { AnswerCache } from './answer-cache.js';
import { computeResults, rubricKey } from './debrief-results.js';
import { DebriefStore } from './debrief-store.js';
import { EncodedAnswer } from './encoded-answer.js';
import { EntriesCache } from './entries-cache.js';
import { EARLY_WIDTH, lanesSvg } from './lanes-svg.js';
import type { AnnotationRecord, ResultsRecord, TimelineRow } from './debrief-store.js';

interface Loaded {
  session: SessionRecord;
  compiled: CompiledScenario;
  entries: TimelineEntry[];
  callOver: boolean;
}

const BOOKMARK_PREFIX = 'bookmark-';
/** The variant of the trainer's answer as the debrief page asks it (`debriefAnswer`'s `variant`). */
const TRAINER_COLUMNS = 'trainer:true:columns';
/**
 * The lanes drawn of one kept answer (`openingLanes`): the same object while the answer is kept,
 * gone with it (what is kept with it — the page, compressed — goes too: `early-lanes.ts`).
 */
export interface DrawnLanes {
  svg: string;
}
const drawings = new WeakMap<EncodedAnswer, DrawnLanes>();
/**
 * How the answer carries the timeline: `entries` (one object per entry, `Debrief`) or `columns`
 * (`DebriefCompact`: parallel arrays and the payloads as one text, what the debrief page asks).
 */
export type DebriefForm = 'entries' | 'columns';

/** The kinds of entries the answer reads (names, marks, notes, the call's end). */
const READ_KINDS: readonly string[] = ['join', 'bookmark', 'note', 'ending'];

@Injectable()
export class DebriefService {
  private readonly logger = new Logger('DebriefService');
  private readonly entries = new EntriesCache();
  private readonly answers = new AnswerCache();
  private readonly resultsKept: ((sessionId: string) => void)[] = [];

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(DebriefStore) private readonly store: DebriefStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // After the turn that marked it ended: the scores are computed off the call's last step.
    sessions.onEnded((id) => void setImmediate(() => void this.keepResults(id)));
    sessions.onDelete((id) => {
      this.entries.forget(id);
      this.answers.forget(id);
    });
  }

  /**
   * The debrief as the viewer may read it, as JSON in UTF-8 (the `Debrief` of @ecoute/protocol),
   * with its compressed forms (`EncodedAnswer`). Built from the timeline's rows: each entry's
   * payload goes out as the JSON text it is stored as, only the few entries the answer reads are
   * parsed (joins, bookmarks, notes, the ending), the scores come kept (`debrief_results`) and
   * the entries' JSON is kept in memory per last seq (`EntriesCache`); the few rows and the
   * answer itself are kept too (`AnswerCache`): a debrief opened again reads one row of the
   * timeline and sends bytes already compressed.
   */
  async debriefAnswer(
    sessionId: string,
    viewer: DebriefViewer,
    form: DebriefForm = 'entries',
  ): Promise<EncodedAnswer | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const last = await this.store.timelineLast(sessionId);
    const lastSeq = last?.seq ?? 0;
    let few = this.answers.rows(sessionId, lastSeq);
    if (few === undefined) {
      few = await this.store.timelineRows(sessionId, READ_KINDS);
      // Read after the last seq: rows appended meanwhile are not those of this seq.
      few = few.filter((row) => row.seq <= lastSeq);
      this.answers.setRows(sessionId, lastSeq, few);
    }
    const ending = few.find((row) => row.category === 'observation' && row.kind === 'ending');
    const callOver = session.status === 'ended' || ending !== undefined;
    if (viewer === 'listener' && !callOver) return failure(ErrorCode.DebriefCallLive);
    // Every row, read at most once and only when something kept is missing.
    let all: Promise<TimelineRow[]> | undefined;
    const allRows = () => (all ??= this.store.timelineRows(sessionId));
    const [selfAssessment, judgments, annotations, ended, results] = await Promise.all([
      this.store.selfAssessment(sessionId),
      this.store.judgments(sessionId),
      this.store.annotations(sessionId),
      this.store.endedAt(sessionId),
      this.resultsOf(session, compiled, lastSeq, allRows),
    ]);
    // The learner sees the trainer's view of the call only after giving their own.
    const trainerShown = viewer === 'trainer' || selfAssessment !== null;
    const parsed = few.flatMap((row) =>
      row.category === 'input' ? [entryFromRow({ session_id: sessionId, ...row })] : [],
    );
    const nameOf = (role: 'listener' | 'trainer'): string | null =>
      parsed.findLast(
        (e): e is TimelineEntry & { kind: 'input'; input: { kind: 'join'; name: string } } =>
          e.kind === 'input' && e.input.kind === 'join' && e.source === role,
      )?.input.name ?? null;
    const scenario = compiled.scenario;
    const rest: Omit<Debrief, 'entries'> = {
      viewer,
      callOver,
      lrsConfigured: this.config.lrs !== undefined,
      session: {
        id: session.id,
        scenarioId: session.scenarioId,
        scenarioVersion: session.scenarioVersion,
        createdAt: session.createdAt,
        endedAt: ended,
        status: session.status,
        learner: nameOf('listener'),
        trainer: nameOf('trainer'),
        // The call's length: to its ending (a late join after it does not lengthen the call).
        durationMs: ending?.t ?? last?.t ?? 0,
        seed: session.seed,
      },
      scenario: debriefScenario(scenario),
      graph: graphOf(compiled),
      rubric: results.rubric,
      judgments: trainerShown ? judgments : null,
      selfAssessment,
      marks: trainerShown ? marksOf(parsed, annotations) : null,
      notes: notesOf(parsed, viewer),
      measures: results.measures,
    };
    const variant = `${viewer}:${trainerShown}:${form}`;
    const head = JSON.stringify(rest);
    const kept = this.answers.answer(sessionId, lastSeq, variant, head);
    if (kept) return kept;
    let entries = this.entries.get(sessionId, variant, lastSeq);
    if (entries === undefined) {
      const rows = (await allRows()).filter((row) => row.seq <= lastSeq);
      entries = timelineJson(form, rows, hiddenSeqs(parsed, viewer, trainerShown));
      this.entries.set(sessionId, variant, lastSeq, entries);
    }
    const field = form === 'columns' ? 'timeline' : 'entries';
    const answer = new EncodedAnswer(
      Buffer.concat([Buffer.from(`${head.slice(0, -1)},"${field}":`), entries, CLOSE]),
    );
    this.answers.setAnswer(sessionId, lastSeq, variant, head, answer);
    return answer;
  }

  /**
   * The lanes' opening window drawn as SVG (`lanes-svg.ts`) from the trainer's answer as the page
   * asks it (kept: `AnswerCache`), drawn once per answer: a debrief link's HTML for its signed-in
   * trainer (`early-lanes.ts`). Only from a timeline already kept (`EntriesCache`: prepared when
   * the call ended, or by an earlier opening): the HTML never waits for thousands of rows to be
   * read and written — null then, and the page's own `GET` builds and keeps them. Null too when
   * there is no debrief to draw. Whoever calls it has checked the access (`AccessService.memberMay`).
   */
  async openingLanes(sessionId: string): Promise<DrawnLanes | null> {
    const last = await this.store.timelineLast(sessionId);
    if (this.entries.get(sessionId, TRAINER_COLUMNS, last?.seq ?? 0) === undefined) return null;
    const answer = await this.debriefAnswer(sessionId, 'trainer', 'columns');
    if (!(answer instanceof EncodedAnswer)) return null;
    let drawn = drawings.get(answer);
    if (drawn === undefined) {
      const compact = JSON.parse(answer.json.toString('utf8')) as DebriefCompact;
      const columns = timelineColumns(compact.timeline);
      const { picture, marks } = openingPicture(
        columns,
        compact.scenario.variables,
        compact.marks ?? [],
        EARLY_WIDTH,
      );
      drawn = { svg: lanesSvg(lanesGeometry(picture), marks) };
      drawings.set(answer, drawn);
    }
    return drawn;
  }

  /** Called once the results of a call that has just ended are kept (badges, LTI grades). */
  onResultsKept(listener: (sessionId: string) => void): void {
    this.resultsKept.push(listener);
  }

  /**
   * Computes and keeps the results of a call that has just ended, and the trainer's debrief
   * (its entries, its answer compressed), so that it opens at once. Never fails: what is not kept now is built at
   * the first debrief.
   */
  async keepResults(sessionId: string): Promise<void> {
    try {
      const session = await this.sessions.find(sessionId);
      const compiled = session && this.catalog.get(session.scenarioId, session.scenarioVersion);
      if (!session || !compiled) return;
      const rows = await this.store.timelineRows(sessionId);
      const lastSeq = rows.at(-1)?.seq ?? 0;
      await this.resultsOf(session, compiled, lastSeq, () => Promise.resolve(rows));
      const parsed = rows.flatMap((row) =>
        row.category === 'input' && READ_KINDS.includes(row.kind)
          ? [entryFromRow({ session_id: sessionId, ...row })]
          : [],
      );
      this.entries.set(
        sessionId,
        TRAINER_COLUMNS,
        lastSeq,
        timelineJson('columns', rows, hiddenSeqs(parsed, 'trainer', true)),
      );
      for (const listener of this.resultsKept) listener(sessionId);
      // The trainer's answer as the page asks it, compressed as the browser takes it.
      const answer = await this.debriefAnswer(sessionId, 'trainer', 'columns');
      if (answer instanceof EncodedAnswer) await answer.encode('br');
      // And its lanes drawn for the debrief link's HTML.
      await this.openingLanes(sessionId);
    } catch (error) {
      this.logger.warn(`debrief/results_not_kept session=${sessionId} ${String(error)}`);
    }
  }

  /** The kept results when they are still those of this timeline, else computed and kept. */
  private async resultsOf(
    session: SessionRecord,
    compiled: CompiledScenario,
    lastSeq: number,
    allRows: () => Promise<TimelineRow[]>,
  ): Promise<ResultsRecord> {
    const kept = await this.store.results(session.id);
    if (kept && kept.lastSeq === lastSeq && kept.rubricKey === rubricKey(compiled)) return kept;
    const entries = (await allRows()).map((row) => entryFromRow({ session_id: session.id, ...row }));
    const results = computeResults(compiled, entries, session.seed);
    await this.store.saveResults(session.id, results, new Date().toISOString());
    return results;
  }

  async addAnnotation(sessionId: string, request: AnnotationCreate): Promise<DebriefMark | Failure> {
    const loaded = await this.load(sessionId);
    if ('ok' in loaded) return loaded;
    const last = loaded.entries.at(-1)?.t ?? 0;
    if (request.t > last)
      return failure(ErrorCode.InputInvalid, `Moment hors de la séance (après ${last} ms).`);
    const at = new Date().toISOString();
    const record: AnnotationRecord = {
      id: DebriefStore.newAnnotationId(),
      bookmarkSeq: null,
      t: request.t,
      comment: request.comment,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.addAnnotation(sessionId, record);
    return annotationMark(record);
  }

  async updateMark(
    sessionId: string,
    markId: string,
    request: AnnotationUpdate,
  ): Promise<DebriefMark | Failure> {
    const loaded = await this.load(sessionId);
    if ('ok' in loaded) return loaded;
    const at = new Date().toISOString();
    if (markId.startsWith(BOOKMARK_PREFIX)) {
      const seq = Number(markId.slice(BOOKMARK_PREFIX.length));
      const bookmark = loaded.entries.find((e) => e.seq === seq);
      if (!bookmark || bookmark.kind !== 'input' || bookmark.input.kind !== 'bookmark')
        return failure(ErrorCode.DebriefNotFound);
      const record = await this.store.setBookmarkComment(sessionId, seq, bookmark.t, request.comment, at);
      return bookmarkMark(bookmark.seq, bookmark.t, bookmark.input.comment, record);
    }
    if (request.comment.length === 0) return failure(ErrorCode.InputInvalid, 'Une annotation a un texte.');
    if (!(await this.store.updateAnnotation(sessionId, markId, request.comment, at)))
      return failure(ErrorCode.DebriefNotFound);
    const record = (await this.store.annotations(sessionId)).find((a) => a.id === markId);
    return record ? annotationMark(record) : failure(ErrorCode.DebriefNotFound);
  }

  async deleteMark(sessionId: string, markId: string): Promise<{ ok: true } | Failure> {
    const loaded = await this.load(sessionId);
    if ('ok' in loaded) return loaded;
    // A bookmark is part of the recorded call: its comment may change, it does not go away.
    if (markId.startsWith(BOOKMARK_PREFIX))
      return failure(ErrorCode.InputInvalid, "Un repère pris pendant l'appel ne se supprime pas.");
    if (!(await this.store.deleteAnnotation(sessionId, markId))) return failure(ErrorCode.DebriefNotFound);
    return { ok: true };
  }

  async judge(
    sessionId: string,
    criterion: string,
    request: JudgmentRequest,
  ): Promise<CriterionJudgment | Failure> {
    const loaded = await this.load(sessionId);
    if ('ok' in loaded) return loaded;
    const judged = criteriaOf(loaded.compiled.scenario).find((c) => c.id === criterion && c.judged);
    if (!judged) return failure(ErrorCode.DebriefNotFound);
    const judgment: CriterionJudgment = { criterion, ...request, updatedAt: new Date().toISOString() };
    await this.store.setJudgment(sessionId, judgment);
    return judgment;
  }

  async selfAssess(sessionId: string, request: SelfAssessmentRequest): Promise<SelfAssessment | Failure> {
    const loaded = await this.load(sessionId);
    if ('ok' in loaded) return loaded;
    if (!loaded.callOver) return failure(ErrorCode.DebriefCallLive);
    const known = new Set(criteriaOf(loaded.compiled.scenario).map((c) => c.id));
    const unknown = request.ratings.find((r) => !known.has(r.criterion));
    if (unknown) return failure(ErrorCode.DebriefNotFound, `Critère inconnu : « ${unknown.criterion} ».`);
    const assessment: SelfAssessment = { ...request, submittedAt: new Date().toISOString() };
    if (!(await this.store.submitSelfAssessment(sessionId, assessment)))
      return failure(ErrorCode.DebriefAlreadySubmitted);
    return assessment;
  }

  private async load(sessionId: string): Promise<Loaded | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const entries = await this.timeline.read(sessionId);
    const callOver =
      session.status === 'ended' ||
      entries.some((e) => e.kind === 'observation' && e.observation.kind === 'ending');
    return { session, compiled, entries, callOver };
  }
}

function criteriaOf(scenario: Scenario): { id: string; judged: boolean }[] {
  return (scenario.rubric ?? []).flatMap((competency) =>
    competency.criteria.map((criterion) => ({ id: criterion.id, judged: !('auto' in criterion) })),
  );
}

function debriefScenario(scenario: Scenario): DebriefScenario {
  return {
    id: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    voice: scenario.persona.voice,
    variables: Object.entries(scenario.variables).map(([id, v]) => ({
      id,
      label: v.label,
      min: v.min,
      max: v.max,
      initial: v.initial,
      ...(v.thresholds ? { thresholds: v.thresholds } : {}),
    })),
    moves: Object.entries(scenario.moves).map(([id, m]) => ({ id, label: m.label, category: m.category })),
    labels: {
      moves: Object.fromEntries(Object.entries(scenario.moves).map(([id, m]) => [id, m.label])),
      injects: Object.fromEntries(Object.entries(scenario.injects).map(([id, i]) => [id, i.label])),
      variables: Object.fromEntries(Object.entries(scenario.variables).map(([id, v]) => [id, v.label])),
      states: stateLabels(scenario),
    },
  };
}

const graphs = new WeakMap<CompiledScenario, ScenarioGraph>();

/** The scenario's graph, drawn once per compiled scenario. */
function graphOf(compiled: CompiledScenario): ScenarioGraph {
  let graph = graphs.get(compiled);
  if (!graph) {
    graph = scenarioGraphModel(compiled.scenario);
    graphs.set(compiled, graph);
  }
  return graph;
}

/** The seqs the viewer may not read: private notes (trainer), bookmarks before self-assessing. */
function hiddenSeqs(
  parsed: readonly TimelineEntry[],
  viewer: DebriefViewer,
  trainerShown: boolean,
): Set<number> {
  const hidden = new Set<number>();
  for (const entry of parsed) {
    const shown =
      viewer === 'trainer'
        ? isVisibleTo('trainer', entry)
        : !(entry.kind === 'input' && entry.input.kind === 'bookmark') || trainerShown;
    if (!shown) hidden.add(entry.seq);
  }
  return hidden;
}

const CLOSE = Buffer.from('}');

/** The timeline in the answer's form, without the hidden entries, as JSON in UTF-8. */
function timelineJson(form: DebriefForm, rows: readonly TimelineRow[], hidden: ReadonlySet<number>): Buffer {
  return form === 'columns' ? columnsJson(rows, hidden) : entriesJson(rows, hidden);
}

/**
 * The timeline in columns (`DebriefTimeline`): each payload kept as the JSON text it is stored
 * as; only the variables' payloads are parsed, for their values, and those of the inputs that
 * may have held or resumed the call other than by the phone's buttons (`heldBy`: a sentence or
 * a correction recorded with `phone`, the standard hold move sent as a move).
 */
function columnsJson(rows: readonly TimelineRow[], hidden: ReadonlySet<number>): Buffer {
  const writer = new DebriefTimelineWriter();
  for (const row of rows) {
    if (hidden.has(row.seq)) continue;
    const variable =
      row.category === 'observation' && row.kind === 'variable'
        ? (JSON.parse(row.payload) as { variable: string; value: number })
        : undefined;
    const hold = mayHold(row) ? heldBy(JSON.parse(row.payload) as Input) : undefined;
    writer.add(row, row.payload, variable, hold);
  }
  return Buffer.from(JSON.stringify(writer.finish()));
}

/** Whether a row's input may be a hold its kind does not say (only those payloads are parsed). */
function mayHold(row: TimelineRow): boolean {
  if (row.category !== 'input') return false;
  if (row.kind === 'interpret' || row.kind === 'correct') return row.payload.includes('"phone"');
  return (
    row.kind === 'move' && (row.payload.includes(HOLD_MOVES.hold) || row.payload.includes(HOLD_MOVES.unhold))
  );
}

/** The entries' JSON array, without the hidden ones, in UTF-8. */
function entriesJson(rows: readonly TimelineRow[], hidden: ReadonlySet<number>): Buffer {
  const parts: string[] = [];
  for (const row of rows) if (!hidden.has(row.seq)) parts.push(entryJson(row));
  return Buffer.from(`[${parts.join(',')}]`);
}

/** One entry as JSON, its payload written as stored (it was written by `JSON.stringify`). */
function entryJson(row: TimelineRow): string {
  return `{"seq":${row.seq},"t":${row.t},"at":${JSON.stringify(row.at)},"source":${JSON.stringify(row.source)},"kind":"${row.category}","${row.category}":${row.payload}}`;
}

function annotationMark(record: AnnotationRecord): DebriefMark {
  return {
    id: record.id,
    kind: 'annotation',
    seq: null,
    t: record.t,
    comment: record.comment,
    original: null,
    updatedAt: record.updatedAt,
  };
}

function bookmarkMark(
  seq: number,
  t: number,
  original: string,
  edit: AnnotationRecord | undefined,
): DebriefMark {
  return {
    id: `${BOOKMARK_PREFIX}${seq}`,
    kind: 'bookmark',
    seq,
    t,
    comment: edit ? edit.comment : original,
    original: edit ? original : null,
    updatedAt: edit?.updatedAt ?? null,
  };
}

function marksOf(entries: readonly TimelineEntry[], annotations: readonly AnnotationRecord[]): DebriefMark[] {
  const edits = new Map(
    annotations.flatMap((a) => (a.bookmarkSeq === null ? [] : [[a.bookmarkSeq, a] as const])),
  );
  const marks: DebriefMark[] = [];
  for (const entry of entries) {
    if (entry.kind === 'input' && entry.input.kind === 'bookmark')
      // At the moment it marks (pressed before its comment was typed), not when it was recorded.
      marks.push(
        bookmarkMark(entry.seq, entry.input.moment ?? entry.t, entry.input.comment, edits.get(entry.seq)),
      );
  }
  for (const annotation of annotations)
    if (annotation.bookmarkSeq === null) marks.push(annotationMark(annotation));
  return marks.sort((a, b) => a.t - b.t || (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

function notesOf(entries: readonly TimelineEntry[], viewer: DebriefViewer): ListenerNote[] {
  return entries.flatMap((entry) =>
    entry.kind === 'input' && entry.input.kind === 'note' && (viewer === 'listener' || entry.input.shared)
      ? [{ seq: entry.seq, t: entry.t, text: entry.input.text, shared: entry.input.shared }]
      : [],
  );
}
