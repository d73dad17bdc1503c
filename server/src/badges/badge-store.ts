// The tables of Open Badges (migration `0020_badges`), read and written only here: an
// organisation's signing keys, its badge definitions, the badges awarded.
import type { Kysely } from 'kysely';
import type { BadgeCriterion } from '@ecoute/protocol';
import type { Database } from '../database/schema.js';
import type { BadgeImageType } from './badge-image-upload.js';
import type { StoredBadgeImage } from './badge-image.js';

type BadgeKeysTable = {
  id: string;
  organization_id: string;
  public_jwk: string;
  sealed_private_jwk: string;
  created_at: string;
};
type BadgeDefinitionsTable = {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  criteria: string;
  min_calls: number;
  created_at: string;
  updated_at: string;
  /** Migration 0024: the organisation's own picture (base64) and its type, null for the drawn one. */
  image_type: BadgeImageType | null;
  image_base64: string | null;
  /** Migration 0024: deleted while issued — hidden and no longer awarded, kept for verification. */
  deleted_at: string | null;
};
/** Every column but the picture's bytes (read only where the picture is served). */
const DEFINITION_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'description',
  'criteria',
  'min_calls',
  'created_at',
  'updated_at',
  'image_type',
  'deleted_at',
] as const;
type BadgeAwardsTable = {
  id: string;
  organization_id: string;
  badge_id: string;
  learner: string;
  learner_key: string;
  sessions: string;
  issued_at: string;
  status_index: number;
  credential_jwt: string;
  revoked_at: string | null;
  revocation_reason: string | null;
};
export type BadgeTables = {
  badge_keys: BadgeKeysTable;
  badge_definitions: BadgeDefinitionsTable;
  badge_awards: BadgeAwardsTable;
};

export interface KeyRecord {
  id: string;
  organizationId: string;
  publicJwk: string;
  sealedPrivateJwk: string;
  createdAt: string;
}

export interface DefinitionRecord {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  criteria: BadgeCriterion[];
  minCalls: number;
  createdAt: string;
  /** The uploaded picture's type, null while the badge has the drawn medal. */
  imageType?: BadgeImageType | null;
  /** When it was deleted while issued (hidden, no longer awarded, still verifiable). */
  deletedAt?: string | null;
}

export interface AwardRecord {
  id: string;
  organizationId: string;
  badgeId: string;
  learner: string;
  learnerKey: string;
  sessions: string[];
  issuedAt: string;
  statusIndex: number;
  credentialJwt: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

export class BadgeStore {
  private readonly db: Kysely<Database & BadgeTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<BadgeTables>();
  }

  /**
   * The organisation's signing key: its latest whose private half is kept (a key lost with the
   * server key has it emptied, accounts/server-key-check.ts: a new pair is then made).
   */
  async keyOf(organizationId: string): Promise<KeyRecord | undefined> {
    const row = await this.db
      .selectFrom('badge_keys')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('sealed_private_jwk', '!=', '')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && keyFromRow(row);
  }

  async key(id: string): Promise<KeyRecord | undefined> {
    const row = await this.db.selectFrom('badge_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && keyFromRow(row);
  }

  async keysOf(organizationId: string): Promise<KeyRecord[]> {
    const rows = await this.db
      .selectFrom('badge_keys')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at')
      .execute();
    return rows.map(keyFromRow);
  }

  async addKey(key: KeyRecord): Promise<void> {
    await this.db
      .insertInto('badge_keys')
      .values({
        id: key.id,
        organization_id: key.organizationId,
        public_jwk: key.publicJwk,
        sealed_private_jwk: key.sealedPrivateJwk,
        created_at: key.createdAt,
      })
      .execute();
  }

  /** The organisation's badges; `withDeleted` also those deleted while issued (names of awards). */
  async definitions(organizationId: string, withDeleted = false): Promise<DefinitionRecord[]> {
    let query = this.db
      .selectFrom('badge_definitions')
      .select(DEFINITION_COLUMNS)
      .where('organization_id', '=', organizationId);
    if (!withDeleted) query = query.where('deleted_at', 'is', null);
    return (await query.orderBy('created_at').execute()).map(definitionFromRow);
  }

  /** One badge, deleted or not (its public documents outlive it while issued). */
  async definition(id: string): Promise<DefinitionRecord | undefined> {
    const row = await this.db
      .selectFrom('badge_definitions')
      .select(DEFINITION_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && definitionFromRow(row);
  }

  async image(id: string): Promise<StoredBadgeImage | undefined> {
    const row = await this.db
      .selectFrom('badge_definitions')
      .select(['image_type', 'image_base64'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row?.image_type || row.image_base64 === null) return undefined;
    return { type: row.image_type, bytes: Buffer.from(row.image_base64, 'base64') };
  }

  /** The organisation's picture for the badge, or back to the drawn medal (`null`). */
  async setImage(id: string, image: StoredBadgeImage | null, at: string): Promise<void> {
    await this.db
      .updateTable('badge_definitions')
      .set({
        image_type: image?.type ?? null,
        image_base64: image ? image.bytes.toString('base64') : null,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  }

  async awardCount(badgeId: string): Promise<number> {
    const row = await this.db
      .selectFrom('badge_awards')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('badge_id', '=', badgeId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** A badge never issued: gone. */
  async deleteDefinition(id: string): Promise<void> {
    await this.db.deleteFrom('badge_definitions').where('id', '=', id).execute();
  }

  /** A badge already issued: hidden and no longer awarded, its documents kept for verifiers. */
  async markDeleted(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('badge_definitions')
      .set({ deleted_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async saveDefinition(record: DefinitionRecord, at: string): Promise<void> {
    const values = {
      name: record.name,
      description: record.description,
      criteria: JSON.stringify(record.criteria),
      min_calls: record.minCalls,
      updated_at: at,
    };
    await this.db
      .insertInto('badge_definitions')
      .values({
        id: record.id,
        organization_id: record.organizationId,
        created_at: record.createdAt,
        ...values,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  async awards(organizationId: string): Promise<AwardRecord[]> {
    const rows = await this.db
      .selectFrom('badge_awards')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('issued_at', 'desc')
      .execute();
    return rows.map(awardFromRow);
  }

  async award(id: string): Promise<AwardRecord | undefined> {
    const row = await this.db.selectFrom('badge_awards').selectAll().where('id', '=', id).executeTakeFirst();
    return row && awardFromRow(row);
  }

  async awardOf(badgeId: string, learnerKey: string): Promise<AwardRecord | undefined> {
    const row = await this.db
      .selectFrom('badge_awards')
      .selectAll()
      .where('badge_id', '=', badgeId)
      .where('learner_key', '=', learnerKey)
      .executeTakeFirst();
    return row && awardFromRow(row);
  }

  async awardsOfLearners(organizationId: string, learnerKeys: readonly string[]): Promise<AwardRecord[]> {
    if (learnerKeys.length === 0) return [];
    const rows = await this.db
      .selectFrom('badge_awards')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('learner_key', 'in', learnerKeys)
      .orderBy('issued_at')
      .execute();
    return rows.map(awardFromRow);
  }

  /** The distinct learner keys that hold a badge of the organisation (an RGPD request's lookup). */
  async learnerKeys(organizationId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('badge_awards')
      .select('learner_key')
      .distinct()
      .where('organization_id', '=', organizationId)
      .execute();
    return rows.map((row) => row.learner_key);
  }

  /** The next free index of the organisation's status list. */
  async nextStatusIndex(organizationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('badge_awards')
      .select((eb) => eb.fn.max('status_index').as('last'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    const last = row?.last;
    return last === null || last === undefined ? 0 : Number(last) + 1;
  }

  /** The indexes of the organisation's revoked badges. */
  async revokedIndexes(organizationId: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('badge_awards')
      .select('status_index')
      .where('organization_id', '=', organizationId)
      .where('revoked_at', 'is not', null)
      .execute();
    return rows.map((row) => Number(row.status_index));
  }

  async addAward(award: AwardRecord): Promise<void> {
    await this.db
      .insertInto('badge_awards')
      .values({
        id: award.id,
        organization_id: award.organizationId,
        badge_id: award.badgeId,
        learner: award.learner,
        learner_key: award.learnerKey,
        sessions: JSON.stringify(award.sessions),
        issued_at: award.issuedAt,
        status_index: award.statusIndex,
        credential_jwt: award.credentialJwt,
        revoked_at: null,
        revocation_reason: null,
      })
      .execute();
  }

  /** Erasure of a learner pseudonym (RGPD): their awards go; their status list bits stay unused. */
  async deleteLearner(organizationId: string, learnerKeys: readonly string[]): Promise<number> {
    if (learnerKeys.length === 0) return 0;
    const result = await this.db
      .deleteFrom('badge_awards')
      .where('organization_id', '=', organizationId)
      .where('learner_key', 'in', learnerKeys)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async revoke(id: string, reason: string, at: string): Promise<void> {
    await this.db
      .updateTable('badge_awards')
      .set({ revoked_at: at, revocation_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

function keyFromRow(row: BadgeKeysTable): KeyRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    publicJwk: row.public_jwk,
    sealedPrivateJwk: row.sealed_private_jwk,
    createdAt: row.created_at,
  };
}

function definitionFromRow(
  row: Pick<BadgeDefinitionsTable, (typeof DEFINITION_COLUMNS)[number]>,
): DefinitionRecord {
  return {
    imageType: row.image_type,
    deletedAt: row.deleted_at,
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    criteria: JSON.parse(row.criteria) as BadgeCriterion[],
    minCalls: Number(row.min_calls),
    createdAt: row.created_at,
  };
}

function awardFromRow(row: BadgeAwardsTable): AwardRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    badgeId: row.badge_id,
    learner: row.learner,
    learnerKey: row.learner_key,
    sessions: JSON.parse(row.sessions) as string[],
    issuedAt: row.issued_at,
    statusIndex: Number(row.status_index),
    credentialJwt: row.credential_jwt,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
  };
}
