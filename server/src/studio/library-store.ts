// The library's tables (migration 0013): calls, versions, changes. A published version's text is
// only ever inserted or turned from draft to published once; after that only its status moves
// (to retired). Who changed what is kept by name, as people read it.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LibraryChange, LibraryChangeKind, LibraryVersionStatus } from '@ecoute/protocol';
import type { Database } from '../database/schema.js';

export interface LibraryCallRow {
  id: string;
  organizationId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryVersionRow {
  callId: string;
  version: number;
  status: LibraryVersionStatus;
  yaml: string;
  changedBy: string;
  changedAt: string;
  publishedAt: string | null;
}

export class LibraryStore {
  constructor(private readonly db: Kysely<Database>) {}

  async calls(organizationId: string): Promise<LibraryCallRow[]> {
    const rows = await this.db
      .selectFrom('library_calls')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .execute();
    return rows.map(callOf);
  }

  async call(id: string): Promise<LibraryCallRow | undefined> {
    const row = await this.db.selectFrom('library_calls').selectAll().where('id', '=', id).executeTakeFirst();
    return row && callOf(row);
  }

  /** Every version of the given calls, texts included only when asked. */
  async versions(callIds: readonly string[]): Promise<LibraryVersionRow[]> {
    if (callIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('library_versions')
      .selectAll()
      .where('call_id', 'in', callIds)
      .orderBy('version', 'asc')
      .execute();
    return rows.map(versionOf);
  }

  async version(callId: string, version: number): Promise<LibraryVersionRow | undefined> {
    const row = await this.db
      .selectFrom('library_versions')
      .selectAll()
      .where('call_id', '=', callId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && versionOf(row);
  }

  /** Every published or retired version (the catalogue loads them at boot). */
  async publishedVersions(): Promise<(LibraryVersionRow & { organizationId: string })[]> {
    const rows = await this.db
      .selectFrom('library_versions')
      .innerJoin('library_calls', 'library_calls.id', 'library_versions.call_id')
      .selectAll('library_versions')
      .select('library_calls.organization_id')
      .where('library_versions.status', 'in', ['published', 'retired'])
      .orderBy('library_versions.version', 'asc')
      .execute();
    return rows.map((r) => ({ ...versionOf(r), organizationId: r.organization_id }));
  }

  async history(callId: string): Promise<LibraryChange[]> {
    const rows = await this.db
      .selectFrom('library_changes')
      .selectAll()
      .where('call_id', '=', callId)
      .orderBy('at', 'desc')
      .execute();
    return rows.map((r) => ({
      at: r.at,
      by: r.actor,
      change: r.change as LibraryChangeKind,
      version: r.version,
    }));
  }

  /** A new call with its first draft, in one transaction. */
  async createCall(
    call: { id: string; organizationId: string; title: string },
    yaml: string,
    by: string,
    change: LibraryChangeKind,
    at = new Date().toISOString(),
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('library_calls')
        .values({
          id: call.id,
          organization_id: call.organizationId,
          title: call.title,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('library_versions')
        .values({
          call_id: call.id,
          version: 1,
          status: 'draft',
          yaml,
          changed_by: by,
          changed_at: at,
          published_at: null,
        })
        .execute();
      await trx
        .insertInto('library_changes')
        .values(changeRow(call.id, 1, at, by, change))
        .execute();
    });
  }

  /** Writes the draft: the existing one, or a new version after the newest. Returns its number. */
  async saveDraft(callId: string, yaml: string, title: string | undefined, by: string): Promise<number> {
    const at = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('library_versions')
        .select('version')
        .where('call_id', '=', callId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      let version: number;
      if (draft) {
        version = draft.version;
        await trx
          .updateTable('library_versions')
          .set({ yaml, changed_by: by, changed_at: at })
          .where('call_id', '=', callId)
          .where('version', '=', version)
          .where('status', '=', 'draft')
          .execute();
      } else {
        const newest = await trx
          .selectFrom('library_versions')
          .select((eb) => eb.fn.max('version').as('max'))
          .where('call_id', '=', callId)
          .executeTakeFirst();
        version = Number(newest?.max ?? 0) + 1;
        await trx
          .insertInto('library_versions')
          .values({
            call_id: callId,
            version,
            status: 'draft',
            yaml,
            changed_by: by,
            changed_at: at,
            published_at: null,
          })
          .execute();
      }
      await trx
        .updateTable('library_calls')
        .set({ updated_at: at, ...(title ? { title } : {}) })
        .where('id', '=', callId)
        .execute();
      await trx
        .insertInto('library_changes')
        .values(changeRow(callId, version, at, by, 'edit'))
        .execute();
      return version;
    });
  }

  /** The draft becomes a published version with the given (final) text. */
  async publish(callId: string, version: number, yaml: string, by: string): Promise<void> {
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('library_versions')
        .set({ status: 'published', yaml, changed_by: by, changed_at: at, published_at: at })
        .where('call_id', '=', callId)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .execute();
      await trx.updateTable('library_calls').set({ updated_at: at }).where('id', '=', callId).execute();
      await trx
        .insertInto('library_changes')
        .values(changeRow(callId, version, at, by, 'publish'))
        .execute();
    });
  }

  async retire(callId: string, version: number, by: string): Promise<void> {
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('library_versions')
        .set({ status: 'retired', changed_by: by, changed_at: at })
        .where('call_id', '=', callId)
        .where('version', '=', version)
        .where('status', '=', 'published')
        .execute();
      await trx.updateTable('library_calls').set({ updated_at: at }).where('id', '=', callId).execute();
      await trx
        .insertInto('library_changes')
        .values(changeRow(callId, version, at, by, 'retire'))
        .execute();
    });
  }
}

function changeRow(callId: string, version: number, at: string, actor: string, change: LibraryChangeKind) {
  return { id: randomUUID(), call_id: callId, version, at, actor, change };
}

function callOf(r: Database['library_calls']): LibraryCallRow {
  return {
    id: r.id,
    organizationId: r.organization_id,
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function versionOf(r: Database['library_versions']): LibraryVersionRow {
  return {
    callId: r.call_id,
    version: r.version,
    status: r.status as LibraryVersionStatus,
    yaml: r.yaml,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    publishedAt: r.published_at,
  };
}
