import { Global, Module } from '@nestjs/common';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { MetricsController } from './metrics.controller.js';
import { ServerMetrics } from './server-metrics.js';

/** Global: the database module (append timing) and the gateway report to it. */
@Global()
@Module({
  imports: [RecoveryModule],
  controllers: [MetricsController],
  providers: [ServerMetrics],
  exports: [ServerMetrics],
})
export class MetricsModule {}
