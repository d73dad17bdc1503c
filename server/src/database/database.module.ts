// The storage of the process: SQLite (embedded default) or PostgreSQL when DATABASE_URL is
// set. Both give the same Kysely schema; each gives its own timeline store behind one interface.
import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config/env.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { KyselyTimelineStore } from '../timeline/kysely-timeline-store.js';
import { SqliteTimelineStore } from '../timeline/sqlite-timeline-store.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { openPostgresDatabase } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

/** Injection token of the Kysely instance. */
export const DATABASE = Symbol('DATABASE');
const STORAGE = Symbol('STORAGE');

export interface Storage {
  db: Kysely<Database>;
  timeline: TimelineStore;
  close(): Promise<void>;
}

export async function openStorage(config: AppConfig): Promise<Storage> {
  if (config.databaseUrl) {
    const db = await openPostgresDatabase(
      config.databaseUrl,
      config.redisUrl ? { idleInTransactionMs: config.leaseMs, warm: true } : {},
    );
    return { db, timeline: new KyselyTimelineStore(db), close: () => db.destroy() };
  }
  const handle = await openSqlite(config.databaseFile, config.sqliteSynchronous);
  return { db: handle.db, timeline: new SqliteTimelineStore(handle), close: () => handle.close() };
}

/**
 * The storage opened before the app (createApp: the server key is checked against it first),
 * given to the app, which closes it on shutdown.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  static forStorage(storage: Storage): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: STORAGE, useValue: storage },
        { provide: DATABASE, useValue: storage.db },
        // With metrics on, each append is timed (ServerMetrics.timedStore); otherwise the store itself.
        {
          provide: TIMELINE_STORE,
          inject: [ServerMetrics],
          useFactory: (metrics: ServerMetrics) => metrics.timedStore(storage.timeline),
        },
      ],
      exports: [DATABASE, TIMELINE_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
