// Sessions and their role tokens in the database.
import { SqliteAdapter, sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import { HINT_MODES } from '@ecoute/engine';
import type { HintMode, Outcome, Role } from '@ecoute/engine';
import type { Database, SessionsTable } from '../database/schema.js';

export interface SessionRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  createdAt: string;
  status: 'live' | 'ended';
  /** A learner plays the caller (the session has a `callerActor` link). */
  callerActor?: boolean;
  /** How much the listener's console suggests (default `guided`). */
  hintMode?: HintMode;
  /** Free speech: the trainer picks the move of a sentence not understood. */
  askTrainer?: boolean;
  /** The account that created it and its organisation (null for sessions made before accounts). */
  ownerId?: string | null;
  organizationId?: string | null;
}

/** One role link's token: its hash (what authenticates) and the token sealed for its owner. */
export interface StoredToken {
  hash: string;
  sealed: string | null;
}

/** What the sessions list can be narrowed to (every field optional; all given must hold). */
export interface SessionFilter {
  scenarioId?: string;
  /** A participant's display name (from their `join` inputs): case- and accent-insensitive, part of it. */
  learner?: string;
  /** Created at or after this ISO instant. */
  from?: string;
  /** Created before this ISO instant. */
  to?: string;
  /** The ending's outcome; `none` for a session not ended, or ended without an outcome. */
  outcome?: Outcome | 'none';
  status?: 'live' | 'ended';
  /** Only this organisation's sessions. */
  organizationId?: string;
}

/** A participant as the timeline knows them: the role they joined as and the name they gave. */
export interface Participant {
  role: Role;
  name: string;
}

/** One row of the sessions list. */
export interface SessionListItem extends SessionRecord {
  endedAt: string | null;
  outcome: Outcome | null;
  participants: Participant[];
}

export class SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores the session and a token hash per role it has (no caller actor: no such token). */
  async create(session: SessionRecord, tokens: Partial<Record<Role, string | StoredToken>>): Promise<void> {
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
          caller_actor: session.callerActor ? 1 : 0,
          hint_mode: session.hintMode ?? 'guided',
          ask_trainer: session.askTrainer ? 1 : 0,
          owner_id: session.ownerId ?? null,
          organization_id: session.organizationId ?? null,
        })
        .execute();
      await trx.insertInto('role_tokens').values(tokenRows(session.id, tokens)).execute();
    });
  }

  /** Replaces every role link of a session (revocation): the old tokens open nothing any more. */
  async replaceTokens(sessionId: string, tokens: Partial<Record<Role, StoredToken>>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('role_tokens').where('session_id', '=', sessionId).execute();
      await trx.insertInto('role_tokens').values(tokenRows(sessionId, tokens)).execute();
    });
  }

  /** Replaces one role's link (the others stay): its old token opens nothing any more. */
  async replaceRoleToken(sessionId: string, role: Role, token: StoredToken): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('role_tokens')
        .where('session_id', '=', sessionId)
        .where('role', '=', role)
        .execute();
      await trx
        .insertInto('role_tokens')
        .values(tokenRows(sessionId, { [role]: token }))
        .execute();
    });
  }

  /** The sealed tokens of a session's role links, per role (null where none was kept). */
  async sealedTokens(sessionId: string): Promise<Partial<Record<Role, string | null>>> {
    const rows = await this.db
      .selectFrom('role_tokens')
      .select(['role', 'sealed'])
      .where('session_id', '=', sessionId)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.role, row.sealed])) as Partial<
      Record<Role, string | null>
    >;
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

  private readonly deleteListeners: ((id: string) => void)[] = [];

  /** `listener` hears of each session about to be deleted (the service unloads its runtime). */
  onDelete(listener: (id: string) => void): void {
    this.deleteListeners.push(listener);
  }

  private readonly endListeners: ((id: string) => void)[] = [];

  /** `listener` hears of each session once it is marked ended (the debrief keeps its scores). */
  onEnded(listener: (id: string) => void): void {
    this.endListeners.push(listener);
  }

  /** Sessions matching `filter`, newest first, each with its participants. */
  async list(filter: SessionFilter = {}): Promise<SessionListItem[]> {
    let query = this.db.selectFrom('sessions').selectAll();
    if (filter.organizationId !== undefined)
      query = query.where('organization_id', '=', filter.organizationId);
    if (filter.scenarioId !== undefined) query = query.where('scenario_id', '=', filter.scenarioId);
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.outcome === 'none') query = query.where('outcome', 'is', null);
    else if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    if (rows.length === 0) return [];
    const participants = await this.participantsOf(rows.map((row) => row.id));
    const items = rows.map((row): SessionListItem => ({
      ...fromRow(row),
      endedAt: row.ended_at,
      outcome: (row.outcome as Outcome | null) ?? null,
      participants: participants.get(row.id) ?? [],
    }));
    if (filter.learner === undefined || filter.learner.trim() === '') return items;
    const wanted = fold(filter.learner.trim());
    return items.filter((item) => item.participants.some((p) => fold(p.name).includes(wanted)));
  }

  /** One session as the list shows it (with its ending and participants), if it exists. */
  async item(id: string): Promise<SessionListItem | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const participants = await this.participantsOf([id]);
    return {
      ...fromRow(row),
      endedAt: row.ended_at,
      outcome: (row.outcome as Outcome | null) ?? null,
      participants: participants.get(id) ?? [],
    };
  }

  /**
   * Deletes a session and every row that belongs to it (timeline, role tokens; tables added
   * later reference `sessions.id` with ON DELETE CASCADE). Resolves whether it existed.
   */
  async delete(id: string): Promise<boolean> {
    for (const listener of this.deleteListeners) listener(id);
    const deleted = await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('timeline').where('session_id', '=', id).execute();
      await trx.deleteFrom('role_tokens').where('session_id', '=', id).execute();
      const result = await trx.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
    // SQLite (secure_delete on) zeroes the freed content in the pages it writes, but those pages
    // and the deleted rows' older copies sit in the WAL until a checkpoint: write them back and
    // truncate the WAL now. PostgreSQL's own vacuum reclaims its dead rows.
    if (deleted && this.db.getExecutor().adapter instanceof SqliteAdapter)
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.db);
    return deleted;
  }

  /** Ids of the sessions that ended before `cutoff` (ISO instant): what retention purges. */
  async endedBefore(
    cutoff: string,
    scope: { organizationId?: string; exceptOrganizations?: readonly string[] } = {},
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('sessions')
      .select('id')
      .where('status', '=', 'ended')
      .where('ended_at', '<', cutoff);
    if (scope.organizationId !== undefined) query = query.where('organization_id', '=', scope.organizationId);
    const except = scope.exceptOrganizations ?? [];
    if (except.length > 0)
      query = query.where((eb) =>
        eb.or([eb('organization_id', 'is', null), eb('organization_id', 'not in', [...except])]),
      );
    const rows = await query.execute();
    return rows.map((row) => row.id);
  }

  /**
   * Ids of the live sessions created before `cutoff` (ISO instant) that nobody picked up: no
   * listener joined or picked up the call. What the expiry of unclaimed sessions deletes.
   */
  async unclaimedBefore(cutoff: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select('id')
      .where('status', '=', 'live')
      .where('created_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('timeline')
              .select('seq')
              .whereRef('timeline.session_id', '=', 'sessions.id')
              .where('category', '=', 'input')
              .where('source', '=', 'listener')
              .where('kind', 'in', ['join', 'pickup']),
          ),
        ),
      )
      .execute();
    return rows.map((row) => row.id);
  }

  /** Ids of the live sessions (recovery rebuilds them at boot). */
  async liveIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('sessions').select('id').where('status', '=', 'live').execute();
    return rows.map((row) => row.id);
  }

  /** Display names given by `join` inputs, per session, in the order they joined (no repeats). */
  private async participantsOf(ids: readonly string[]): Promise<Map<string, Participant[]>> {
    const out = new Map<string, Participant[]>();
    // In slices, to stay far below the databases' limits on bound parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('timeline')
        .select(['session_id', 'source', 'payload'])
        .where('session_id', 'in', ids.slice(i, i + 500))
        .where('category', '=', 'input')
        .where('kind', '=', 'join')
        .orderBy('session_id')
        .orderBy('seq')
        .execute();
      for (const row of rows) {
        const name = (JSON.parse(row.payload) as { name?: unknown }).name;
        if (typeof name !== 'string') continue;
        const list = out.get(row.session_id) ?? [];
        if (!list.some((p) => p.role === row.source && p.name === name))
          list.push({ role: row.source as Role, name });
        out.set(row.session_id, list);
      }
    }
    return out;
  }

  async markEnded(id: string, endedAt: string, outcome: Outcome | null): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ status: 'ended', ended_at: endedAt, outcome })
      .where('id', '=', id)
      .execute();
    for (const listener of this.endListeners) listener(id);
  }
}

function fromRow(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    seed: Number(row.seed),
    createdAt: row.created_at,
    status: row.status,
    callerActor: Number(row.caller_actor) === 1,
    hintMode: (HINT_MODES as readonly string[]).includes(row.hint_mode)
      ? (row.hint_mode as HintMode)
      : 'guided',
    askTrainer: Number(row.ask_trainer) === 1,
    ownerId: row.owner_id,
    organizationId: row.organization_id,
  };
}

function tokenRows(
  sessionId: string,
  tokens: Partial<Record<Role, string | StoredToken>>,
): { token_hash: string; session_id: string; role: string; sealed: string | null }[] {
  return Object.entries(tokens).map(([role, token]) => ({
    token_hash: typeof token === 'string' ? token : token.hash,
    session_id: sessionId,
    role,
    sealed: typeof token === 'string' ? null : token.sealed,
  }));
}

/** Lower case without accents, for matching names as people type them. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');
}
