#!/usr/bin/env node
// What moving the WAL fsync off the event loop costs one session appending alone (no group
// commit to share it): wall and CPU time per append for each durability setting. After a build:
//
//   taskset -c 0 node server/bench/sync-overhead.mjs [appends]
//
// (`taskset -c 0`: one core, as the load benchmark pins the server; the libuv thread that runs
// the fsync then shares it with the event loop.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const { openSqlite } = await load('server/dist/src/database/sqlite.js');
const { SqliteTimelineStore } = await load('server/dist/src/timeline/sqlite-timeline-store.js');
const { SessionStore } = await load('server/dist/src/sessions/session-store.js');

const count = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-sync-'));
console.log('| setting | wall µs / append | CPU µs / append | of which system |');
console.log('|---|---:|---:|---:|');
try {
  for (const round of [1, 2]) {
    for (const mode of ['FULL', 'FULL_IN_COMMIT', 'NORMAL']) {
      const handle = await openSqlite(path.join(dir, `${mode}-${round}.sqlite`), mode);
      const store = new SqliteTimelineStore(handle);
      await new SessionStore(handle.db).create(
        {
          id: 's',
          scenarioId: 'x',
          scenarioVersion: 1,
          seed: 1,
          createdAt: new Date().toISOString(),
          status: 'live',
        },
        { listener: 'a', trainer: 'b', observer: 'c' },
      );
      let seq = 0;
      const entry = () => ({
        seq: ++seq,
        t: seq,
        at: new Date().toISOString(),
        source: 'listener',
        kind: 'input',
        input: { kind: 'say', text: 'x'.repeat(480) },
      });
      for (let i = 0; i < 200; i++) await store.append('s', [entry()]); // warm-up
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < count; i++) await store.append('s', [entry()]);
      const wall = ((performance.now() - start) * 1000) / count;
      const used = process.cpuUsage(cpu);
      console.log(
        `| ${mode} (round ${round}) | ${wall.toFixed(0)} | ${((used.user + used.system) / count).toFixed(0)} | ${(used.system / count).toFixed(0)} |`,
      );
      await handle.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
