// What `/readyz` checks: the database answers, the scenario catalogue is loaded, the recovery of
// live sessions is over, the process is not draining (several processes). Each is a Terminus
// indicator: a failing one names itself in the 503.
import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { CLUSTER } from '../cluster/cluster.js';
import type { Cluster } from '../cluster/cluster.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { RecoveryProgress } from '../recovery/recovery-progress.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';

/** A database that does not answer within this time is reported down. */
const DATABASE_TIMEOUT_MS = 2_000;

@Injectable()
export class ReadinessIndicators {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DATABASE) private readonly db: Kysely<Database>,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(RecoveryProgress) private readonly progress: RecoveryProgress,
    @Optional() @Inject(CLUSTER) private readonly cluster: Cluster | null = null,
  ) {}

  database(): PromiseLike<HealthIndicatorResult<'database'>> {
    return this.indicators
      .check('database')
      .attempt(async () => {
        await sql`select 1`.execute(this.db);
      })
      .withTimeout(DATABASE_TIMEOUT_MS);
  }

  scenarios(): HealthIndicatorResult<'scenarios'> {
    const count = this.catalog.list().length;
    const check = this.indicators.check('scenarios');
    return count > 0 ? check.up({ count }) : check.down({ message: 'aucun scénario chargé', count });
  }

  /**
   * Done once every live session found at boot is rebuilt. "Never started" is not done: the boot
   * path starts the progress (with 0 sessions when it rebuilds them before listening).
   */
  recovery(): HealthIndicatorResult<'recovery'> {
    const check = this.indicators.check('recovery');
    if (this.progress.done) return check.up({ durationMs: this.progress.durationMs });
    return check.down({ message: 'reprise des séances en cours', pending: this.progress.pending });
  }

  /**
   * Several processes: down while this one drains (it hands its sessions over and is about to
   * close its sockets), so that the load balancer sends new connections to the others.
   */
  draining(): HealthIndicatorResult<'cluster'> {
    const check = this.indicators.check('cluster');
    return this.cluster?.draining
      ? check.down({ message: 'arrêt en cours : séances confiées aux autres processus' })
      : check.up({ processes: this.cluster ? 'several' : 'one' });
  }
}
