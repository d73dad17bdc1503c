import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { HealthController } from './health.controller.js';
import { ReadinessIndicators } from './readiness.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ScenariosModule, RecoveryModule],
  controllers: [HealthController],
  providers: [ReadinessIndicators],
})
export class HealthModule {}
