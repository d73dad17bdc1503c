// What several processes share (REDIS_URL and DATABASE_URL set): this process's name, its Redis
// connections (the Socket.IO adapter's pair, the owner link's subscriber), the leases, the
// owner link. Null with one process (the embedded default).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config/env.js';
import type { Database } from '../database/schema.js';
import type { Elsewhere, Lease, SessionOwnership } from '../sessions/session-ownership.js';
import { LeaseStore } from './lease-store.js';
import { OwnerLink } from './owner-link.js';

/** Injection token of the `Cluster` (null with one process). */
export const CLUSTER = Symbol('CLUSTER');

export class Cluster implements SessionOwnership {
  readonly leases: LeaseStore;
  readonly link: OwnerLink;
  /** The Socket.IO adapter's connections (publish, subscribe). */
  readonly adapterPub: Redis;
  readonly adapterSub: Redis;
  private readonly linkSub: Redis;
  /** The heartbeat's own connection (see `LeaseStore`). */
  private readonly beatDb: Kysely<Database> | undefined;
  /** Draining: this process takes no session any more. */
  draining = false;

  constructor(
    readonly node: string,
    readonly leaseMs: number,
    redisUrl: string,
    db: Kysely<Database>,
    /** How long a drain keeps `/readyz` at 503 before the sockets close (ECOUTE_DRAIN_GRACE_MS). */
    readonly drainGraceMs = 0,
    databaseUrl?: string,
  ) {
    // Commands wait while Redis reconnects (a restart): broadcasts resume, nothing throws.
    const options = { maxRetriesPerRequest: null, lazyConnect: true } as const;
    this.adapterPub = new Redis(redisUrl, options);
    this.adapterSub = new Redis(redisUrl, options);
    this.linkSub = new Redis(redisUrl, options);
    for (const client of [this.adapterPub, this.adapterSub, this.linkSub])
      client.on('error', () => undefined); // ioredis reconnects by itself; errors are retried
    // One connection, a statement at a time: a heartbeat is never queued behind the pool's work.
    const beatPool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 1 }) : undefined;
    beatPool?.on('error', () => undefined); // a lost connection: the next heartbeat opens another
    this.beatDb = beatPool
      ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: beatPool }) })
      : undefined;
    this.leases = new LeaseStore(db, this.beatDb);
    this.link = new OwnerLink(node, this.adapterPub, this.linkSub);
  }

  async start(): Promise<void> {
    await Promise.all([this.adapterPub.connect(), this.adapterSub.connect(), this.linkSub.connect()]);
    await this.leases.heartbeat(this.node, this.leaseMs);
    await this.link.start();
  }

  acquire(sessionId: string): Promise<Lease | Elsewhere> {
    const answer = this.draining ? this.leases.holder(sessionId) : this.leases.acquire(sessionId, this.node);
    return answer.then((a) =>
      'epoch' in a
        ? { epoch: a.epoch, handedOver: a.handedOver }
        : { elsewhere: { owner: a.owner ?? '', expiresInMs: a.expiresInMs } },
    );
  }

  release(sessionId: string, epoch: number, handover: boolean, successor?: string): Promise<boolean> {
    return this.leases.release(sessionId, this.node, epoch, handover, successor);
  }

  async close(): Promise<void> {
    await this.leases.leave(this.node).catch(() => undefined);
    for (const client of [this.linkSub, this.adapterSub, this.adapterPub]) client.disconnect();
    await this.beatDb?.destroy().catch(() => undefined);
  }
}

export function clusterFor(config: AppConfig, db: Kysely<Database>): Cluster | null {
  if (!config.redisUrl || !config.databaseUrl) return null;
  const node = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return new Cluster(node, config.leaseMs, config.redisUrl, db, config.drainGraceMs, config.databaseUrl);
}
