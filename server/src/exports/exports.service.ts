// Exports of a session for its trainer: the JSON export and the xAPI statements (and sending
// them to the configured LRS). Authorised by the trainer's role token, or the admin token.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { Failure, LrsSendResult, SessionExport } from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { LrsError, sendStatements } from './lrs-client.js';
import { buildSessionExport } from './session-export.js';
import type { DebriefTables } from '../debrief/debrief-store.js';
import type { Annotation, Judgment } from './session-export.js';
import { buildStatements } from './xapi.js';
import type { XapiStatement } from './xapi.js';

@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(DATABASE) private readonly db: Kysely<Database>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async json(sessionId: string): Promise<SessionExport | Failure> {
    const session = await this.store.item(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const [entries, judgments, annotations, registration] = await Promise.all([
      this.timeline.read(sessionId),
      this.judgments(sessionId),
      this.annotations(sessionId),
      this.registration(sessionId),
    ]);
    return buildSessionExport({
      session,
      compiled,
      entries,
      judgments,
      annotations,
      registration,
      now: new Date(),
    });
  }

  async xapi(sessionId: string, origin: string): Promise<XapiStatement[] | Failure> {
    const exported = await this.json(sessionId);
    if ('ok' in exported) return exported;
    const compiled = this.catalog.get(exported.session.scenario.id, exported.session.scenario.version)!;
    return buildStatements(exported, compiled, this.config.publicUrl ?? origin);
  }

  async sendToLrs(sessionId: string, origin: string): Promise<LrsSendResult | Failure> {
    const lrs = this.config.lrs;
    if (!lrs) return failure(ErrorCode.ExportLrsNotConfigured);
    const statements = await this.xapi(sessionId, origin);
    if ('ok' in statements) return statements;
    try {
      const result = await sendStatements(lrs, statements);
      this.logger.log(`export/lrs_sent session=${sessionId} statements=${result.sent}`);
      return result;
    } catch (error) {
      const message = error instanceof LrsError ? error.message : String(error);
      this.logger.warn(`export/lrs_failed session=${sessionId} ${message}`);
      return failure(ErrorCode.ExportLrsFailed);
    }
  }

  /** The session's xAPI registration: drawn at its first export, then always the same. */
  async registration(sessionId: string): Promise<string> {
    await this.db
      .insertInto('session_registrations')
      .values({ session_id: sessionId, registration: randomUUID() })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('session_registrations')
      .select('registration')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return row.registration;
  }

  private async judgments(sessionId: string): Promise<Judgment[]> {
    const rows = await this.db
      .withTables<DebriefTables>()
      .selectFrom('debrief_judgments')
      .selectAll()
      .where('session_id', '=', sessionId)
      .execute();
    return rows.flatMap((row) =>
      row.rating === 'met' || row.rating === 'partly' || row.rating === 'not'
        ? [{ criterion: row.criterion, rating: row.rating, comment: row.comment, updatedAt: row.updated_at }]
        : [],
    );
  }

  private async annotations(sessionId: string): Promise<Annotation[]> {
    const rows = await this.db
      .withTables<DebriefTables>()
      .selectFrom('debrief_annotations')
      .select(['bookmark_seq', 't', 'comment', 'created_at', 'updated_at'])
      .where('session_id', '=', sessionId)
      .execute();
    return rows.map((row) => ({
      t: row.t,
      comment: row.comment,
      bookmarkSeq: row.bookmark_seq,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}
