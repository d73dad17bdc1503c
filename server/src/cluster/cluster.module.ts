// Several server processes (REDIS_URL with DATABASE_URL): the cluster's shared parts, the lease
// ownership the sessions service asks. This process's heartbeat, takeovers and drain
// (`ClusterNode`) and the placement of inputs (`SessionPlacement`) are in the sessions module.
// With one process (the embedded default) the cluster is null and ownership is the sole one.
import { Global, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { SESSION_OWNERSHIP, soleOwnership } from '../sessions/session-ownership.js';
import { CLUSTER, clusterFor } from './cluster.js';
import type { Cluster } from './cluster.js';

@Global()
@Module({
  providers: [
    {
      provide: CLUSTER,
      inject: [APP_CONFIG, DATABASE],
      useFactory: async (config: AppConfig, db: Kysely<Database>) => {
        const cluster = clusterFor(config, db);
        await cluster?.start();
        return cluster;
      },
    },
    { provide: SESSION_OWNERSHIP, inject: [CLUSTER], useFactory: (c: Cluster | null) => c ?? soleOwnership },
  ],
  exports: [CLUSTER, SESSION_OWNERSHIP],
})
export class ClusterModule {}
