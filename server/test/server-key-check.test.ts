// The server key's check value (accounts/server-key-check.ts), on a SQLite file and on a real
// PostgreSQL server started for this suite: recorded at the first boot (and at the first boot of a
// database made before it), matched by the same key, refused to another key without touching
// anything, and — the key declared lost — every sealed value forgotten and the new key recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { checkServerKey, keyCheckValue } from '../src/accounts/server-key-check.js';
import { LinkSeal } from '../src/auth/link-seal.js';
import { BadgeStore } from '../src/badges/badge-store.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { openSqlite } from '../src/database/sqlite.js';
import { LtiStore } from '../src/lti/lti-store.js';
import { SessionStore } from '../src/sessions/session-store.js';

const OLD_KEY = 'the-key-that-sealed-this-database-0001';
const NEW_KEY = 'another-key-drawn-after-a-restore-0002';

interface Driver {
  name: string;
  open(): Promise<Kysely<Database>>;
  close(): Promise<void>;
}

const sqliteDriver = (): Driver => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-key-check-'));
  let close = async (): Promise<void> => undefined;
  return {
    name: 'SQLite',
    async open() {
      const handle = await openSqlite(path.join(dir, 'ecoute.sqlite'));
      close = () => handle.close();
      return handle.db;
    },
    async close() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresDriver = (): Driver => {
  let server: PostgresServer | undefined;
  let db: Kysely<Database> | undefined;
  return {
    name: 'PostgreSQL',
    async open() {
      server = await startPostgres();
      db = await openPostgresDatabase(server.url);
      return db;
    },
    async close() {
      await db?.destroy();
      await server?.stop();
    },
  };
};

describe.each([sqliteDriver, postgresDriver])('the server key check', (makeDriver) => {
  const driver = makeDriver();
  let db: Kysely<Database>;
  const seal = new LinkSeal(OLD_KEY);

  /** What one key sealed: a session's kept links, a badge key, the LTI tool key, account sessions. */
  async function sealUnder(): Promise<void> {
    await new SessionStore(db).create(
      {
        id: 's1',
        scenarioId: 'x',
        scenarioVersion: 1,
        seed: 1,
        createdAt: new Date(0).toISOString(),
        status: 'live',
      },
      {
        listener: { hash: 'h-listener', sealed: seal.seal('listener-token') },
        trainer: { hash: 'h-trainer', sealed: seal.seal('trainer-token') },
      },
    );
    await new BadgeStore(db).addKey({
      id: 'k-1',
      organizationId: 'org1',
      publicJwk: '{"kid":"k-1"}',
      sealedPrivateJwk: seal.seal('{"d":"private"}'),
      createdAt: new Date(0).toISOString(),
    });
    await new LtiStore(db).addToolKey({
      id: 'lti-1',
      public_jwk: '{"kid":"lti-1"}',
      sealed_private_jwk: seal.seal('{"d":"private"}'),
      created_at: new Date(0).toISOString(),
    });
    // better-auth's table (made by its own migration at boot): only its rows matter here.
    await sql`CREATE TABLE auth_session (id text PRIMARY KEY)`.execute(db);
    await sql`INSERT INTO auth_session (id) VALUES ('a1'), ('a2')`.execute(db);
  }

  const stored = async (): Promise<string | undefined> =>
    (
      await db
        .withTables<{ server_key_check: { id: number; hmac: string } }>()
        .selectFrom('server_key_check')
        .select('hmac')
        .executeTakeFirst()
    )?.hmac;

  beforeAll(async () => {
    db = await driver.open();
  }, 60_000);
  afterAll(() => driver.close());

  it(`${driver.name}: records the first key's check value, which never shows the key`, async () => {
    expect(await checkServerKey(db, OLD_KEY, { forgetSealed: false })).toEqual({ outcome: 'recorded' });
    const value = await stored();
    expect(value).toBe(keyCheckValue(OLD_KEY));
    expect(value).not.toContain(OLD_KEY);
    expect(keyCheckValue(NEW_KEY)).not.toBe(value);
    expect(await checkServerKey(db, OLD_KEY, { forgetSealed: false })).toEqual({ outcome: 'matched' });
    await sealUnder();
  });

  it(`${driver.name}: refuses another key and leaves every sealed value as it was`, async () => {
    expect(await checkServerKey(db, NEW_KEY, { forgetSealed: false })).toEqual({ outcome: 'mismatch' });
    expect(await stored()).toBe(keyCheckValue(OLD_KEY));
    const links = await new SessionStore(db).sealedTokens('s1');
    expect(seal.open(links.listener ?? '')).toBe('listener-token');
    expect((await new BadgeStore(db).keyOf('org1'))?.id).toBe('k-1');
    expect((await new LtiStore(db).toolKey())?.id).toBe('lti-1');
  });

  it(`${driver.name}: the key declared lost, forgets what it sealed and records the new one`, async () => {
    const check = await checkServerKey(db, NEW_KEY, { forgetSealed: true });
    expect(check).toEqual({
      outcome: 'forgotten',
      forgotten: { roleLinks: 2, badgeKeys: 1, ltiKeys: 1, accountSessions: 2 },
    });
    // The links are no longer kept (their hashes still authenticate: only their seal is gone).
    expect(await new SessionStore(db).sealedTokens('s1')).toEqual({ listener: null, trainer: null });
    // The private halves are gone: a new pair is made at the next badge or launch; the public
    // halves stay published, so badges already issued still verify.
    const badges = new BadgeStore(db);
    expect(await badges.keyOf('org1')).toBeUndefined();
    expect((await badges.keysOf('org1')).map((k) => k.publicJwk)).toEqual(['{"kid":"k-1"}']);
    const lti = new LtiStore(db);
    expect(await lti.toolKey()).toBeUndefined();
    expect((await lti.toolKeys()).map((k) => k.public_jwk)).toEqual(['{"kid":"lti-1"}']);
    const accounts = await sql<{ n: number | string }>`SELECT count(*) AS n FROM auth_session`.execute(db);
    expect(Number(accounts.rows[0]?.n)).toBe(0);
    // The new key is the database's now; the lost one would be refused.
    expect(await stored()).toBe(keyCheckValue(NEW_KEY));
    expect(await checkServerKey(db, NEW_KEY, { forgetSealed: true })).toEqual({ outcome: 'matched' });
    expect(await checkServerKey(db, OLD_KEY, { forgetSealed: false })).toEqual({ outcome: 'mismatch' });
  });

  it(`${driver.name}: a database made before the check takes the current key's value silently`, async () => {
    // As after migration 0050 on an older database: the table is there, empty.
    await db.withTables<{ server_key_check: { id: number } }>().deleteFrom('server_key_check').execute();
    expect(await checkServerKey(db, OLD_KEY, { forgetSealed: false })).toEqual({ outcome: 'recorded' });
    expect(await stored()).toBe(keyCheckValue(OLD_KEY));
  });

  it(`${driver.name}: processes booting at once on an empty table agree on one value`, async () => {
    await db.withTables<{ server_key_check: { id: number } }>().deleteFrom('server_key_check').execute();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => checkServerKey(db, NEW_KEY, { forgetSealed: false })),
    );
    expect(outcomes.filter((o) => o.outcome === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'matched')).toHaveLength(2);
  });
});
