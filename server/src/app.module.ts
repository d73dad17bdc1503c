import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { systemScheduler } from '@ecoute/engine';
import type { Scheduler } from '@ecoute/engine';
import { AccountsModule } from './accounts/accounts.module.js';
import { SERVER_SECRET } from './accounts/auth.provider.js';
import { loadServerSecret } from './accounts/server-secret.js';
import { LinkSeal } from './auth/link-seal.js';
import { APP_CONFIG } from './config/env.js';
import type { AppConfig } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import { DebriefModule } from './debrief/debrief.module.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './health/metrics.controller.js';
import { ExportsModule } from './exports/exports.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { scaledScheduler } from './sessions/scaled-scheduler.js';
import { SESSION_SCHEDULER } from './sessions/sessions.service.js';

export interface AppOptions {
  /** What session clocks run on: real timers unless a test drives time by hand. */
  scheduler?: Scheduler;
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig, options: AppOptions = {}): DynamicModule {
    const secret = loadServerSecret(config);
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: SESSION_SCHEDULER,
          useValue: options.scheduler ?? scaledScheduler(systemScheduler, config.clockRate),
        },
        { provide: SERVER_SECRET, useValue: secret },
        { provide: LinkSeal, useValue: new LinkSeal(secret) },
      ],
      exports: [APP_CONFIG, SESSION_SCHEDULER, SERVER_SECRET, LinkSeal],
    };
    return {
      module: AppModule,
      imports: [
        configModule,
        DatabaseModule,
        SessionsModule,
        DebriefModule,
        RetentionModule,
        ExportsModule,
        // Accounts, the policy guard of every route, privacy requests (issue 11).
        AccountsModule,
        PrivacyModule,
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
