import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ManualScheduler, systemScheduler } from '@ecoute/engine';
import type { Scheduler } from '@ecoute/engine';
import type { DestinationStream } from 'pino';
import { AccountsModule } from './accounts/accounts.module.js';
import { BadgesModule } from './badges/badges.module.js';
import { LtiModule } from './lti/lti.module.js';
import { ClassroomModule } from './classroom/classroom.module.js';
import { SERVER_SECRET } from './accounts/auth.provider.js';
import { LinkSeal } from './auth/link-seal.js';
import { APP_CONFIG } from './config/env.js';
import type { AppConfig } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import type { Storage } from './database/database.module.js';
import { ClusterModule } from './cluster/cluster.module.js';
import { DebriefModule } from './debrief/debrief.module.js';
import { HealthModule } from './health/health.module.js';
import { loggingModule } from './logging/logging.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { DocsModule } from './openapi/docs.module.js';
import { RECOVERY_PACE } from './recovery/live-recovery.js';
import type { RecoveryPace } from './recovery/live-recovery.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { StudioModule } from './studio/studio.module.js';
import { scaledScheduler } from './sessions/scaled-scheduler.js';
import { SESSION_SCHEDULER } from './sessions/sessions.service.js';
import { TestClockController } from './test-clock/test-clock.controller.js';
import { GATEWAY_LIMITS, gatewayLimits } from './gateway/rate-limit.js';
import type { GatewayLimits } from './gateway/rate-limit.js';

export interface AppOptions {
  /** What session clocks run on: real timers unless a test drives time by hand. */
  scheduler?: Scheduler;
  /** Where the JSON log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  /** Awaited before each session of the background recovery at boot (a test holds it). */
  recoveryPace?: RecoveryPace;
  /** Some of the gateway's limits changed (tests of abuse); the others keep their defaults. */
  limits?: Partial<GatewayLimits>;
}

@Module({})
export class AppModule {
  /** `secret` and `storage` come from createApp, which checked one against the other. */
  static forConfig(
    config: AppConfig,
    options: AppOptions,
    { secret, storage }: { secret: string; storage: Storage },
  ): DynamicModule {
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: SESSION_SCHEDULER,
          useValue:
            options.scheduler ??
            (config.testClock === 'manual'
              ? new ManualScheduler(0)
              : scaledScheduler(systemScheduler, config.clockRate)),
        },
        ...(options.recoveryPace ? [{ provide: RECOVERY_PACE, useValue: options.recoveryPace }] : []),
        {
          provide: GATEWAY_LIMITS,
          useValue: { ...gatewayLimits(config.addressMessagesPerSecond), ...options.limits },
        },
        { provide: SERVER_SECRET, useValue: secret },
        { provide: LinkSeal, useValue: new LinkSeal(secret) },
      ],
      exports: [
        APP_CONFIG,
        SESSION_SCHEDULER,
        GATEWAY_LIMITS,
        SERVER_SECRET,
        LinkSeal,
        ...(options.recoveryPace ? [RECOVERY_PACE] : []),
      ],
    };
    return {
      module: AppModule,
      imports: [
        loggingModule(config, options.logDestination),
        configModule,
        DatabaseModule.forStorage(storage),
        ClusterModule,
        SessionsModule,
        DebriefModule,
        RetentionModule,
        ExportsModule,
        HealthModule,
        MetricsModule,
        DocsModule,
        // Accounts, the policy guard of every route, privacy requests (issue 11).
        AccountsModule,
        PrivacyModule,
        // The call library and its versions (issue 13).
        StudioModule,
        // Open Badges (issue 16).
        BadgesModule,
        // LTI 1.3 tool (issue 16).
        LtiModule,
        // The classroom: classes, the floor, the group debrief (issue 14).
        ClassroomModule,
      ],
      controllers: [...(config.testClock === 'manual' && !options.scheduler ? [TestClockController] : [])],
    };
  }
}
