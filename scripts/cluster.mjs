#!/usr/bin/env node
// `npm run cluster [-- --processes=3]`: several Écoute processes on one machine, to try them:
// a PostgreSQL, a Redis and an HAProxy of Debian's (installed when run as root), started in
// temporary folders on free loopback ports, then K server processes (REDIS_URL + DATABASE_URL)
// behind the balancer. Ctrl+C stops everything and removes the folders. Nothing is kept.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './pnpm.mjs';
import { SetupError, setup, tscBuild } from './setup.mjs';
import { ensureSystemPackages, systemPackages } from './system.mjs';
import { useNode24 } from './runtime.mjs';

await useNode24();
const arg = process.argv.find((a) => a.startsWith('--processes='));
const count = Math.max(1, Math.min(8, Number(arg?.split('=')[1] ?? 3) || 3));
try {
  setup();
  tscBuild(['test']); // the helpers that start PostgreSQL, Redis, HAProxy and a server process
} catch (error) {
  console.error(`[cluster] ${error instanceof SetupError ? error.message : error}`);
  process.exit(1);
}
if (!ensureSystemPackages(systemPackages.filter((p) => p.name !== 'chromium'))) process.exit(1);

const load = (file) => import(pathToFileURL(path.join(root, 'test/dist/support', file)).href);
const { startPostgres, freePort } = await load('postgres.js');
const { startRedis } = await load('redis.js');
const { startBalancer } = await load('haproxy.js');
const { startServerProcess } = await load('server-process.js');

const stops = [];
const stopAll = async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
};
try {
  const postgres = await startPostgres();
  stops.push(() => postgres.stop());
  const redis = await startRedis();
  stops.push(() => redis.stop());
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    ECOUTE_SECRET: randomBytes(32).toString('base64url'),
    ECOUTE_PUBLIC_URL: publicUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  // The first one alone (it creates the tables), then the others.
  const servers = [await startServerProcess(env)];
  servers.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startServerProcess(env)))));
  for (const server of servers) stops.push(() => server.stop());
  const balancer = await startBalancer(
    servers.map((s) => s.url),
    { port },
  );
  stops.push(() => balancer.stop());
  const setup = /\/setup#k=[\w-]+/.exec(servers[0].output())?.[0];
  console.log(`\nÉcoute en grappe : ${count} processus derrière HAProxy — ${publicUrl}`);
  console.log(`  PostgreSQL ${postgres.url}  ·  Redis ${redis.url}`);
  servers.forEach((s, i) => console.log(`  processus ${i + 1} : ${s.url} (pid ${s.pid})`));
  if (setup) console.log(`  première installation : ${publicUrl}${setup} (lien à usage unique)`);
  console.log(
    '  Ctrl+C arrête tout (kill -9 d’un pid ci-dessus : ses séances sont reprises par les autres).\n',
  );
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : error}`);
  await stopAll();
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log('\n[cluster] arrêt…');
    void stopAll().then(() => process.exit(0));
  });
}
