// The server's Prometheus metrics (prom-client), in one place. The gateway, the database module
// and the runtime's store report through typed methods; nothing else imports prom-client.
// Off unless ECOUTE_METRICS=1 or ECOUTE_METRICS_TOKEN is set: then every method is a no-op and no
// collector runs (no event-loop histogram, no GC observer).
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ROLES } from '@ecoute/engine';
import type { Role, TimelineEntry } from '@ecoute/engine';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { RecoveryProgress } from '../recovery/recovery-progress.js';
import type { TimelineStore } from '../timeline/timeline-store.js';

/** Latency buckets (seconds): from a sub-millisecond ack to a stalled disk. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
/** GC pause buckets (seconds), finer than prom-client's default: young-generation pauses are short. */
const GC_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

/** What the gateway knows of live things, read at each scrape. */
export interface LiveSources {
  /** Session runtimes in memory. */
  liveSessions(): number;
  /** Open sockets per role. */
  socketsPerRole(): Record<Role, number>;
}

/** A timeline store's group-commit counters since boot (the SQLite store also counts WAL syncs). */
export interface GroupCommitCounters {
  commits: number;
  batches: number;
  syncs?: number;
}

interface Instruments {
  registry: Registry;
  inputs: Counter<'kind' | 'role'>;
  refused: Counter<'code'>;
  ack: Histogram;
  append: Histogram;
}

/** A counter that shows a running total kept elsewhere (read at each scrape). */
function totalOf(registry: Registry, name: string, help: string, read: () => number | undefined): Counter {
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const value = read();
      if (value === undefined) return;
      this.reset();
      this.inc(value);
    },
  });
}

@Injectable()
export class ServerMetrics {
  private readonly instruments: Instruments | undefined;
  private live: LiveSources | undefined;
  private storeCounters: (() => GroupCommitCounters | undefined) | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RecoveryProgress) private readonly recovery: RecoveryProgress,
  ) {
    if (config.metrics) this.instruments = this.create();
  }

  get enabled(): boolean {
    return this.instruments !== undefined;
  }

  /** The Prometheus text of every metric; undefined when metrics are off. */
  async text(): Promise<{ contentType: string; body: string } | undefined> {
    const registry = this.instruments?.registry;
    if (!registry) return undefined;
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  /** Where the live gauges read from (the gateway, once its socket server exists). */
  watch(sources: LiveSources): void {
    this.live = sources;
  }

  /** An input accepted (durable and acked) from `role`, `ms` after it arrived. */
  inputAccepted(kind: string, role: Role, ms: number): void {
    if (!this.instruments) return;
    this.instruments.inputs.inc({ kind, role });
    this.instruments.ack.observe(ms / 1000);
  }

  /** A message or handshake refused with `code`. */
  refused(code: string): void {
    this.instruments?.refused.inc({ code });
  }

  /**
   * The store the runtimes append to: with metrics on, the same store with each append timed
   * (from the call to its durability) and its group-commit counters read at each scrape.
   */
  timedStore(store: TimelineStore): TimelineStore {
    const instruments = this.instruments;
    if (!instruments) return store;
    if ('stats' in store) this.storeCounters = () => store.stats as GroupCommitCounters;
    return new TimedTimelineStore(store, (ms) => instruments.append.observe(ms / 1000));
  }

  private create(): Instruments {
    const registry = new Registry();
    // Event-loop delay, GC pauses (by kind), CPU, heap, handles: prom-client's default metrics.
    // The event-loop percentiles are over the time since the previous scrape (prom-client resets them).
    collectDefaultMetrics({
      register: registry,
      eventLoopMonitoringPrecision: 5,
      gcDurationBuckets: GC_BUCKETS,
    });
    const live = (): LiveSources | undefined => this.live;
    new Gauge({
      name: 'ecoute_live_sessions',
      help: 'Session runtimes in memory.',
      registers: [registry],
      collect() {
        this.set(live()?.liveSessions() ?? 0);
      },
    });
    new Gauge({
      name: 'ecoute_sockets',
      help: 'Open sockets per role.',
      labelNames: ['role'],
      registers: [registry],
      collect() {
        const counts = live()?.socketsPerRole();
        for (const role of ROLES) this.set({ role }, counts?.[role] ?? 0);
      },
    });
    const store = (): GroupCommitCounters | undefined => this.storeCounters?.();
    totalOf(
      registry,
      'ecoute_timeline_commits_total',
      'Timeline transactions committed.',
      () => store()?.commits,
    );
    totalOf(
      registry,
      'ecoute_timeline_appends_total',
      "Appends committed (an input with its observations, or a timer's observations).",
      () => store()?.batches,
    );
    totalOf(
      registry,
      'ecoute_wal_syncs_total',
      'WAL fsyncs before acks (SQLite FULL); appends per sync = rate(appends) / rate(syncs).',
      () => store()?.syncs,
    );
    const recovery = this.recovery;
    new Gauge({
      name: 'ecoute_recovery_duration_seconds',
      help: 'How long the recovery of live sessions took at boot (absent until done).',
      registers: [registry],
      collect() {
        const ms = recovery.durationMs;
        if (ms === undefined) this.reset();
        else this.set(ms / 1000);
      },
    });
    new Gauge({
      name: 'ecoute_recovery_pending_sessions',
      help: 'Live sessions still to rebuild.',
      registers: [registry],
      collect() {
        this.set(recovery.pending);
      },
    });
    return {
      registry,
      inputs: new Counter({
        name: 'ecoute_inputs_total',
        help: 'Inputs accepted (durable and acked), by kind and sender role.',
        labelNames: ['kind', 'role'],
        registers: [registry],
      }),
      refused: new Counter({
        name: 'ecoute_refused_total',
        help: 'Messages and handshakes refused, by error code.',
        labelNames: ['code'],
        registers: [registry],
      }),
      ack: new Histogram({
        name: 'ecoute_input_ack_seconds',
        help: "From an input's arrival to its ack (accepted inputs).",
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
      append: new Histogram({
        name: 'ecoute_timeline_append_seconds',
        help: 'From a timeline append to its durability (commit and WAL sync).',
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
    };
  }
}

/** The same store, each append timed. */
class TimedTimelineStore implements TimelineStore {
  constructor(
    private readonly store: TimelineStore,
    private readonly observe: (ms: number) => void,
  ) {}

  append(sessionId: string, entries: readonly TimelineEntry[], epoch?: number): Promise<void> {
    const started = performance.now();
    return this.store.append(sessionId, entries, epoch).then(() => this.observe(performance.now() - started));
  }

  read(sessionId: string, after?: number, upTo?: number): Promise<TimelineEntry[]> {
    return this.store.read(sessionId, after, upTo);
  }

  lastSeq(sessionId: string): Promise<number> {
    return this.store.lastSeq(sessionId);
  }
}
