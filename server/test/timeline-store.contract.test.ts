// One contract, every store: the same cases against the SQLite file store (group commit) and
// against a real PostgreSQL server started for this suite on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { openSqlite } from '../src/database/sqlite.js';
import { SessionStore } from '../src/sessions/session-store.js';
import { KyselyTimelineStore } from '../src/timeline/kysely-timeline-store.js';
import { SqliteTimelineStore } from '../src/timeline/sqlite-timeline-store.js';
import { TimelineGapError } from '../src/timeline/timeline-store.js';
import type { TimelineStore } from '../src/timeline/timeline-store.js';

function entry(seq: number, text = `ligne ${seq}`): TimelineEntry {
  return {
    seq,
    t: seq * 100,
    at: new Date(1_700_000_000_000 + seq).toISOString(),
    source: 'caller',
    kind: 'observation',
    observation: { kind: 'line', line: `l${seq}`, text },
  };
}

interface Driver {
  name: string;
  open(): Promise<{ db: Kysely<Database>; store: TimelineStore; reopen(): Promise<TimelineStore> }>;
  close(): Promise<void>;
}

let sessionCounter = 0;
async function newSession(db: Kysely<Database>): Promise<string> {
  const id = `s${++sessionCounter}-${Math.random().toString(36).slice(2, 8)}`;
  await new SessionStore(db).create(
    {
      id,
      scenarioId: 'x',
      scenarioVersion: 1,
      seed: 1,
      createdAt: new Date(0).toISOString(),
      status: 'live',
    },
    { listener: `${id}l`, trainer: `${id}t`, observer: `${id}o` },
  );
  return id;
}

const sqliteDriver = (): Driver => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-contract-'));
  const file = path.join(dir, 'contract.sqlite');
  const handles: Kysely<Database>[] = [];
  return {
    name: 'SQLite (FULL, group commit)',
    async open() {
      const { db, sqlite } = await openSqlite(file);
      handles.push(db);
      return {
        db,
        store: new SqliteTimelineStore(db, sqlite),
        async reopen() {
          await db.destroy();
          const again = await openSqlite(file);
          handles.push(again.db);
          return new SqliteTimelineStore(again.db, again.sqlite);
        },
      };
    },
    async close() {
      for (const db of handles) await db.destroy().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresDriver = (): Driver => {
  let server: PostgresServer | undefined;
  const handles: Kysely<Database>[] = [];
  return {
    name: 'PostgreSQL',
    async open() {
      server ??= await startPostgres();
      const url = server.url;
      const db = await openPostgresDatabase(url);
      handles.push(db);
      return {
        db,
        store: new KyselyTimelineStore(db),
        async reopen() {
          await db.destroy();
          const again = await openPostgresDatabase(url);
          handles.push(again);
          return new KyselyTimelineStore(again);
        },
      };
    },
    async close() {
      for (const db of handles) await db.destroy().catch(() => undefined);
      await server?.stop();
    },
  };
};

describe.each([sqliteDriver, postgresDriver])('TimelineStore contract', (makeDriver) => {
  const driver = makeDriver();
  let db: Kysely<Database>;
  let store: TimelineStore;
  let reopen: () => Promise<TimelineStore>;

  beforeAll(async () => {
    ({ db, store, reopen } = await driver.open());
  }, 60_000);
  afterAll(() => driver.close(), 30_000);

  it(`${driver.name}: appends batches and reads them back in seq order, per session`, async () => {
    const [a, b] = [await newSession(db), await newSession(db)];
    await store.append(a, [entry(1), entry(2)]);
    await store.append(a, [entry(3)]);
    await store.append(b, [entry(1, 'autre séance')]);
    const read = await store.read(a);
    expect(read.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(read[0]).toEqual(entry(1));
    expect(await store.read(a, 1, 2)).toEqual([entry(2)]);
    expect(await store.lastSeq(a)).toBe(3);
    expect(await store.lastSeq(b)).toBe(1);
    expect(await store.lastSeq('nobody')).toBe(0);
  });

  it(`${driver.name}: refuses a gap or a repeated seq and keeps what was recorded`, async () => {
    const a = await newSession(db);
    await store.append(a, [entry(1), entry(2)]);
    await expect(store.append(a, [entry(4)])).rejects.toBeInstanceOf(TimelineGapError);
    await expect(store.append(a, [entry(2)])).rejects.toBeInstanceOf(TimelineGapError);
    await expect(store.append(a, [entry(3), entry(5)])).rejects.toBeInstanceOf(TimelineGapError);
    expect((await store.read(a)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it(`${driver.name}: concurrent appends to many sessions all land, each without a gap`, async () => {
    const sessions = await Promise.all(Array.from({ length: 20 }, () => newSession(db)));
    await Promise.all(
      sessions.map(async (id) => {
        for (let seq = 1; seq <= 10; seq += 2) await store.append(id, [entry(seq), entry(seq + 1)]);
      }),
    );
    for (const id of sessions)
      expect((await store.read(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it(`${driver.name}: a refused batch does not sink the batches committed with it`, async () => {
    const [a, b, c] = [await newSession(db), await newSession(db), await newSession(db)];
    const results = await Promise.allSettled([
      store.append(a, [entry(1)]),
      store.append(b, [entry(2)]),
      store.append(c, [entry(1), entry(2)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.read(a)).map((e) => e.seq)).toEqual([1]);
    expect(await store.read(b)).toEqual([]);
    expect((await store.read(c)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it(`${driver.name}: what was acked is still there after reopening`, async () => {
    const a = await newSession(db);
    await store.append(a, [entry(1), entry(2)]);
    store = await reopen();
    expect((await store.read(a)).map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('SQLite group commit', () => {
  it('writes appends that arrive together in fewer commits than batches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-group-'));
    const { db, sqlite } = await openSqlite(path.join(dir, 'g.sqlite'));
    const store = new SqliteTimelineStore(db, sqlite);
    const sessions = await Promise.all(Array.from({ length: 50 }, () => newSession(db)));
    await Promise.all(sessions.map((id) => store.append(id, [entry(1), entry(2)])));
    expect(store.stats.batches).toBe(50);
    expect(store.stats.commits).toBeLessThanOrEqual(2);
    for (const id of sessions.slice(0, 5)) expect(await store.lastSeq(id)).toBe(2);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
