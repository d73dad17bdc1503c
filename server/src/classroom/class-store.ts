// The classroom's tables (migration 0030_classes): classes (since 0043 with their settings, since
// 0045 their trainer's last message), their
// learners (a pseudonym and the hash of their token; since 0042 also the token their last join
// from another device replaced, since 0044 the token they held when their trainer freed their
// place) and their calls (a session per group and round). Sessions themselves
// stay in the sessions store; a deleted session takes its class_calls row with it (cascade).
import type { Kysely } from 'kysely';
import { HINT_MODES, type HintMode, type Outcome } from '@ecoute/engine';
import type { ClassCallMember, ClassLearner, ClassMessage, ClassSettings } from '@ecoute/protocol';
import type { Database } from '../database/schema.js';

type ClassesTable = {
  id: string;
  organization_id: string;
  owner_id: string;
  name: string;
  join_code: string;
  scenario_ids: string;
  created_at: string;
  hint_mode: string;
  ask_trainer: number;
  machine_caller: number;
  /** The trainer's last message to the class (JSON `ClassMessage`), null before any. */
  last_message: string | null;
};

type ClassLearnersTable = {
  id: string;
  class_id: string;
  pseudonym: string;
  token_hash: string;
  /** The token a join from another device replaced (its page is told `class/taken_over`). */
  replaced_token_hash: string | null;
  /** The token the learner held when their trainer freed their place (told `class/place_freed`). */
  freed_token_hash: string | null;
  joined_at: string;
};

type ClassCallsTable = {
  session_id: string;
  class_id: string;
  round: number;
  group_index: number;
  members: string;
};

export type ClassroomTables = {
  classes: ClassesTable;
  class_learners: ClassLearnersTable;
  class_calls: ClassCallsTable;
};

export interface ClassRecord {
  id: string;
  organizationId: string;
  ownerId: string;
  name: string;
  code: string;
  scenarioIds: string[];
  createdAt: string;
  settings: ClassSettings;
}

export interface ClassCallRecord {
  sessionId: string;
  classId: string;
  round: number;
  group: number;
  members: ClassCallMember[];
}

/** A call with what its session says of it now. */
export interface ClassCallState extends ClassCallRecord {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  status: 'live' | 'ended';
  outcome: Outcome | null;
}

const classOf = (row: ClassesTable): ClassRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  ownerId: row.owner_id,
  name: row.name,
  code: row.join_code,
  scenarioIds: JSON.parse(row.scenario_ids) as string[],
  createdAt: row.created_at,
  settings: {
    hintMode: (HINT_MODES as readonly string[]).includes(row.hint_mode)
      ? (row.hint_mode as HintMode)
      : 'guided',
    askTrainer: Number(row.ask_trainer) === 1,
    machineCaller: Number(row.machine_caller) === 1,
  },
});

const settingsRow = (settings: ClassSettings) => ({
  hint_mode: settings.hintMode,
  ask_trainer: settings.askTrainer ? 1 : 0,
  machine_caller: settings.machineCaller ? 1 : 0,
});

const callOf = (row: ClassCallsTable): ClassCallRecord => ({
  sessionId: row.session_id,
  classId: row.class_id,
  round: row.round,
  group: row.group_index,
  members: JSON.parse(row.members) as ClassCallMember[],
});

export class ClassStore {
  private readonly db: Kysely<Database & ClassroomTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<ClassroomTables>();
  }

  async create(record: ClassRecord): Promise<void> {
    await this.db
      .insertInto('classes')
      .values({
        id: record.id,
        organization_id: record.organizationId,
        owner_id: record.ownerId,
        name: record.name,
        join_code: record.code,
        scenario_ids: JSON.stringify(record.scenarioIds),
        created_at: record.createdAt,
        ...settingsRow(record.settings),
      })
      .execute();
  }

  /** Replaces the class's settings. */
  async setSettings(id: string, settings: ClassSettings): Promise<void> {
    await this.db.updateTable('classes').set(settingsRow(settings)).where('id', '=', id).execute();
  }

  /** Keeps `message` as the class's last message (the one before it is not kept). */
  async setLastMessage(id: string, message: ClassMessage): Promise<void> {
    await this.db
      .updateTable('classes')
      .set({ last_message: JSON.stringify(message) })
      .where('id', '=', id)
      .execute();
  }

  /** The class's last message, if its trainer sent one. */
  async lastMessage(id: string): Promise<ClassMessage | null> {
    const row = await this.db
      .selectFrom('classes')
      .select('last_message')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.last_message ? (JSON.parse(row.last_message) as ClassMessage) : null;
  }

  async find(id: string): Promise<ClassRecord | undefined> {
    const row = await this.db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? classOf(row) : undefined;
  }

  async byCode(code: string): Promise<ClassRecord | undefined> {
    const row = await this.db
      .selectFrom('classes')
      .selectAll()
      .where('join_code', '=', code)
      .executeTakeFirst();
    return row ? classOf(row) : undefined;
  }

  /** The classes of an organisation, newest first; only `ownerId`'s when given. */
  async list(organizationId: string, ownerId?: string): Promise<ClassRecord[]> {
    let query = this.db.selectFrom('classes').selectAll().where('organization_id', '=', organizationId);
    if (ownerId !== undefined) query = query.where('owner_id', '=', ownerId);
    return (await query.orderBy('created_at', 'desc').execute()).map(classOf);
  }

  /**
   * Retention: deletes the classes created before `cutoff` (ISO instant) that have no call left —
   * their sessions were purged, or none was ever launched — with their learners' pseudonyms.
   * A class with a call still kept (live, or ended within the period) stays. Resolves with the
   * deleted classes' ids.
   */
  async deleteExpired(
    cutoff: string,
    scope: { organizationId?: string; exceptOrganizations?: readonly string[] } = {},
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('classes')
      .select('id')
      .where('created_at', '<', cutoff)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('class_calls')
              .select('session_id')
              .whereRef('class_calls.class_id', '=', 'classes.id'),
          ),
        ),
      );
    if (scope.organizationId !== undefined) query = query.where('organization_id', '=', scope.organizationId);
    const except = scope.exceptOrganizations ?? [];
    if (except.length > 0) query = query.where('organization_id', 'not in', [...except]);
    const ids = (await query.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('class_learners').where('class_id', 'in', ids).execute();
      await trx.deleteFrom('classes').where('id', 'in', ids).execute();
    });
    return ids;
  }

  async addLearner(classId: string, learner: ClassLearner, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('class_learners')
      .values({
        id: learner.learnerId,
        class_id: classId,
        pseudonym: learner.pseudonym,
        token_hash: tokenHash,
        replaced_token_hash: null,
        freed_token_hash: null,
        joined_at: learner.joinedAt,
      })
      .execute();
  }

  /**
   * The learner joined again from another device: `tokenHash` opens their place from now on, the
   * token it replaces nothing any more (kept to tell its page, `tokenRetired`).
   */
  async replaceToken(classId: string, learnerId: string, tokenHash: string): Promise<void> {
    await this.db
      .updateTable('class_learners')
      .set((eb) => ({ replaced_token_hash: eb.ref('token_hash'), token_hash: tokenHash }))
      .where('class_id', '=', classId)
      .where('id', '=', learnerId)
      .execute();
  }

  /**
   * The trainer freed the learner's place: their token opens nothing any more (kept to tell its
   * page, `tokenRetired`); `unusedHash` (of a token handed to nobody) stands in its place until
   * their next join replaces it. False if the class has no such learner.
   */
  async freeToken(classId: string, learnerId: string, unusedHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('class_learners')
      .set((eb) => ({ freed_token_hash: eb.ref('token_hash'), token_hash: unusedHash }))
      .where('class_id', '=', classId)
      .where('id', '=', learnerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Why this token of the class opens nothing any more: `replaced` (its learner joined again from
   * another device), `freed` (their trainer freed their place), or null (never a learner's).
   */
  async tokenRetired(classId: string, tokenHash: string): Promise<'replaced' | 'freed' | null> {
    const row = await this.db
      .selectFrom('class_learners')
      .select(['replaced_token_hash', 'freed_token_hash'])
      .where('class_id', '=', classId)
      .where((eb) =>
        eb.or([eb('replaced_token_hash', '=', tokenHash), eb('freed_token_hash', '=', tokenHash)]),
      )
      .executeTakeFirst();
    if (!row) return null;
    return row.freed_token_hash === tokenHash ? 'freed' : 'replaced';
  }

  /** A learner of the class by id, if any. */
  async learner(classId: string, learnerId: string): Promise<ClassLearner | undefined> {
    const row = await this.db
      .selectFrom('class_learners')
      .select(['id', 'pseudonym', 'joined_at'])
      .where('class_id', '=', classId)
      .where('id', '=', learnerId)
      .executeTakeFirst();
    return row ? { learnerId: row.id, pseudonym: row.pseudonym, joinedAt: row.joined_at } : undefined;
  }

  async learners(classId: string): Promise<ClassLearner[]> {
    const rows = await this.db
      .selectFrom('class_learners')
      .select(['id', 'pseudonym', 'joined_at'])
      .where('class_id', '=', classId)
      .orderBy('joined_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ learnerId: row.id, pseudonym: row.pseudonym, joinedAt: row.joined_at }));
  }

  async learnerCount(classId: string): Promise<number> {
    const row = await this.db
      .selectFrom('class_learners')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', '=', classId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The learner a token opens in a class, if any. */
  async learnerOf(classId: string, tokenHash: string): Promise<ClassLearner | undefined> {
    const row = await this.db
      .selectFrom('class_learners')
      .select(['id', 'pseudonym', 'joined_at'])
      .where('class_id', '=', classId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? { learnerId: row.id, pseudonym: row.pseudonym, joinedAt: row.joined_at } : undefined;
  }

  async addCalls(calls: ClassCallRecord[]): Promise<void> {
    if (calls.length === 0) return;
    await this.db
      .insertInto('class_calls')
      .values(
        calls.map((call) => ({
          session_id: call.sessionId,
          class_id: call.classId,
          round: call.round,
          group_index: call.group,
          members: JSON.stringify(call.members),
        })),
      )
      .execute();
  }

  /** The class's calls in round and group order, with their session's status and outcome. */
  async calls(classId: string): Promise<ClassCallState[]> {
    const rows = await this.db
      .selectFrom('class_calls')
      .innerJoin('sessions', 'sessions.id', 'class_calls.session_id')
      .select([
        'class_calls.session_id',
        'class_calls.class_id',
        'class_calls.round',
        'class_calls.group_index',
        'class_calls.members',
        'sessions.scenario_id',
        'sessions.scenario_version',
        'sessions.seed',
        'sessions.status',
        'sessions.outcome',
      ])
      .where('class_calls.class_id', '=', classId)
      .orderBy('class_calls.round')
      .orderBy('class_calls.group_index')
      .execute();
    return rows.map((row) => ({
      ...callOf(row),
      scenarioId: row.scenario_id,
      scenarioVersion: row.scenario_version,
      seed: row.seed,
      status: row.status,
      outcome: (row.outcome as Outcome | null) ?? null,
    }));
  }

  /** The class call a session is, if it is one (any session may end: most are not a class's). */
  async callOf(sessionId: string): Promise<ClassCallRecord | undefined> {
    const row = await this.db
      .selectFrom('class_calls')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row && callOf(row);
  }

  async lastRound(classId: string): Promise<number> {
    const row = await this.db
      .selectFrom('class_calls')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('class_id', '=', classId)
      .executeTakeFirst();
    return Number(row?.round ?? 0);
  }

  /**
   * Erasure of a learner pseudonym (privacy): their learner rows in the organisation's classes
   * are deleted (their tokens open nothing any more) and their name is blanked in the members of
   * the class's calls; the trainer's last message to those classes is forgotten. Resolves with
   * the learner rows deleted.
   */
  async eraseLearner(organizationId: string, matches: (pseudonym: string) => boolean): Promise<number> {
    const classIds = (await this.list(organizationId)).map((c) => c.id);
    if (classIds.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('class_learners')
        .select(['id', 'class_id', 'pseudonym'])
        .where('class_id', 'in', classIds)
        .execute();
      const erased = rows.filter((row) => matches(row.pseudonym));
      if (erased.length === 0) return 0;
      const ids = erased.map((row) => row.id);
      await trx.deleteFrom('class_learners').where('id', 'in', ids).execute();
      // The trainer's last message to the classes the learner was in may name them (« Dan, à
      // toi »): it goes too, as it would at the next message.
      await trx
        .updateTable('classes')
        .set({ last_message: null })
        .where('id', 'in', [...new Set(erased.map((row) => row.class_id))])
        .execute();
      const calls = await trx
        .selectFrom('class_calls')
        .select(['session_id', 'members'])
        .where('class_id', 'in', classIds)
        .execute();
      for (const call of calls) {
        const members = JSON.parse(call.members) as ClassCallMember[];
        if (!members.some((m) => ids.includes(m.learnerId))) continue;
        const blanked = members.map((m) => (ids.includes(m.learnerId) ? { ...m, pseudonym: '' } : m));
        await trx
          .updateTable('class_calls')
          .set({ members: JSON.stringify(blanked) })
          .where('session_id', '=', call.session_id)
          .execute();
      }
      return ids.length;
    });
  }
}
