// One contract, every store: the same cases against the SQLite file store (group commit) and
// against a real PostgreSQL server started for this suite on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import { DEFAULT_CLASS_SETTINGS } from '@ecoute/protocol';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { openSqlite, walFileSync } from '../src/database/sqlite.js';
import type { SqliteHandle } from '../src/database/sqlite.js';
import { DebriefStore } from '../src/debrief/debrief-store.js';
import { ClassStore } from '../src/classroom/class-store.js';
import { purgeExpired, purgeExpiredClasses } from '../src/retention/retention.service.js';
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
      const handle = await openSqlite(file);
      const { db } = handle;
      handles.push(db);
      return {
        db,
        store: new SqliteTimelineStore(handle),
        async reopen() {
          await db.destroy();
          const again = await openSqlite(file);
          handles.push(again.db);
          return new SqliteTimelineStore(again);
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

  it(`${driver.name}: a batch the database refuses (no such session) fails alone`, async () => {
    const [a, b] = [await newSession(db), await newSession(db)];
    const results = await Promise.allSettled([
      store.append(a, [entry(1)]),
      store.append('aucune-seance', [entry(1)]),
      store.append(b, [entry(1), entry(2)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.lastSeq(a)).toBe(1);
    expect(await store.lastSeq(b)).toBe(2);
    expect(await store.read('aucune-seance')).toEqual([]);
  });

  it(`${driver.name}: groups the appends that arrive together into few commits`, async () => {
    const sessions = await Promise.all(Array.from({ length: 30 }, () => newSession(db)));
    const stats = (store as { stats?: { commits: number; batches: number } }).stats!;
    const before = { ...stats };
    await Promise.all(sessions.map((id) => store.append(id, [entry(1), entry(2)])));
    expect(stats.batches - before.batches).toBe(30);
    expect(stats.commits - before.commits).toBeLessThanOrEqual(2);
    for (const id of sessions) expect(await store.lastSeq(id)).toBe(2);
  });

  /** A session with the given scenario, creation time, participants and ending. */
  async function storedSession(options: {
    scenarioId: string;
    createdAt: string;
    names?: [role: 'listener' | 'trainer' | 'observer', name: string][];
    ended?: { at: string; outcome: 'best' | 'good' | 'partial' | 'failure' | null };
    organizationId?: string;
  }): Promise<string> {
    const id = `l${++sessionCounter}-${Math.random().toString(36).slice(2, 8)}`;
    const sessions = new SessionStore(db);
    await sessions.create(
      {
        id,
        scenarioId: options.scenarioId,
        scenarioVersion: 1,
        seed: 1,
        createdAt: options.createdAt,
        status: 'live',
        ...(options.organizationId ? { ownerId: 'u1', organizationId: options.organizationId } : {}),
      },
      { listener: `${id}l`, trainer: `${id}t`, observer: `${id}o` },
    );
    const entries: TimelineEntry[] = (options.names ?? []).map(([role, name], i) => ({
      seq: i + 1,
      t: 0,
      at: options.createdAt,
      source: role,
      kind: 'input',
      input: { kind: 'join', name },
    }));
    // The same person reconnecting joins again: listed once.
    const first = entries[0];
    if (first?.kind === 'input') entries.push({ ...first, seq: entries.length + 1 });
    if (entries.length > 0) await store.append(id, entries);
    if (options.ended) await sessions.markEnded(id, options.ended.at, options.ended.outcome);
    return id;
  }

  it(`${driver.name}: lists sessions by scenario, learner, date and outcome, newest first`, async () => {
    const scenario = `liste-${driver.name.slice(0, 3).toLowerCase()}`;
    const a = await storedSession({
      scenarioId: scenario,
      createdAt: '2026-01-10T09:00:00.000Z',
      names: [
        ['listener', 'Hélène Martin'],
        ['trainer', 'Dominique'],
      ],
      ended: { at: '2026-01-10T09:20:00.000Z', outcome: 'best' },
    });
    const b = await storedSession({
      scenarioId: scenario,
      createdAt: '2026-02-01T14:00:00.000Z',
      names: [['listener', 'Karim']],
      ended: { at: '2026-02-01T14:10:00.000Z', outcome: 'failure' },
    });
    const c = await storedSession({ scenarioId: scenario, createdAt: '2026-03-05T08:00:00.000Z' });
    await storedSession({
      scenarioId: `${scenario}-autre`,
      createdAt: '2026-03-05T08:00:00.000Z',
      names: [['listener', 'Hélène']],
    });
    const sessions = new SessionStore(db);
    const ids = async (filter: Parameters<SessionStore['list']>[0]) =>
      (await sessions.list({ scenarioId: scenario, ...filter })).map((item) => item.id);

    const all = await sessions.list({ scenarioId: scenario });
    expect(all.map((item) => item.id)).toEqual([c, b, a]);
    expect(all[2]).toMatchObject({
      id: a,
      scenarioId: scenario,
      status: 'ended',
      endedAt: '2026-01-10T09:20:00.000Z',
      outcome: 'best',
      participants: [
        { role: 'listener', name: 'Hélène Martin' },
        { role: 'trainer', name: 'Dominique' },
      ],
    });
    expect(all[0]).toMatchObject({ id: c, status: 'live', outcome: null, participants: [] });
    // A learner's name, part of it, whatever the case and accents.
    expect(await ids({ learner: 'helene' })).toEqual([a]);
    expect(await ids({ learner: 'KARIM' })).toEqual([b]);
    expect(await ids({ learner: 'personne' })).toEqual([]);
    expect(await ids({ from: '2026-02-01T00:00:00.000Z' })).toEqual([c, b]);
    expect(await ids({ to: '2026-02-01T14:00:00.000Z' })).toEqual([a]);
    expect(await ids({ from: '2026-01-15T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' })).toEqual([b]);
    expect(await ids({ outcome: 'failure' })).toEqual([b]);
    expect(await ids({ outcome: 'none' })).toEqual([c]);
    expect(await ids({ status: 'live' })).toEqual([c]);
    expect(await ids({ outcome: 'best', learner: 'Karim' })).toEqual([]);
  });

  it(`${driver.name}: deleting a session deletes every row of it, and nothing of the others`, async () => {
    const keep = await storedSession({
      scenarioId: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      names: [['listener', 'A']],
    });
    const gone = await storedSession({
      scenarioId: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      names: [['listener', 'B']],
    });
    await store.append(gone, [entry(3), entry(4)]);
    const debrief = new DebriefStore(db);
    for (const id of [keep, gone]) {
      await debrief.addAnnotation(id, {
        id: DebriefStore.newAnnotationId(),
        bookmarkSeq: null,
        t: 10,
        comment: 'À revoir.',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    const sessions = new SessionStore(db);
    const heard: string[] = [];
    sessions.onDelete((id) => heard.push(id));
    const before = await rowsOf(db, keep);

    expect(await sessions.delete(gone)).toBe(true);
    expect(heard).toEqual([gone]);
    expect(await sessions.find(gone)).toBeUndefined();
    expect(await rowsOf(db, gone)).toEqual({});
    expect(await store.read(gone)).toEqual([]);
    expect(await rowsOf(db, keep)).toEqual(before);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['timeline', 'role_tokens', 'debrief_annotations']),
    );
    expect(await sessions.delete(gone)).toBe(false);
  });

  it(`${driver.name}: retention purges the sessions ended before the period, and only those`, async () => {
    const now = new Date('2021-06-01T00:00:00.000Z');
    const old = await storedSession({
      scenarioId: 'retention',
      createdAt: '2020-01-01T00:00:00.000Z',
      names: [['listener', 'Ancien']],
      ended: { at: '2020-01-01T00:30:00.000Z', outcome: 'good' },
    });
    const recent = await storedSession({
      scenarioId: 'retention',
      createdAt: '2021-03-01T00:00:00.000Z',
      ended: { at: '2021-03-01T00:30:00.000Z', outcome: 'good' },
    });
    // A live session is never purged, however old.
    const live = await storedSession({ scenarioId: 'retention', createdAt: '2019-01-01T00:00:00.000Z' });
    const sessions = new SessionStore(db);
    expect(await purgeExpired(sessions, 0, now)).toEqual([]);
    expect(await purgeExpired(sessions, 365, now)).toEqual([old]);
    expect((await sessions.list({ scenarioId: 'retention' })).map((item) => item.id)).toEqual([recent, live]);
    expect(await rowsOf(db, old)).toEqual({});
  });

  it(`${driver.name}: retention per organisation: its own period, else the default`, async () => {
    const now = new Date('2021-06-01T00:00:00.000Z');
    const ended = (at: string, organizationId?: string) =>
      storedSession({
        scenarioId: 'retention-org',
        createdAt: at,
        ended: { at, outcome: null },
        ...(organizationId ? { organizationId } : {}),
      });
    // 100 days before `now`: past a 30-day period, within the default 365.
    const strictOld = await ended('2021-02-21T00:00:00.000Z', 'org-strict');
    const strictRecent = await ended('2021-05-25T00:00:00.000Z', 'org-strict');
    const keepsAll = await ended('2015-01-01T00:00:00.000Z', 'org-forever');
    const defaultOld = await ended('2020-01-01T00:00:00.000Z', 'org-default');
    const defaultRecent = await ended('2021-02-21T00:00:00.000Z', 'org-default');
    const sessions = new SessionStore(db);
    const purged = await purgeExpired(sessions, 365, now, [
      { organizationId: 'org-strict', retentionDays: 30 },
      { organizationId: 'org-forever', retentionDays: 0 },
    ]);
    expect(purged.sort()).toEqual([strictOld, defaultOld].sort());
    const left = (await sessions.list({ scenarioId: 'retention-org' })).map((item) => item.id).sort();
    expect(left).toEqual([strictRecent, keepsAll, defaultRecent].sort());
    expect((await sessions.list({ organizationId: 'org-strict' })).map((item) => item.id)).toEqual([
      strictRecent,
    ]);
  });

  it(`${driver.name}: retention deletes the classes past the period once no call is left, with their pseudonyms`, async () => {
    const now = new Date('2021-06-01T00:00:00.000Z');
    const classes = new ClassStore(db);
    const sessions = new SessionStore(db);
    const suffix = Math.random().toString(36).slice(2, 8);
    const aClass = async (name: string, createdAt: string, organizationId: string) => {
      const id = `c-${name}-${suffix}`;
      await classes.create({
        id,
        organizationId,
        ownerId: 'u1',
        name,
        code: `${name}-${suffix}`.toUpperCase(),
        scenarioIds: ['x'],
        createdAt,
        settings: DEFAULT_CLASS_SETTINGS,
      });
      await classes.addLearner(
        id,
        { learnerId: `${id}-a`, pseudonym: `Camille ${name}`, joinedAt: createdAt },
        `${id}-hash`,
      );
      return id;
    };
    const call = async (classId: string, at: string, organizationId: string) => {
      const sessionId = await storedSession({
        scenarioId: 'retention-class',
        createdAt: at,
        ended: { at, outcome: 'good' },
        organizationId,
      });
      await classes.addCalls([{ sessionId, classId, round: 1, group: 0, members: [] }]);
      return sessionId;
    };
    // Old, its call ended long ago: the call goes, then the class with its learner.
    const old = await aClass('ancienne', '2020-01-01T00:00:00.000Z', 'org-c');
    await call(old, '2020-01-02T00:00:00.000Z', 'org-c');
    // Old, never launched: goes too.
    const empty = await aClass('vide', '2020-01-01T00:00:00.000Z', 'org-c');
    // Old, but a call of it ended within the period: the class stays while that call is kept.
    const kept = await aClass('suivie', '2020-01-01T00:00:00.000Z', 'org-c');
    await call(kept, '2021-05-01T00:00:00.000Z', 'org-c');
    // Recent, no call: stays.
    const recent = await aClass('recente', '2021-05-01T00:00:00.000Z', 'org-c');
    // An organisation that keeps everything: stays.
    const forever = await aClass('gardee', '2015-01-01T00:00:00.000Z', 'org-c-forever');
    const organizations = [{ organizationId: 'org-c-forever', retentionDays: 0 }];

    await purgeExpired(sessions, 365, now, organizations);
    const purged = await purgeExpiredClasses(classes, 365, now, organizations);
    expect(purged.sort()).toEqual([old, empty].sort());
    expect(await classes.find(old)).toBeUndefined();
    expect(await classes.find(empty)).toBeUndefined();
    expect(await classes.learners(old)).toEqual([]);
    for (const id of [kept, recent, forever]) expect((await classes.find(id))?.id).toBe(id);
    expect((await classes.learners(kept)).map((l) => l.pseudonym)).toEqual(['Camille suivie']);
    expect(await purgeExpiredClasses(classes, 0, now)).toEqual([]);
  });

  it(`${driver.name}: keeps a class's settings (help mode, the machine as the caller), defaults first`, async () => {
    const classes = new ClassStore(db);
    const id = `c-settings-${Math.random().toString(36).slice(2, 8)}`;
    await classes.create({
      id,
      organizationId: 'o-settings',
      ownerId: 'u1',
      name: 'Réglages',
      code: id.toUpperCase(),
      scenarioIds: ['x'],
      createdAt: '2021-06-01T00:00:00.000Z',
      settings: DEFAULT_CLASS_SETTINGS,
    });
    expect((await classes.find(id))?.settings).toEqual({
      hintMode: 'guided',
      askTrainer: false,
      machineCaller: false,
    });
    await classes.setSettings(id, { hintMode: 'free_speech', askTrainer: true, machineCaller: true });
    expect((await classes.find(id))?.settings).toEqual({
      hintMode: 'free_speech',
      askTrainer: true,
      machineCaller: true,
    });
    await classes.setSettings(id, { hintMode: 'no_hints', askTrainer: false, machineCaller: false });
    expect((await classes.byCode(id.toUpperCase()))?.settings).toEqual({
      hintMode: 'no_hints',
      askTrainer: false,
      machineCaller: false,
    });
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
    const handle = await openSqlite(path.join(dir, 'g.sqlite'));
    const { db } = handle;
    const store = new SqliteTimelineStore(handle);
    const sessions = await Promise.all(Array.from({ length: 50 }, () => newSession(db)));
    await Promise.all(sessions.map((id) => store.append(id, [entry(1), entry(2)])));
    expect(store.stats.batches).toBe(50);
    expect(store.stats.commits).toBeLessThanOrEqual(2);
    // FULL: the WAL was fsynced (by the real walFileSync) before the acks.
    expect(store.stats.syncs).toBeGreaterThanOrEqual(1);
    expect(store.stats.syncs).toBeLessThanOrEqual(store.stats.commits);
    for (const id of sessions.slice(0, 5)) expect(await store.lastSeq(id)).toBe(2);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite last-seq hint', () => {
  it('asks the table when a batch does not follow what this store committed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-hint-'));
    const file = path.join(dir, 'h.sqlite');
    const [one, two] = [await openSqlite(file), await openSqlite(file)];
    const [a, b] = [new SqliteTimelineStore(one), new SqliteTimelineStore(two)];
    const id = await newSession(one.db);
    await a.append(id, [entry(1)]);
    // Another store writes on: `a`'s hint (1) is stale.
    await b.append(id, [entry(2), entry(3)]);
    await a.append(id, [entry(4)]);
    expect((await a.read(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // And a real gap is still refused.
    await expect(a.append(id, [entry(6)])).rejects.toBeInstanceOf(TimelineGapError);
    await one.close();
    await two.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite durability settings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-durability-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const turns = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('FULL acks an append only after a WAL sync that started after its commit; one sync at a time', async () => {
    const handle = await openSqlite(path.join(dir, 'held.sqlite'));
    // The sync is held by the test: nothing may be acked before it returns.
    const held: ((error: Error | null) => void)[] = [];
    const store = new SqliteTimelineStore({ ...handle, walSync: (done) => held.push(done) });
    const [a, b, c] = [await newSession(handle.db), await newSession(handle.db), await newSession(handle.db)];
    const acked: string[] = [];
    const first = store.append(a, [entry(1), entry(2)]).then(() => acked.push('a'));
    await turns(3);
    // Committed (readable on the connection), one sync asked for, not acked.
    expect((await store.read(a)).map((e) => e.seq)).toEqual([1, 2]);
    expect(held).toHaveLength(1);
    expect(acked).toEqual([]);
    // Committed while that sync runs: they wait for the next sync, which starts only after it.
    const later = [
      store.append(b, [entry(1)]).then(() => acked.push('b')),
      store.append(c, [entry(1)]).then(() => acked.push('c')),
    ];
    await turns(3);
    expect(await store.lastSeq(b)).toBe(1);
    expect(held).toHaveLength(1);
    held[0]!(null);
    await first;
    await turns(2);
    expect(acked).toEqual(['a']);
    expect(held).toHaveLength(2);
    held[1]!(null);
    await Promise.all(later);
    expect(acked.sort()).toEqual(['a', 'b', 'c']);
    expect(store.stats).toMatchObject({ batches: 3, syncs: 2 });
    await handle.db.destroy();
  });

  it('FULL refuses the ack of every append of a failed sync', async () => {
    const handle = await openSqlite(path.join(dir, 'failing.sqlite'));
    const failure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    const store = new SqliteTimelineStore({
      ...handle,
      walSync: (done) => setImmediate(() => done(failure)),
    });
    const a = await newSession(handle.db);
    await expect(store.append(a, [entry(1)])).rejects.toBe(failure);
    await handle.db.destroy();
  });

  it('opens FULL as NORMAL plus a WAL sync, FULL_IN_COMMIT as SQLite FULL, NORMAL without a sync', async () => {
    const level = (h: SqliteHandle): unknown => h.sqlite.pragma('synchronous', { simple: true });
    const full = await openSqlite(path.join(dir, 'full.sqlite'));
    const inCommit = await openSqlite(path.join(dir, 'in-commit.sqlite'), 'FULL_IN_COMMIT');
    const normal = await openSqlite(path.join(dir, 'normal.sqlite'), 'NORMAL');
    expect([level(full), level(inCommit), level(normal)]).toEqual([1, 2, 1]);
    expect(typeof full.walSync).toBe('function');
    expect([inCommit.walSync, normal.walSync]).toEqual([undefined, undefined]);
    for (const h of [full, inCommit, normal]) await h.db.destroy();
  });

  it('walFileSync reports a WAL that cannot be opened', async () => {
    const error = await new Promise<Error | null>((resolve) =>
      walFileSync(path.join(dir, 'absent.sqlite'))(resolve),
    );
    expect(error).toMatchObject({ code: 'ENOENT' });
  });
});

/** Row counts of a session in every table that has a `session_id` column (or is `sessions`). */
async function rowsOf(db: Kysely<Database>, sessionId: string): Promise<Record<string, number>> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const tables = isPostgres
    ? (
        await sql<{ name: string }>`select table_name as name from information_schema.columns
          where column_name = 'session_id' and table_schema = current_schema()`.execute(db)
      ).rows.map((r) => r.name)
    : (
        await sql<{ name: string }>`select m.name as name from sqlite_master m, pragma_table_info(m.name) p
          where m.type = 'table' and p.name = 'session_id'`.execute(db)
      ).rows.map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const table of [...new Set(tables)].sort()) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)} where session_id = ${sessionId}`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) counts[table] = n;
  }
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from sessions where id = ${sessionId}`.execute(db);
  if (Number(rows[0]?.n ?? 0) > 0) counts['sessions'] = Number(rows[0]?.n);
  return counts;
}
