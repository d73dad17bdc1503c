import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { systemScheduler } from '@ecoute/engine';
import type { Scheduler } from '@ecoute/engine';
import { APP_CONFIG } from './config/env.js';
import type { AppConfig } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import { DebriefModule } from './debrief/debrief.module.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './health/metrics.controller.js';
import { ExportsModule } from './exports/exports.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { scaledScheduler } from './sessions/scaled-scheduler.js';
import { SESSION_SCHEDULER } from './sessions/sessions.service.js';
import { GATEWAY_LIMITS, gatewayLimits } from './gateway/rate-limit.js';
import type { GatewayLimits } from './gateway/rate-limit.js';

export interface AppOptions {
  /** What session clocks run on: real timers unless a test drives time by hand. */
  scheduler?: Scheduler;
  /** Some of the gateway's limits changed (tests of abuse); the others keep their defaults. */
  limits?: Partial<GatewayLimits>;
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig, options: AppOptions = {}): DynamicModule {
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: SESSION_SCHEDULER,
          useValue: options.scheduler ?? scaledScheduler(systemScheduler, config.clockRate),
        },
        {
          provide: GATEWAY_LIMITS,
          useValue: { ...gatewayLimits(config.addressMessagesPerSecond), ...options.limits },
        },
      ],
      exports: [APP_CONFIG, SESSION_SCHEDULER, GATEWAY_LIMITS],
    };
    return {
      module: AppModule,
      imports: [configModule, DatabaseModule, SessionsModule, DebriefModule, RetentionModule, ExportsModule],
      controllers: [HealthController, MetricsController],
    };
  }
}
