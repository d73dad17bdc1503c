import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqlite } from './sqlite.js';
import type { SqliteHandle } from './sqlite.js';
import { SqliteTimelineStore } from '../timeline/sqlite-timeline-store.js';
import { SessionStore } from '../sessions/session-store.js';
import {
  WAL_BACKSTOP_PAGES,
  WAL_CHECKPOINT_PAGES,
  startWalCheckpointer,
  type WalCheckpointer,
} from './wal-checkpointer.js';

const dirs: string[] = [];
const handles: SqliteHandle[] = [];

afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ handle: SqliteHandle; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-checkpoint-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const handle = await openSqlite(file);
  handles.push(handle);
  return { handle, file };
}

/** Commits `pages` pages' worth of rows, one page per commit (as appends of live sessions do). */
function write(handle: SqliteHandle, pages: number): void {
  const { sqlite } = handle;
  sqlite.exec('CREATE TABLE IF NOT EXISTS filler (n INTEGER PRIMARY KEY, body TEXT)');
  const insert = sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
  const commit = sqlite.transaction(() => insert.run('x'.repeat(3_500)));
  for (let i = 0; i < pages; i++) commit();
}

/** The WAL header's checkpoint sequence number: how many times the WAL restarted. */
function walRestarts(file: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('no checkpoint within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WAL checkpoints off the event loop', () => {
  it('leaves the automatic checkpoint of the server connection as a backstop only', async () => {
    const { handle, file } = await open();
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);
    const before = statSync(file).size;
    // Past SQLite's usual threshold: the commits themselves copied nothing into the database.
    write(handle, WAL_CHECKPOINT_PAGES + 200);
    expect(statSync(file).size).toBe(before);
  });

  it('copies the WAL into the database on a worker, once the WAL is large, and closes it', async () => {
    const { handle, file } = await open();
    // The server's own checkpointer looks once a second; this one every 10 ms.
    const checkpointer = startWalCheckpointer(file, 4096, { everyMs: 10 });
    try {
      write(handle, 100);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A small WAL: no worker yet, nothing checkpointed.
      expect(checkpointer.checkpoints).toBe(0);
      const small = statSync(file).size;
      write(handle, WAL_CHECKPOINT_PAGES + 200);
      await until(() => checkpointer.checkpoints > 0);
      // The pages are in the database file now (the server's connection copied none itself).
      expect(statSync(file).size).toBeGreaterThan(small + WAL_CHECKPOINT_PAGES * 4096);
    } finally {
      await checkpointer.close();
    }
    const rows = handle.sqlite.prepare('SELECT count(*) AS n FROM filler').get() as { n: number };
    expect(rows.n).toBe(WAL_CHECKPOINT_PAGES + 300);
  });

  it('never keeps a process alive: one that checkpointed and never closed its database exits by itself', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-checkpoint-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    // A process of its own (the storage benchmark was one: it printed its figures, then never
    // ended), with this source as it is and better-sqlite3 from the server's packages.
    const script = `
      import SQLite from 'better-sqlite3';
      import { startWalCheckpointer } from ${JSON.stringify(new URL('./wal-checkpointer.ts', import.meta.url).href)};
      const file = ${JSON.stringify(file)};
      const db = new SQLite(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, body TEXT)');
      const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
      const commit = db.transaction(() => insert.run('x'.repeat(3500)));
      for (let i = 0; i < ${WAL_CHECKPOINT_PAGES + 200}; i++) commit();
      const checkpointer = startWalCheckpointer(file, 4096, { everyMs: 10 });
      while (checkpointer.checkpoints === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      console.log('checkpointed');
    `;
    const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A guard against the hang under test, not a speed limit: the script takes a few seconds.
    const exit = await new Promise<number | null | 'still running after 60 s'>((resolve) => {
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running after 60 s');
      }, 60_000);
      child.once('exit', (code) => {
        clearTimeout(guard);
        resolve(code);
      });
    });
    expect(output).toContain('checkpointed');
    expect(exit).toBe(0);
  });

  it('under appends without a pause, holds the store commits for the last pass: the WAL restarts, nothing is lost', async () => {
    const { handle, file } = await open();
    const checkpointer = startWalCheckpointer(file, 4096, { everyMs: 20 });
    try {
      write(handle, WAL_CHECKPOINT_PAGES + 200);
      // The store's flushes that waited for a hold's release, counted where the store asks. The
      // sessions append on every turn without waiting for their appends to be durable, so a flush
      // is due during any hold (each waiting for its fsync, a hold could come and go while every
      // session waited on the disk). The WAL may also restart without a hold (a first pass that
      // caught up with every frame between two commits): the appends go on until both two
      // restarts and a held commit were seen (two fresh-clone runs failed with held 0).
      let held = 0;
      const watched: WalCheckpointer = {
        get checkpoints() {
          return checkpointer.checkpoints;
        },
        get holding() {
          return checkpointer.holding;
        },
        whenReleased(resume) {
          if (checkpointer.holding) held++;
          checkpointer.whenReleased(resume);
        },
        close: () => checkpointer.close(),
      };
      const store = new SqliteTimelineStore({ ...handle, checkpointer: watched });
      const sessions = new SessionStore(handle.db);
      const ids = ['a', 'b', 'c', 'd'];
      for (const id of ids)
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
      const restarts = walRestarts(file);
      // One append per session on every turn of the event loop.
      const appended: Promise<void>[] = [];
      for (let seq = 1; walRestarts(file) < restarts + 2 || held === 0; seq++) {
        for (const id of ids)
          appended.push(
            store.append(id, [
              {
                seq,
                t: seq,
                at: new Date(0).toISOString(),
                source: 'listener',
                kind: 'input',
                input: { kind: 'say', text: 'x'.repeat(400) },
              },
            ]),
          );
        if (seq > 20_000)
          throw new Error(held === 0 ? 'no commit waited for a hold' : 'the WAL did not restart');
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(appended);
      expect(held).toBeGreaterThan(0);
      for (const id of ids) {
        const last = await store.lastSeq(id);
        expect((await store.read(id)).map((e) => e.seq)).toEqual(
          Array.from({ length: last }, (_, i) => i + 1),
        );
      }
    } finally {
      await checkpointer.close();
    }
  });
});
