// Shared test harness for the server's integration tier: the real app on port 0 with a real
// SQLite file in a temporary folder, and real socket.io clients. One place, reused by tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Input, Role, RoleView, Scheduler, TimelineEntry } from '@ecoute/engine';
import { ClientEvent, PROTOCOL_VERSION, ServerEvent } from '@ecoute/protocol';
import type {
  ClientToServerEvents,
  InputAck,
  RoleUpdate,
  ServerToClientEvents,
  Presence,
  SessionLinks,
  SyncAck,
} from '@ecoute/protocol';
import { createApp } from '../src/app.js';
import type { AppOptions } from '../src/app.module.js';
import { findWorkspaceRoot, parseEnv } from '../src/config/env.js';
import type { AppConfig } from '../src/config/env.js';
import type { GatewayLimits } from '../src/gateway/rate-limit.js';

export interface TestServer {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startServer(
  options: {
    scheduler?: Scheduler;
    scenariosDir?: string;
    env?: Record<string, string>;
    /** Where the server's JSON log lines go (LOG_LEVEL in `env`; silent by default). */
    logDestination?: AppOptions['logDestination'];
    /** A database file to use and keep (a restart on the same database), not a temporary one. */
    databaseFile?: string;
    recoveryPace?: AppOptions['recoveryPace'];
    limits?: Partial<GatewayLimits>;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-test-'));
  const config = parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    ECOUTE_DATABASE_FILE: options.databaseFile ?? path.join(dir, 'ecoute.sqlite'),
    ECOUTE_SCENARIOS_DIR: options.scenariosDir ?? path.join(findWorkspaceRoot(), 'scenarios'),
    LOG_LEVEL: 'silent',
    // Tests play many calls from one address: the per-address limits are off unless a test
    // (abuse.test.ts) turns them on.
    ECOUTE_CREATE_PER_MINUTE: '0',
    ECOUTE_ADDRESS_MESSAGES_PER_SECOND: '0',
    ...options.env,
  });
  const app = await createApp(config, {
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.recoveryPace ? { recoveryPace: options.recoveryPace } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createSession(
  url: string,
  scenarioId: string,
  options: {
    seed?: number;
    callerActor?: boolean;
    hintMode?: 'guided' | 'no_hints' | 'free_speech';
    askTrainer?: boolean;
  } = {},
): Promise<SessionLinks & { tokens: Record<Role, string> }> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      scenarioId,
      seed: options.seed ?? 42,
      ...(options.callerActor ? { callerActor: true } : {}),
      ...(options.hintMode ? { hintMode: options.hintMode } : {}),
      ...(options.askTrainer ? { askTrainer: true } : {}),
    }),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/sessions: ${response.status} ${await response.text()}`);
  const links = (await response.json()) as SessionLinks;
  const tokens = Object.fromEntries(
    Object.entries(links.links).map(([role, link]) => [role, decodeURIComponent(link.split('#k=')[1] ?? '')]),
  ) as Record<Role, string>;
  return { ...links, tokens };
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * How long an ack or an awaited update may take before the test fails: only a guard against a
 * hang, generous so that a busy machine passes the same (tests drive scenario time themselves).
 */
const ANSWER_MS = 20_000;

/** A real socket.io client playing one role, keeping every update it receives. */
export class RoleClient {
  readonly updates: RoleUpdate[] = [];
  readonly presences: Presence[] = [];
  /** Every payload the server sent this client: events (`onAny`) and sync answers (`sync`). */
  readonly received: { event: string; payload: unknown }[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, ...args: unknown[]) => {
      this.received.push({ event, payload: args[0] });
    });
    socket.on(ServerEvent.Update, (update) => {
      this.updates.push(update);
      this.wake();
    });
    socket.on(ServerEvent.Presence, (presence) => {
      this.presences.push(presence);
      this.wake();
    });
  }

  static connect(
    url: string,
    auth: { sessionId: string; token: string; protocolVersion?: number },
    options: { reconnection?: boolean; reconnectionDelay?: number } = {},
  ): Promise<RoleClient> {
    const socket: ClientSocket = io(url, {
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      ...(options.reconnectionDelay !== undefined
        ? { reconnectionDelay: options.reconnectionDelay, reconnectionDelayMax: options.reconnectionDelay }
        : {}),
      forceNew: true,
      auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    });
    // Listening before the first packet arrives: nothing the server sends is missed.
    const client = new RoleClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The last presence received. */
  get presence(): Presence | undefined {
    return this.presences.at(-1);
  }

  get entries(): TimelineEntry[] {
    return this.updates.flatMap((u) => u.entries);
  }

  /** The role's view as the page holds it: the last one received, with the last update's time. */
  get view(): RoleView | undefined {
    const last = this.updates.at(-1);
    const view = this.updates.findLast((u) => u.view !== undefined)?.view;
    return view && last ? { ...view, t: last.t } : view;
  }

  send(input: Input | Record<string, unknown>): Promise<InputAck> {
    return this.socket.timeout(ANSWER_MS).emitWithAck(ClientEvent.Input, input);
  }

  async sync(after = 0): Promise<SyncAck> {
    const ack = await this.socket.timeout(ANSWER_MS).emitWithAck(ClientEvent.Sync, { after });
    this.received.push({ event: 'sync (ack)', payload: ack });
    return ack;
  }

  /**
   * What the client does on every (re)connect: asks for everything after the last seq it has and
   * keeps the answer as one more update (from its last seq to the snapshot's).
   */
  async resync(): Promise<void> {
    const after = this.updates.at(-1)?.to ?? 0;
    const ack = await this.sync(after);
    if (!ack.ok) throw new Error(`resync: ${ack.code}`);
    this.updates.push({
      from: after,
      to: ack.snapshot.seq,
      entries: ack.snapshot.entries,
      t: ack.snapshot.view.t,
      view: ack.snapshot.view,
    });
    this.wake();
  }

  /** Resolves when `predicate` holds on what was received, or rejects after `ms`. */
  async waitFor(predicate: (client: RoleClient) => boolean, what: string, ms = ANSWER_MS): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** The caller lines a client has received, as text. */
export function linesHeard(client: RoleClient): string[] {
  return client.entries.flatMap((e) =>
    e.kind === 'observation' && e.observation.kind === 'line' ? [e.observation.line] : [],
  );
}
