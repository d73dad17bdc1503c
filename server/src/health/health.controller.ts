// Liveness and readiness for a process supervisor or a load balancer (Terminus): `/healthz` says
// the process answers; `/readyz` says it can serve (503 naming the failing check otherwise).
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { ReadinessIndicators } from './readiness.js';

@Controller()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(ReadinessIndicators) private readonly readiness: ReadinessIndicators,
  ) {}

  @Get('healthz')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('readyz')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.readiness.database(),
      () => this.readiness.scenarios(),
      () => this.readiness.recovery(),
      () => this.readiness.draining(),
    ]);
  }

  /** Kept for what already polls it: the same as `/healthz`. */
  @Get('api/health')
  legacy(): { ok: true } {
    return { ok: true };
  }
}
