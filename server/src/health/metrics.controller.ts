// Process figures for benchmarks (`npm run bench`): event-loop delay, CPU, memory after a forced
// GC. Off unless ECOUTE_METRICS=1: a production server does not expose its internals.
import { Controller, Get, Inject, NotFoundException, Post, Query } from '@nestjs/common';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';

export interface ProcessMetrics {
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  cpuMicros: { user: number; system: number };
  heapUsedBytes: number;
  rssBytes: number;
  gc: boolean;
}

@Controller('api/metrics')
export class MetricsController {
  private readonly histogram: IntervalHistogram | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.metrics) {
      this.histogram = monitorEventLoopDelay({ resolution: 5 });
      this.histogram.enable();
    }
  }

  @Get()
  read(@Query('gc') gc?: string): ProcessMetrics {
    if (!this.histogram) throw new NotFoundException();
    const collect = (globalThis as { gc?: () => void }).gc;
    if (gc === '1' && collect) {
      collect();
      collect();
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    return {
      eventLoopDelayMs: {
        p50: this.histogram.percentile(50) / 1e6,
        p99: this.histogram.percentile(99) / 1e6,
        max: this.histogram.max / 1e6,
      },
      cpuMicros: { user: cpu.user, system: cpu.system },
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
      gc: gc === '1' && collect !== undefined,
    };
  }

  @Post('reset')
  reset(): { ok: true } {
    if (!this.histogram) throw new NotFoundException();
    this.histogram.reset();
    return { ok: true };
  }
}
