// The load generator, run in its own process (pinned to the other core): N sessions of a call,
// each with 1 listener, 1 trainer and 2 observers as real socket.io clients. The listener says
// ~512 bytes every 500 ms (a move every 20th time), the trainer injects every 10 s. Every
// timestamp is taken here, on one clock. Prints one JSON line of results on stdout.
import { performance as perfHooks } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '@ecoute/protocol';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { distribution, worstSlice } from './stats.js';
import type { Distribution, WorstSlice } from './stats.js';

export interface LoadConfig {
  url: string;
  /**
   * Several processes (the cluster arm): session i is created on `servers[i % n]`, which takes its
   * lease, and its clients connect to that same process (a balancer that routes by session).
   */
  servers?: string[];
  /** A signed-in trainer's headers (the product creates sessions for accounts only). */
  headers?: Record<string, string>;
  mode: 'product' | 'relay';
  sessions: number;
  /** Measured window, after the warm-up. */
  durationMs: number;
  warmupMs: number;
  scenarioId: string;
  inputEveryMs: number;
  injectEveryMs: number;
  /** The latency the step must keep its p99 under (the worst second counts what passes it). */
  p99LimitMs: number;
}

export interface LoadResult {
  mode: LoadConfig['mode'];
  sessions: number;
  inputsSent: number;
  inputsAcked: number;
  lost: number;
  failedAcks: number;
  ack: Distribution;
  toTrainer: Distribution;
  toLastObserver: Distribution;
  /**
   * The second of the window (by send time) with the worst p99 to the last observer: when
   * most of the window's latencies over the limit fall in it, the step failed on one burst.
   */
  worstSecond: WorstSlice | null;
  windowMs: number;
  /** The load generator's own event-loop utilisation over the window (near 1: it is the limit). */
  generatorBusy: number;
}

const PADDING = 'Je vous entends bien, prenez votre temps, je reste avec vous au téléphone. '.repeat(8);

interface Sample {
  sentAt: number;
  measured: boolean;
  acked?: number;
  trainer?: number;
  observers: number[];
}

type Client = Socket;

function connect(url: string, auth: Record<string, unknown>): Promise<Client> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

async function createProductSession(
  url: string,
  scenarioId: string,
  headers: Record<string, string> = {},
): Promise<{ id: string; tokens: Record<string, string> }> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ scenarioId, seed: 7 }),
  });
  if (!response.ok) throw new Error(`POST /api/sessions ${response.status}`);
  const body = (await response.json()) as { sessionId: string; links: Record<string, string> };
  const tokens = Object.fromEntries(
    Object.entries(body.links).map(([role, link]) => [role, decodeURIComponent(link.split('#k=')[1] ?? '')]),
  );
  return { id: body.sessionId, tokens };
}

class SessionLoad {
  readonly samples = new Map<string, Sample>();
  private counter = 0;
  private timers: NodeJS.Timeout[] = [];
  failedAcks = 0;

  constructor(
    readonly index: number,
    private readonly listener: Client,
    private readonly trainer: Client,
    private readonly observers: Client[],
    private readonly config: LoadConfig,
  ) {
    const onUpdate =
      (who: 'trainer' | 'observer') =>
      (update: { entries: { kind: string; input?: { kind: string; text?: string } }[] }) => {
        const now = performance.now();
        for (const entry of update.entries) {
          const text = entry.kind === 'input' && entry.input?.kind === 'say' ? entry.input.text : undefined;
          const nonce = text?.slice(0, text.indexOf('|'));
          const sample = nonce ? this.samples.get(nonce) : undefined;
          if (!sample) continue;
          if (who === 'trainer') sample.trainer ??= now;
          else sample.observers.push(now);
        }
      };
    trainer.on('session:update', onUpdate('trainer'));
    for (const observer of observers) observer.on('session:update', onUpdate('observer'));
  }

  async prepare(): Promise<void> {
    if (this.config.mode === 'relay') return;
    for (const input of [{ kind: 'pickup' }, { kind: 'move', move: 'se_presenter' }]) {
      const ack = (await this.listener.timeout(10_000).emitWithAck('session:input', input)) as {
        ok: boolean;
        code?: string;
      };
      if (!ack.ok) throw new Error(`prepare ${input.kind}: ${ack.code}`);
    }
  }

  start(measureFrom: number, measureUntil: number): void {
    const offset = (this.index * 37) % this.config.inputEveryMs;
    const first = setTimeout(() => {
      this.timers.push(
        setInterval(() => this.sendInput(measureFrom, measureUntil), this.config.inputEveryMs),
      );
    }, offset);
    const inject = setTimeout(
      () => {
        this.timers.push(setInterval(() => this.sendInject(), this.config.injectEveryMs));
      },
      offset + this.config.injectEveryMs / 2,
    );
    this.timers.push(first, inject);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  close(): void {
    for (const socket of [this.listener, this.trainer, ...this.observers]) socket.close();
  }

  private sendInput(measureFrom: number, measureUntil: number): void {
    this.counter += 1;
    const now = performance.now();
    // Every 20th input a move that keeps the caller calm, so the call never ends during the run.
    if (this.counter % 20 === 0 && this.config.mode === 'product') {
      this.listener.emit('session:input', { kind: 'move', move: 'valider_emotion' }, () => undefined);
      return;
    }
    const nonce = `${this.index}.${this.counter}`;
    const sample: Sample = { sentAt: now, measured: now >= measureFrom && now < measureUntil, observers: [] };
    this.samples.set(nonce, sample);
    const text = `${nonce}|${PADDING}`.slice(0, 480);
    this.listener
      .timeout(10_000)
      .emitWithAck('session:input', { kind: 'say', text })
      .then(
        (ack: { ok: boolean }) => {
          if (ack.ok) sample.acked = performance.now();
          else this.failedAcks += 1;
        },
        () => (this.failedAcks += 1),
      );
  }

  private sendInject(): void {
    this.trainer.emit('session:input', { kind: 'inject', inject: 'sonnette' }, () => undefined);
  }
}

export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const loads: SessionLoad[] = [];
  // Set up in small groups: connection storms are not what is measured.
  for (let i = 0; i < config.sessions; i += 10) {
    const group = await Promise.all(
      Array.from({ length: Math.min(10, config.sessions - i) }, async (_, k) => {
        const index = i + k;
        const home = config.servers?.[index % config.servers.length] ?? config.url;
        let auth: (role: string) => Record<string, unknown>;
        if (config.mode === 'product') {
          const headers = config.servers ? { ...config.headers, origin: home } : config.headers;
          const session = await createProductSession(home, config.scenarioId, headers);
          auth = (role) => ({
            sessionId: session.id,
            token: session.tokens[role],
            protocolVersion: PROTOCOL_VERSION,
          });
        } else {
          auth = (role) => ({ sessionId: `relay-${index}`, role, protocolVersion: PROTOCOL_VERSION });
        }
        const [listener, trainer, observerA, observerB] = await Promise.all([
          connect(home, auth('listener')),
          connect(home, auth('trainer')),
          connect(home, auth('observer')),
          connect(home, auth('observer')),
        ]);
        const load = new SessionLoad(index, listener, trainer, [observerA, observerB], config);
        await load.prepare();
        return load;
      }),
    );
    loads.push(...group);
  }
  const startAt = performance.now();
  const measureFrom = startAt + config.warmupMs;
  const measureUntil = measureFrom + config.durationMs;
  for (const load of loads) load.start(measureFrom, measureUntil);
  process.stdout.write(
    `${JSON.stringify({ event: 'window', from: config.warmupMs, until: config.warmupMs + config.durationMs })}\n`,
  );
  await new Promise((resolve) => setTimeout(resolve, config.warmupMs));
  const busyFrom = perfHooks.eventLoopUtilization();
  await new Promise((resolve) => setTimeout(resolve, config.durationMs));
  const generatorBusy = perfHooks.eventLoopUtilization(busyFrom).utilization;
  for (const load of loads) load.stop();
  // Let what is in flight land before counting what was lost.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const ack: number[] = [];
  const toTrainer: number[] = [];
  const toLastObserver: number[] = [];
  const lastObserverAt: [number, number][] = [];
  let inputsSent = 0;
  let inputsAcked = 0;
  let lost = 0;
  let failedAcks = 0;
  for (const load of loads) {
    failedAcks += load.failedAcks;
    for (const sample of load.samples.values()) {
      if (!sample.measured) continue;
      inputsSent += 1;
      if (sample.acked === undefined) continue;
      inputsAcked += 1;
      ack.push(sample.acked - sample.sentAt);
      if (sample.trainer === undefined || sample.observers.length < 2) {
        lost += 1;
        continue;
      }
      toTrainer.push(sample.trainer - sample.sentAt);
      const latency = Math.max(...sample.observers) - sample.sentAt;
      toLastObserver.push(latency);
      lastObserverAt.push([sample.sentAt - measureFrom, latency]);
    }
  }
  for (const load of loads) load.close();
  return {
    mode: config.mode,
    sessions: config.sessions,
    inputsSent,
    inputsAcked,
    lost: lost + (inputsSent - inputsAcked),
    failedAcks,
    ack: distribution(ack),
    toTrainer: distribution(toTrainer),
    toLastObserver: distribution(toLastObserver),
    worstSecond: worstSlice(lastObserverAt, 1000, config.p99LimitMs),
    windowMs: config.durationMs,
    generatorBusy,
  };
}

// As a process: the config comes as JSON in argv[2]; the result goes out as the last line.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  runLoad(config).then(
    (result) => {
      process.stdout.write(`${JSON.stringify({ event: 'result', result })}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
