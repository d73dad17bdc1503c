// GET /metrics: the Prometheus text of ServerMetrics. 404 when metrics are off; with
// ECOUTE_METRICS_TOKEN, 401 unless `Authorization: Bearer <token>`. `?gc=1` forces a garbage
// collection first when the process runs with --expose-gc (the benchmark reads the heap after it).
import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, NotFoundException, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, failure } from '@ecoute/protocol';
import { httpFailure } from '../auth/http-failure.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { ServerMetrics } from './server-metrics.js';

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ServerMetrics) private readonly metrics: ServerMetrics,
  ) {}

  @Get()
  async read(
    @Headers('authorization') authorization: string | undefined,
    @Query('gc') gc: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (!this.metrics.enabled) throw new NotFoundException();
    const token = this.config.metricsToken;
    if (token !== undefined) {
      const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
      if (given === undefined || !sameSecret(given, token)) {
        response.setHeader('WWW-Authenticate', 'Bearer');
        // Whoever sets up the scraper reads this: which of the two mistakes, and the header to send.
        throw httpFailure(
          failure(
            ErrorCode.AuthInvalidToken,
            given === undefined
              ? 'Jeton de métriques requis : envoyez « Authorization: Bearer <ECOUTE_METRICS_TOKEN> ».'
              : "Jeton de métriques refusé : ce n'est pas la valeur de ECOUTE_METRICS_TOKEN.",
          ),
        );
      }
    }
    const collect = (globalThis as { gc?: () => void }).gc;
    if (gc === '1' && collect) {
      collect();
      collect();
    }
    const text = await this.metrics.text();
    if (!text) throw new NotFoundException();
    response.setHeader('Content-Type', text.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return text.body;
  }
}
