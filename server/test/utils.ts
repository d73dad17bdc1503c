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
  SeatAck,
  SessionLinks,
  SyncAck,
} from '@ecoute/protocol';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { AUTH } from '../src/accounts/auth.provider.js';
import type { Auth } from '../src/accounts/auth.js';
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
  const server: TestServer = {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    async close() {
      servers.delete(server.url);
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  servers.set(server.url, { server, trainer: null });
  return server;
}

/** A signed-in account: its cookie, and the headers a browser of the app sends with it. */
export interface Account {
  email: string;
  password: string;
  userId: string;
  cookie: string;
  /** `Cookie` and the app's own `Origin` (what a same-origin `fetch` sends). */
  headers: Record<string, string>;
}

/** The servers started here, each with its organisation's trainer once made (for createSession). */
const servers = new Map<string, { server: TestServer; trainer: Promise<Account> | null }>();

const PASSWORD = 'un mot de passe de test';

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

function account(server: TestServer, email: string, userId: string, cookie: string): Account {
  return { email, password: PASSWORD, userId, cookie, headers: { cookie, origin: appOrigin(server) } };
}

async function me(server: TestServer, cookie: string): Promise<{ userId: string }> {
  const response = await fetch(`${server.url}/api/account/me`, { headers: { cookie } });
  if (response.status !== 200)
    throw new Error(`GET /api/account/me: ${response.status} ${await response.text()}`);
  return (await response.json()) as { userId: string };
}

/** Signs in with email and password through better-auth's route; the account's cookie. */
/** The origin the app's pages are served from: ECOUTE_PUBLIC_URL when set, else the server's own. */
export function appOrigin(server: TestServer): string {
  return server.config.publicUrl ?? server.url;
}

export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<Account> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appOrigin(server) },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = cookieOf(response);
  return account(server, email, (await me(server, cookie)).userId, cookie);
}

/**
 * The first boot's setup, as the product does it: the one-time link of the start line, the
 * first administrator and organisation. Works once per server.
 */
export async function setupAdministrator(
  server: TestServer,
  organizationName = 'Organisme de test',
): Promise<Account> {
  const path = server.app.get(AccountsService).takeSetupPath();
  if (!path) throw new Error('no setup link: the server already has an administrator');
  const token = decodeURIComponent(path.split('#k=')[1] ?? '');
  const email = 'admin@example.org';
  const response = await fetch(`${server.url}/api/account/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appOrigin(server) },
    body: JSON.stringify({ token, name: 'Alex Admin', email, password: PASSWORD, organizationName }),
  });
  if (response.status !== 201) throw new Error(`setup: ${response.status} ${await response.text()}`);
  const cookie = cookieOf(response);
  return account(server, email, (await me(server, cookie)).userId, cookie);
}

let invited = 0;

/** An administrator invites a member (`trainer`, `author` or `admin`), who accepts: their account. */
export async function inviteMember(
  server: TestServer,
  admin: Account,
  role: 'trainer' | 'author' | 'admin',
  name = `Membre ${role}`,
): Promise<Account> {
  const email = `${role}-${++invited}@example.org`;
  const invitation = await fetch(`${server.url}/api/organization/invitations`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  if (invitation.status !== 201) throw new Error(`invite: ${invitation.status} ${await invitation.text()}`);
  const { link } = (await invitation.json()) as { link: string };
  const id = link.split('#i=')[1] ?? '';
  const accepted = await fetch(`${server.url}/api/account/invitations/${id}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appOrigin(server) },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  if (accepted.status !== 201) throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
  const cookie = cookieOf(accepted);
  return account(server, email, (await me(server, cookie)).userId, cookie);
}

/**
 * Another organisation on the same server, made through better-auth's server API (the product
 * makes only the first one, at setup): its administrator, signed in.
 */
export async function otherOrganization(server: TestServer, name: string): Promise<Account> {
  const auth = server.app.get<Auth>(AUTH);
  const email = `admin-${++invited}@example.org`;
  const { user } = await auth.api.signUpEmail({ body: { name: `Admin ${name}`, email, password: PASSWORD } });
  await auth.api.createOrganization({ body: { name, slug: `org-${invited}`, userId: user.id } });
  return signIn(server, email);
}

/** The trainer of the server's organisation (set up on first use): who creates sessions in tests. */
export function trainerOf(server: TestServer): Promise<Account> {
  const entry = servers.get(server.url);
  if (!entry) throw new Error(`${server.url}: not a server of startServer`);
  entry.trainer ??= setupAdministrator(server).then((admin) =>
    inviteMember(server, admin, 'trainer', 'Dominique'),
  );
  return entry.trainer;
}

/** Creates a session as a signed-in trainer (the server's own, or `options.as`). */
export async function createSession(
  url: string,
  scenarioId: string,
  options: {
    seed?: number;
    callerActor?: boolean;
    hintMode?: 'guided' | 'no_hints' | 'free_speech';
    askTrainer?: boolean;
    as?: Account;
    /** A signed-in trainer's headers, for a server run as a process (test/support/accounts.ts). */
    headers?: Record<string, string>;
  } = {},
): Promise<SessionLinks & { tokens: Record<Role, string> }> {
  const entry = servers.get(url);
  const headers =
    options.headers ?? options.as?.headers ?? (entry ? (await trainerOf(entry.server)).headers : null);
  if (!headers) throw new Error(`${url}: not a server of startServer (pass the trainer's headers)`);
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
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
  /**
   * Whether the page answers `session:probe`, as the client's does at once (false: a dead
   * device's page, its socket still open on the server); how many probes it was sent.
   */
  alive = true;
  probes = 0;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, ...args: unknown[]) => {
      this.received.push({ event, payload: args[0] });
    });
    socket.on(ServerEvent.Probe, (ack) => {
      this.probes += 1;
      if (this.alive) ack(true);
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

  /** The page's seat on its link (`claim`, `take`, `follow`; `page`: the page's id). */
  seat(action: 'claim' | 'take' | 'follow', page: string): Promise<SeatAck> {
    return this.socket.timeout(ANSWER_MS).emitWithAck(ClientEvent.Seat, { action, page });
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
