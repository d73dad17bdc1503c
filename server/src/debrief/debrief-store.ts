// The debrief's own records: annotations (and edited bookmark comments), the trainer's
// judgments, the learner's self-assessment. The timeline is never touched: a bookmark edited
// here keeps its original in the timeline. Rows go with their session (ON DELETE CASCADE).
// The scores kept (migration `0005_debrief_results`) are computed from the timeline, never
// written to it.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  CriterionJudgment,
  CriterionRating,
  DebriefCriterion,
  DebriefMeasures,
  SelfAssessment,
} from '@ecoute/protocol';
import type { Database, TimelineTable } from '../database/schema.js';

type DebriefAnnotationsTable = {
  id: string;
  session_id: string;
  bookmark_seq: number | null;
  t: number;
  comment: string;
  created_at: string;
  updated_at: string;
};

type DebriefJudgmentsTable = {
  session_id: string;
  criterion: string;
  rating: string;
  comment: string;
  updated_at: string;
};

type DebriefSelfAssessmentsTable = {
  session_id: string;
  payload: string;
  submitted_at: string;
};

type DebriefResultsTable = {
  session_id: string;
  last_seq: number;
  rubric_key: string;
  rubric: string;
  measures: string;
  computed_at: string;
};

/** The tables of migrations `0002_debrief` and `0005_debrief_results`. */
export type DebriefTables = {
  debrief_annotations: DebriefAnnotationsTable;
  debrief_judgments: DebriefJudgmentsTable;
  debrief_self_assessments: DebriefSelfAssessmentsTable;
  debrief_results: DebriefResultsTable;
};

/** The rubric's automatic results and the measures, as computed from the timeline up to `lastSeq`. */
export interface ResultsRecord {
  lastSeq: number;
  /** The scenario version and rubric they were computed with (`rubricKey`). */
  rubricKey: string;
  rubric: DebriefCriterion[];
  measures: DebriefMeasures;
}

/** A timeline row as stored (the payload still JSON text), with the seq and t as numbers. */
export type TimelineRow = Omit<TimelineTable, 'session_id'>;

export interface AnnotationRecord {
  id: string;
  bookmarkSeq: number | null;
  t: number;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

export class DebriefStore {
  private readonly db: Kysely<Database & DebriefTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<DebriefTables>();
  }

  static newAnnotationId(): string {
    return `a-${randomBytes(10).toString('hex')}`;
  }

  /** When the session was marked ended (the sessions table's `ended_at`). */
  async endedAt(sessionId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select('ended_at')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return row?.ended_at ?? null;
  }

  /**
   * The session's timeline as stored, read only: the debrief's answer carries each payload's
   * JSON text as it is, without parsing it and writing it again.
   */
  async timelineRows(sessionId: string, kinds?: readonly string[]): Promise<TimelineRow[]> {
    const rows = await this.db
      .selectFrom('timeline')
      .select(['seq', 't', 'at', 'source', 'category', 'kind', 'payload'])
      .where('session_id', '=', sessionId)
      .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds!))
      .orderBy('seq')
      .execute();
    // PostgreSQL gives bigints as strings.
    for (const row of rows) {
      row.seq = Number(row.seq);
      row.t = Number(row.t);
    }
    return rows;
  }

  /** The session's last timeline entry (its seq and t), if any. */
  async timelineLast(sessionId: string): Promise<{ seq: number; t: number } | undefined> {
    const row = await this.db
      .selectFrom('timeline')
      .select(['seq', 't'])
      .where('session_id', '=', sessionId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { seq: Number(row.seq), t: Number(row.t) };
  }

  async results(sessionId: string): Promise<ResultsRecord | null> {
    const row = await this.db
      .selectFrom('debrief_results')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      lastSeq: Number(row.last_seq),
      rubricKey: row.rubric_key,
      rubric: JSON.parse(row.rubric) as DebriefCriterion[],
      measures: JSON.parse(row.measures) as DebriefMeasures,
    };
  }

  async saveResults(sessionId: string, record: ResultsRecord, at: string): Promise<void> {
    const values = {
      last_seq: record.lastSeq,
      rubric_key: record.rubricKey,
      rubric: JSON.stringify(record.rubric),
      measures: JSON.stringify(record.measures),
      computed_at: at,
    };
    await this.db
      .insertInto('debrief_results')
      .values({ session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
      .execute();
  }

  async annotations(sessionId: string): Promise<AnnotationRecord[]> {
    const rows = await this.db
      .selectFrom('debrief_annotations')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('t')
      .orderBy('created_at')
      .execute();
    return rows.map(annotationFromRow);
  }

  async addAnnotation(sessionId: string, record: AnnotationRecord): Promise<void> {
    await this.db
      .insertInto('debrief_annotations')
      .values({
        id: record.id,
        session_id: sessionId,
        bookmark_seq: record.bookmarkSeq,
        t: record.t,
        comment: record.comment,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  }

  /** Updates an annotation's comment; resolves whether it existed. */
  async updateAnnotation(sessionId: string, id: string, comment: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('debrief_annotations')
      .set({ comment, updated_at: at })
      .where('session_id', '=', sessionId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The edit of a bookmark's comment: one row per bookmark, created on its first edit. */
  async setBookmarkComment(
    sessionId: string,
    seq: number,
    t: number,
    comment: string,
    at: string,
  ): Promise<AnnotationRecord> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('debrief_annotations')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('bookmark_seq', '=', seq)
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('debrief_annotations')
          .set({ comment, updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        return { ...annotationFromRow(existing), comment, updatedAt: at };
      }
      const record: AnnotationRecord = {
        id: DebriefStore.newAnnotationId(),
        bookmarkSeq: seq,
        t,
        comment,
        createdAt: at,
        updatedAt: at,
      };
      await trx
        .insertInto('debrief_annotations')
        .values({
          id: record.id,
          session_id: sessionId,
          bookmark_seq: seq,
          t,
          comment,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return record;
    });
  }

  /** Deletes an annotation of its own (not a bookmark's edit); resolves whether it existed. */
  async deleteAnnotation(sessionId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('debrief_annotations')
      .where('session_id', '=', sessionId)
      .where('id', '=', id)
      .where('bookmark_seq', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async judgments(sessionId: string): Promise<CriterionJudgment[]> {
    const rows = await this.db
      .selectFrom('debrief_judgments')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('criterion')
      .execute();
    return rows.map((row) => ({
      criterion: row.criterion,
      rating: row.rating as CriterionRating,
      comment: row.comment,
      updatedAt: row.updated_at,
    }));
  }

  async setJudgment(sessionId: string, judgment: CriterionJudgment): Promise<void> {
    await this.db
      .insertInto('debrief_judgments')
      .values({
        session_id: sessionId,
        criterion: judgment.criterion,
        rating: judgment.rating,
        comment: judgment.comment,
        updated_at: judgment.updatedAt,
      })
      .onConflict((oc) =>
        oc.columns(['session_id', 'criterion']).doUpdateSet({
          rating: judgment.rating,
          comment: judgment.comment,
          updated_at: judgment.updatedAt,
        }),
      )
      .execute();
  }

  async selfAssessment(sessionId: string): Promise<SelfAssessment | null> {
    const row = await this.db
      .selectFrom('debrief_self_assessments')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return null;
    const payload = JSON.parse(row.payload) as Omit<SelfAssessment, 'submittedAt'>;
    return { ...payload, submittedAt: row.submitted_at };
  }

  /** Records the self-assessment once; resolves false when one was already there. */
  async submitSelfAssessment(sessionId: string, assessment: SelfAssessment): Promise<boolean> {
    const { submittedAt, ...payload } = assessment;
    const result = await this.db
      .insertInto('debrief_self_assessments')
      .values({ session_id: sessionId, payload: JSON.stringify(payload), submitted_at: submittedAt })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}

function annotationFromRow(row: DebriefAnnotationsTable): AnnotationRecord {
  return {
    id: row.id,
    bookmarkSeq: row.bookmark_seq === null ? null : Number(row.bookmark_seq),
    t: Number(row.t),
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
