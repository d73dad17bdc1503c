// What the cluster tests share (issue 15), on loopback and started here: one real PostgreSQL and
// one real Redis (`startClusterStores`, with the test's own view of the timeline and the leases),
// and on them three BUILT server processes, optionally behind a real HAProxy (`startClusterRig`):
// the first started alone (it creates better-auth's tables), then the two others; a signed-in
// trainer; the clients, reconnecting as the app does; `close` ends everything it started, and
// tells how a process that ended on its own ended.
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import { signedInTrainer } from '@ecoute/test/support/accounts.js';
import { startBalancer } from '@ecoute/test/support/haproxy.js';
import type { Balancer } from '@ecoute/test/support/haproxy.js';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { startRedis } from '@ecoute/test/support/redis.js';
import type { RedisServer } from '@ecoute/test/support/redis.js';
import { startServerProcess } from '@ecoute/test/support/server-process.js';
import type { ServerProcess } from '@ecoute/test/support/server-process.js';
import { MANUAL_CLOCK } from '@ecoute/test/support/test-clock.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { KyselyTimelineStore } from '../src/timeline/kysely-timeline-store.js';
import { RoleClient } from './utils.js';

export const SCENARIO = 'appel-entrainement';
/** Every process of a test seals and reads links with the same secret. */
export const CLUSTER_SECRET = 'un secret de test partagé par les trois processus, assez long';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The texts said (`say` inputs) of a timeline, in order. */
export const said = (entries: TimelineEntry[]): string[] =>
  entries.flatMap((e) => (e.kind === 'input' && e.input.kind === 'say' ? [e.input.text] : []));

export interface ClusterStores {
  postgres: PostgresServer;
  redis: RedisServer;
  /** The test's own connection: lease rows, the timeline. */
  db: Kysely<Database>;
  timeline: KyselyTimelineStore;
  close(): Promise<void>;
}

/** One real PostgreSQL and one real Redis, and the test's connection to the database. */
export async function startClusterStores(): Promise<ClusterStores> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const db = await openPostgresDatabase(postgres.url);
  return {
    postgres,
    redis,
    db,
    timeline: new KyselyTimelineStore(db),
    async close() {
      await db.destroy();
      await redis.stop();
      await postgres.stop();
    },
  };
}

export interface ClusterRig extends ClusterStores {
  /** The processes running now, in order (a test takes out the ones it kills or stops). */
  servers: ServerProcess[];
  /** HAProxy in front of them (with `balancer: true`). */
  balancer: Balancer | undefined;
  /** A signed-in trainer's headers (of the first process; add the `origin` of another). */
  headers: Record<string, string>;
  /** Each reconnected client's resyncs: when, and how they ended (to explain a client behind). */
  resyncs: Map<RoleClient, string[]>;
  /** Starts one more process on the same stores (not added to `servers`). */
  start(): Promise<ServerProcess>;
  /**
   * A client of one role; with `reconnect`, it reconnects (200 ms) and then, as the app does,
   * asks for what came after the newest seq it was told (`heldSeq`).
   */
  connect(
    url: string,
    sessionId: string,
    token: string,
    options?: { reconnect?: boolean; heldSeq?: (client: RoleClient) => number },
  ): Promise<RoleClient>;
  /** The process owning a session now (its lease row's node name holds the pid), among `servers`. */
  ownerOf(sessionId: string): Promise<ServerProcess | undefined>;
  close(): Promise<void>;
}

export async function startClusterRig(options: {
  /** ECOUTE_LEASE_MS of every process. */
  leaseMs: number;
  balancer?: boolean;
}): Promise<ClusterRig> {
  const stores = await startClusterStores();
  const started: ServerProcess[] = [];
  const servers: ServerProcess[] = [];
  const clients: RoleClient[] = [];
  const resyncs = new Map<RoleClient, string[]>();
  let balancer: Balancer | undefined;

  /** Stopped or killed by the test (not a crash). */
  const ended = new Set<ServerProcess>();
  const start = async (): Promise<ServerProcess> => {
    const server = await startServerProcess({
      DATABASE_URL: stores.postgres.url,
      REDIS_URL: stores.redis.url,
      ECOUTE_LEASE_MS: String(options.leaseMs),
      ECOUTE_SECRET: CLUSTER_SECRET,
      LOG_LEVEL: 'log',
      // Every client comes from one address (through one HAProxy): the per-address limits would
      // count the whole test as one person (the in-process harness turns them off likewise).
      ECOUTE_CREATE_PER_MINUTE: '0',
      ECOUTE_ADDRESS_MESSAGES_PER_SECOND: '0',
      ...MANUAL_CLOCK,
    });
    const tracked: ServerProcess = {
      ...server,
      stop: () => (ended.add(tracked), server.stop()),
      kill: (signal) => (ended.add(tracked), server.kill(signal)),
    };
    started.push(tracked);
    return tracked;
  };

  const close = async (): Promise<void> => {
    for (const client of clients) client.close();
    // A process that ended on its own (a crash): how, and its last lines.
    const alive = (pid: number | undefined): boolean => {
      try {
        return pid !== undefined && process.kill(pid, 0);
      } catch {
        return false;
      }
    };
    for (const server of started)
      if (!ended.has(server) && !alive(server.pid))
        console.log(
          `[cluster] a server ended ${JSON.stringify(server.exit())}: ${server.output().slice(-6000)}`,
        );
    for (const server of started) {
      // A stalled one (SIGSTOP) is woken first, or SIGKILL would wait on it.
      if (alive(server.pid) && server.exit() === null) process.kill(server.pid!, 'SIGCONT');
      await server.kill('SIGKILL');
    }
    await balancer?.stop();
    await stores.close();
  };

  try {
    servers.push(await start());
    servers.push(...(await Promise.all([start(), start()])));
    if (options.balancer) balancer = await startBalancer(servers.map((s) => s.url));
    const headers = await signedInTrainer(servers[0]!);
    return {
      ...stores,
      servers,
      balancer,
      headers,
      resyncs,
      start,
      close,
      async connect(url, sessionId, token, how = {}) {
        const client = await RoleClient.connect(
          url,
          { sessionId, token },
          how.reconnect ? { reconnection: true, reconnectionDelay: 200 } : {},
        );
        const heldSeq = how.heldSeq ?? ((c: RoleClient) => c.updates.at(-1)?.to ?? 0);
        client.socket.io.on('reconnect', () => {
          const history = resyncs.get(client) ?? [];
          resyncs.set(client, history);
          const asked = Date.now();
          void client.resync().then(
            () => history.push(`ok to ${heldSeq(client)} in ${Date.now() - asked} ms`),
            (error: unknown) => history.push(`${String(error)} after ${Date.now() - asked} ms`),
          );
        });
        clients.push(client);
        return client;
      },
      async ownerOf(sessionId) {
        const row = await stores.db
          .selectFrom('session_leases')
          .select('owner')
          .where('session_id', '=', sessionId)
          .executeTakeFirst();
        const pid = Number(row?.owner?.split(':')[1]);
        return servers.find((s) => s.pid === pid);
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
