import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database } from '../database/schema.js';
import { openSqliteDatabase } from '../database/sqlite.js';
import { SessionStore } from '../sessions/session-store.js';
import { KyselyTimelineStore } from './kysely-timeline-store.js';
import { TimelineGapError } from './timeline-store.js';

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

describe('KyselyTimelineStore on a real SQLite file', () => {
  let dir: string;
  let db: Kysely<Database>;
  let store: KyselyTimelineStore;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-store-'));
    db = await openSqliteDatabase(path.join(dir, 'store.sqlite'));
    store = new KyselyTimelineStore(db);
    const sessions = new SessionStore(db);
    for (const id of ['s1', 's2']) {
      await sessions.create(
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
    }
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends batches and reads them back in seq order, per session', async () => {
    await store.append('s1', [entry(1), entry(2)]);
    await store.append('s1', [entry(3)]);
    await store.append('s2', [entry(1, 'autre séance')]);
    const read = await store.read('s1');
    expect(read.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(read[0]).toEqual(entry(1));
    expect(await store.read('s1', 1, 2)).toEqual([entry(2)]);
    expect(await store.lastSeq('s1')).toBe(3);
    expect(await store.lastSeq('s2')).toBe(1);
    expect(await store.lastSeq('nobody')).toBe(0);
  });

  it('refuses a gap or a repeated seq and keeps what was recorded', async () => {
    await store.append('s1', [entry(1), entry(2)]);
    await expect(store.append('s1', [entry(4)])).rejects.toBeInstanceOf(TimelineGapError);
    await expect(store.append('s1', [entry(2)])).rejects.toBeInstanceOf(TimelineGapError);
    await expect(store.append('s1', [entry(3), entry(5)])).rejects.toBeInstanceOf(TimelineGapError);
    expect((await store.read('s1')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('survives reopening the file (the data is on disk)', async () => {
    await store.append('s1', [entry(1), entry(2)]);
    await db.destroy();
    db = await openSqliteDatabase(path.join(dir, 'store.sqlite'));
    store = new KyselyTimelineStore(db);
    expect((await store.read('s1')).map((e) => e.seq)).toEqual([1, 2]);
  });
});
