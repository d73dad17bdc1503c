// Sessions and their role tokens in the database.
import type { Kysely } from 'kysely';
import type { Outcome, Role } from '@ecoute/engine';
import type { Database, SessionsTable } from '../database/schema.js';

export interface SessionRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  createdAt: string;
  status: 'live' | 'ended';
}

export class SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: SessionRecord, tokenHashes: Record<Role, string>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id: session.id,
          scenario_id: session.scenarioId,
          scenario_version: session.scenarioVersion,
          seed: session.seed,
          created_at: session.createdAt,
          status: session.status,
          ended_at: null,
          outcome: null,
        })
        .execute();
      await trx
        .insertInto('role_tokens')
        .values(
          Object.entries(tokenHashes).map(([role, hash]) => ({
            token_hash: hash,
            session_id: session.id,
            role,
          })),
        )
        .execute();
    });
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The role a token hash opens in a session, if any. */
  async roleOf(sessionId: string, tokenHash: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom('role_tokens')
      .select('role')
      .where('session_id', '=', sessionId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row?.role as Role | undefined;
  }

  async markEnded(id: string, endedAt: string, outcome: Outcome | null): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ status: 'ended', ended_at: endedAt, outcome })
      .where('id', '=', id)
      .execute();
  }
}

function fromRow(row: SessionsTable): SessionRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    seed: Number(row.seed),
    createdAt: row.created_at,
    status: row.status,
  };
}
