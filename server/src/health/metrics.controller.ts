// Process figures for benchmarks (`npm run bench`): event-loop delay, CPU, memory after a forced
// GC. Off unless ECOUTE_METRICS=1: a production server does not expose its internals.
import { Controller, Get, Inject, NotFoundException, Post, Query } from '@nestjs/common';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';

export interface ProcessMetrics {
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  cpuMicros: { user: number; system: number };
  heapUsedBytes: number;
  rssBytes: number;
  gc: boolean;
  /** Garbage-collection pauses since the last reset. */
  gcPauses: { count: number; totalMs: number; maxMs: number };
  /** The timeline store's group commit counters (since boot), when it keeps them. */
  store: { commits: number; batches: number; syncs?: number } | null;
}

@Controller('api/metrics')
export class MetricsController {
  private readonly histogram: ReturnType<typeof monitorEventLoopDelay> | undefined;
  private gcPauses = { count: 0, totalMs: 0, maxMs: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TIMELINE_STORE) private readonly store: TimelineStore,
  ) {
    if (config.metrics) {
      this.histogram = monitorEventLoopDelay({ resolution: 5 });
      this.histogram.enable();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          this.gcPauses.count += 1;
          this.gcPauses.totalMs += entry.duration;
          this.gcPauses.maxMs = Math.max(this.gcPauses.maxMs, entry.duration);
        }
      }).observe({ entryTypes: ['gc'] });
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
      gcPauses: { ...this.gcPauses },
      store: 'stats' in this.store ? { ...(this.store.stats as NonNullable<ProcessMetrics['store']>) } : null,
    };
  }

  @Post('reset')
  reset(): { ok: true } {
    if (!this.histogram) throw new NotFoundException();
    this.histogram.reset();
    this.gcPauses = { count: 0, totalMs: 0, maxMs: 0 };
    return { ok: true };
  }
}
