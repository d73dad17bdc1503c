// The tables of LTI 1.3 (migration `0021_lti`), read and written only here.
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

type LtiPlatformsTable = {
  id: string;
  organization_id: string;
  issuer: string;
  client_id: string;
  deployment_ids: string;
  auth_login_url: string;
  token_url: string;
  jwks_url: string;
  created_at: string;
};
type LtiToolKeysTable = { id: string; public_jwk: string; sealed_private_jwk: string; created_at: string };
type LtiSessionsTable = {
  session_id: string;
  platform_id: string;
  resource_link: string;
  learner_sub: string | null;
  lineitem: string | null;
  score_sent_at: string | null;
  created_at: string;
  /** Migration 0023: NRPS, the course's membership URL the latest launch carried. */
  memberships_url: string | null;
};
/** Migration 0022: a login's state and nonce, a Deep Linking choice in progress (single use). */
type LtiPendingTable = { id: string; kind: PendingKind; payload: string; expires_at: number };
export type PendingKind = 'login' | 'deep-link';
export type LtiTables = {
  lti_platforms: LtiPlatformsTable;
  lti_tool_keys: LtiToolKeysTable;
  lti_sessions: LtiSessionsTable;
  lti_pending: LtiPendingTable;
};

export interface PlatformRecord {
  id: string;
  organizationId: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  createdAt: string;
}

export interface LtiSessionRecord {
  sessionId: string;
  platformId: string;
  /** `<deployment id> <resource link id>`. */
  resourceLink: string;
  learnerSub: string | null;
  lineitem: string | null;
  scoreSentAt: string | null;
  createdAt: string;
}

export class LtiStore {
  private readonly db: Kysely<Database & LtiTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<LtiTables>();
  }

  async platforms(issuer: string): Promise<PlatformRecord[]> {
    const rows = await this.db.selectFrom('lti_platforms').selectAll().where('issuer', '=', issuer).execute();
    return rows.map(platformFromRow);
  }

  async allPlatforms(): Promise<PlatformRecord[]> {
    return (await this.db.selectFrom('lti_platforms').selectAll().execute()).map(platformFromRow);
  }

  async platform(id: string): Promise<PlatformRecord | undefined> {
    const row = await this.db.selectFrom('lti_platforms').selectAll().where('id', '=', id).executeTakeFirst();
    return row && platformFromRow(row);
  }

  async platformsOf(organizationId: string): Promise<PlatformRecord[]> {
    const rows = await this.db
      .selectFrom('lti_platforms')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .execute();
    return rows.map(platformFromRow);
  }

  async savePlatform(p: PlatformRecord): Promise<void> {
    const values = {
      organization_id: p.organizationId,
      deployment_ids: JSON.stringify(p.deploymentIds),
      auth_login_url: p.authLoginUrl,
      token_url: p.tokenUrl,
      jwks_url: p.jwksUrl,
    };
    await this.db
      .insertInto('lti_platforms')
      .values({ id: p.id, issuer: p.issuer, client_id: p.clientId, created_at: p.createdAt, ...values })
      .onConflict((oc) => oc.columns(['issuer', 'client_id']).doUpdateSet(values))
      .execute();
  }

  /** The tool's signing key: its latest whose private half is kept (see BadgeStore.keyOf). */
  async toolKey(): Promise<LtiToolKeysTable | undefined> {
    return this.db
      .selectFrom('lti_tool_keys')
      .selectAll()
      .where('sealed_private_jwk', '!=', '')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async toolKeys(): Promise<LtiToolKeysTable[]> {
    return this.db.selectFrom('lti_tool_keys').selectAll().orderBy('created_at').execute();
  }

  async addToolKey(key: LtiToolKeysTable): Promise<void> {
    await this.db.insertInto('lti_tool_keys').values(key).execute();
  }

  /** The latest session a launch opened on this resource link. */
  async currentSession(platformId: string, resourceLink: string): Promise<LtiSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('lti_sessions')
      .selectAll()
      .where('platform_id', '=', platformId)
      .where('resource_link', '=', resourceLink)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && sessionFromRow(row);
  }

  /** The latest session of this learner on this resource link. */
  async learnerSession(
    platformId: string,
    resourceLink: string,
    sub: string,
  ): Promise<LtiSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('lti_sessions')
      .selectAll()
      .where('platform_id', '=', platformId)
      .where('resource_link', '=', resourceLink)
      .where('learner_sub', '=', sub)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && sessionFromRow(row);
  }

  async session(sessionId: string): Promise<LtiSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('lti_sessions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row && sessionFromRow(row);
  }

  async addSession(r: LtiSessionRecord): Promise<void> {
    await this.db
      .insertInto('lti_sessions')
      .values({
        session_id: r.sessionId,
        platform_id: r.platformId,
        resource_link: r.resourceLink,
        learner_sub: r.learnerSub,
        lineitem: r.lineitem,
        score_sent_at: r.scoreSentAt,
        created_at: r.createdAt,
        memberships_url: null,
      })
      .execute();
  }

  async setMembershipsUrl(sessionId: string, url: string): Promise<void> {
    await this.db
      .updateTable('lti_sessions')
      .set({ memberships_url: url })
      .where('session_id', '=', sessionId)
      .execute();
  }

  /** The membership URL a launch into this session carried, if any. */
  async membershipsUrl(sessionId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('lti_sessions')
      .select('memberships_url')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.memberships_url ?? null;
  }

  /** Every session a launch opened on this resource link, oldest first. */
  async sessionsOfResourceLink(platformId: string, resourceLink: string): Promise<LtiSessionRecord[]> {
    const rows = await this.db
      .selectFrom('lti_sessions')
      .selectAll()
      .where('platform_id', '=', platformId)
      .where('resource_link', '=', resourceLink)
      .orderBy('created_at')
      .execute();
    return rows.map(sessionFromRow);
  }

  async claimLearner(sessionId: string, sub: string, lineitem: string | null): Promise<void> {
    await this.db
      .updateTable('lti_sessions')
      .set({ learner_sub: sub, lineitem })
      .where('session_id', '=', sessionId)
      .execute();
  }

  // ── Pending states (any process may read what another wrote) ─────────────────

  async putPending(kind: PendingKind, id: string, payload: object, expiresAt: number): Promise<void> {
    await this.db
      .insertInto('lti_pending')
      .values({ id, kind, payload: JSON.stringify(payload), expires_at: expiresAt })
      .execute();
  }

  /** What is pending under this id, unexpired, without consuming it. */
  async peekPending<T>(kind: PendingKind, id: string, now: number): Promise<T | undefined> {
    const row = await this.db
      .selectFrom('lti_pending')
      .select('payload')
      .where('id', '=', id)
      .where('kind', '=', kind)
      .where('expires_at', '>=', now)
      .executeTakeFirst();
    return row && (JSON.parse(row.payload) as T);
  }

  /** Consumes it: one DELETE … RETURNING, so of two processes only one gets it. */
  async takePending<T>(kind: PendingKind, id: string, now: number): Promise<T | undefined> {
    const row = await this.db
      .deleteFrom('lti_pending')
      .where('id', '=', id)
      .where('kind', '=', kind)
      .where('expires_at', '>=', now)
      .returning('payload')
      .executeTakeFirst();
    return row && (JSON.parse(row.payload) as T);
  }

  async sweepPending(now: number): Promise<void> {
    await this.db.deleteFrom('lti_pending').where('expires_at', '<', now).execute();
  }

  async scoreSent(sessionId: string, at: string): Promise<void> {
    await this.db
      .updateTable('lti_sessions')
      .set({ score_sent_at: at })
      .where('session_id', '=', sessionId)
      .execute();
  }
}

function platformFromRow(row: LtiPlatformsTable): PlatformRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    issuer: row.issuer,
    clientId: row.client_id,
    deploymentIds: JSON.parse(row.deployment_ids) as string[],
    authLoginUrl: row.auth_login_url,
    tokenUrl: row.token_url,
    jwksUrl: row.jwks_url,
    createdAt: row.created_at,
  };
}

function sessionFromRow(row: LtiSessionsTable): LtiSessionRecord {
  return {
    sessionId: row.session_id,
    platformId: row.platform_id,
    resourceLink: row.resource_link,
    learnerSub: row.learner_sub,
    lineitem: row.lineitem,
    scoreSentAt: row.score_sent_at,
    createdAt: row.created_at,
  };
}
