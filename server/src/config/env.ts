// The server's environment, parsed once at boot into a typed object. A bad variable stops the
// boot with the list of every bad variable, rather than failing later in some corner.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { compileTrust } from '../http/client-address.js';

function validTrust(setting: string): boolean {
  try {
    compileTrust(setting);
    return true;
  } catch {
    return false;
  }
}

/** The workspace root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function findWorkspaceRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
}

/** SQLite durability settings (database/sqlite.ts says what each does). */
export const SQLITE_SYNCHRONOUS = ['FULL', 'FULL_IN_COMMIT', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ECOUTE_DATA_DIR: z.string().min(1).optional(),
  ECOUTE_DATABASE_FILE: z.string().min(1).optional(),
  /** PostgreSQL instead of the embedded SQLite file, e.g. postgres://user@host:5432/ecoute. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  /**
   * SQLite durability (database/sqlite.ts): FULL (default; an acked input survives a power cut,
   * the WAL fsync off the event loop), FULL_IN_COMMIT (the same, SQLite's fsync in the commit)
   * or NORMAL (no fsync before the ack).
   */
  ECOUTE_SQLITE_SYNCHRONOUS: z.enum(SQLITE_SYNCHRONOUS).default('FULL'),
  ECOUTE_SCENARIOS_DIR: z.string().min(1).optional(),
  ECOUTE_CLIENT_DIR: z.string().min(1).optional(),
  /** Session clocks run this many times faster than real time (demos, end-to-end tests). */
  ECOUTE_CLOCK_RATE: z.coerce.number().positive().max(1000).default(1),
  /** Tests only: `manual` stops session time until `POST /api/test/clock/advance` moves it. */
  ECOUTE_TEST_CLOCK: z.enum(['manual']).optional(),
  /** 1: serve Prometheus metrics at /metrics (off by default). */
  ECOUTE_METRICS: z.enum(['0', '1']).default('0'),
  /** A bearer token /metrics then requires (setting it also turns metrics on). */
  ECOUTE_METRICS_TOKEN: z.string().min(16).max(200).optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'silent']).default('log'),
  /** Ended sessions older than this many days are deleted (at boot, then daily); 0 keeps them. */
  ECOUTE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(365),
  /** The server's public origin (xAPI account homePage); by default the request's own origin. */
  ECOUTE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** An xAPI Learning Record Store to send statements to (its statements endpoint's base). */
  ECOUTE_LRS_URL: z.url({ protocol: /^https?$/ }).optional(),
  ECOUTE_LRS_KEY: z.string().min(1).optional(),
  ECOUTE_LRS_SECRET: z.string().min(1).optional(),
  /** Opens the sessions list (and any debrief as trainer) until trainers have accounts. */
  /** A session's runtime with no socket and no timer due is unloaded after this long (0: never). */
  ECOUTE_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(600_000),
  /** A session nobody picked up (no listener joined) is deleted this long after creation (0: never). */
  ECOUTE_UNCLAIMED_EXPIRY_MS: z.coerce.number().int().min(0).default(86_400_000),
  /** Sessions one address may create per minute (`POST /api/sessions`; 0: no limit). */
  ECOUTE_CREATE_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Socket messages one address may send per second, bursts of twice that (0: no limit). */
  ECOUTE_ADDRESS_MESSAGES_PER_SECOND: z.coerce.number().int().min(0).default(200),
  ECOUTE_SECRET: z.string().min(32).max(500).optional(),
  /**
   * 1: the database was sealed with another key, and that key is lost: start anyway, forgetting
   * what it sealed (accounts/server-key-check.ts). Without it such a boot is refused.
   */
  ECOUTE_FORGET_SEALED: z.enum(['0', '1']).default('0'),
  /** Proxies whose X-Forwarded-For is believed: a hop count, or addresses/subnets (`loopback`). */
  ECOUTE_TRUST_PROXY: z.string().min(1).refine(validTrust).optional(),
  /** Several processes (cluster/): Redis carries broadcasts and forwarded inputs; needs DATABASE_URL. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//)
    .optional(),
  /** How long a process's session leases last without a heartbeat (cluster/; takeover after it). */
  ECOUTE_LEASE_MS: z.coerce.number().int().min(200).max(600_000).default(5_000),
  /**
   * Draining (cluster/): how long `/readyz` answers 503 before the process closes its sockets, so
   * that the load balancer's health check has taken it out and reconnections go to the others.
   */
  ECOUTE_DRAIN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(600),
});

export interface AppConfig {
  port: number;
  host: string;
  /** SQLite file of the embedded store; ':memory:' is refused (a timeline must be durable). */
  databaseFile: string;
  databaseUrl: string | undefined;
  sqliteSynchronous: SqliteSynchronous;
  scenariosDir: string;
  clientDir: string;
  clockRate: number;
  /** Tests only: session time moves only when a test advances it (`test-clock/`). */
  testClock: 'manual' | undefined;
  /** /metrics is served (ECOUTE_METRICS=1 or a metrics token). */
  metrics: boolean;
  /** The bearer token /metrics requires, when set. */
  metricsToken: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /**
   * The server's secret (ECOUTE_SECRET): signs account cookies and seals role links. Unset: one
   * is drawn at first boot and kept in `secret.key` beside the SQLite file (server/src/accounts).
   */
  secret: string | undefined;
  /** ECOUTE_FORGET_SEALED=1: a database sealed with a lost key starts, its sealed values forgotten. */
  forgetSealed: boolean;
  /** Days an ended session is kept; 0 = forever. */
  retentionDays: number;
  publicUrl: string | undefined;
  /** The LRS statements are sent to, when configured (Basic auth with key and secret). */
  lrs: { url: string; key: string; secret: string } | undefined;
  /** Holding under abuse (issue 11): idle unload, expiry of unclaimed sessions, per-address rates. */
  idleUnloadMs: number;
  unclaimedExpiryMs: number;
  createPerMinute: number;
  addressMessagesPerSecond: number;
  /** ECOUTE_TRUST_PROXY: which proxies' X-Forwarded-For to believe (http/client-address.ts). */
  trustProxy: string | undefined;
  /** Several server processes (cluster/): set with DATABASE_URL. */
  redisUrl: string | undefined;
  leaseMs: number;
  drainGraceMs: number;
}

type EnvName = keyof typeof envSchema.shape;

/**
 * What each variable expects, as the person who runs the server reads it when a value is refused
 * (zod's own messages say « Invalid URL » or « expected number, received NaN »: not what to type).
 */
const EXPECTED: Record<EnvName, string> = {
  PORT: 'un numéro de port, entier de 0 à 65535 (par ex. PORT=8080)',
  HOST: "l'adresse où écouter (0.0.0.0 : toutes les interfaces ; 127.0.0.1 : cette machine seulement)",
  ECOUTE_DATA_DIR: 'le chemin du dossier des données (par ex. /var/lib/ecoute)',
  ECOUTE_DATABASE_FILE: 'le chemin du fichier SQLite (par ex. /var/lib/ecoute/ecoute.sqlite)',
  DATABASE_URL: 'une adresse postgres:// (par ex. postgres://ecoute@localhost:5432/ecoute)',
  ECOUTE_SQLITE_SYNCHRONOUS: 'FULL (défaut), FULL_IN_COMMIT ou NORMAL',
  ECOUTE_SCENARIOS_DIR: 'le chemin du dossier des scénarios',
  ECOUTE_CLIENT_DIR: "le chemin du dossier de l'application construite (client/dist)",
  ECOUTE_CLOCK_RATE: 'un nombre plus grand que 0 et au plus 1000 (1 : temps réel)',
  ECOUTE_TEST_CLOCK: 'manual (tests seulement), ou rien',
  ECOUTE_METRICS: '1 pour ouvrir /metrics, 0 (défaut) pour le fermer',
  ECOUTE_METRICS_TOKEN: 'un jeton de 16 à 200 caractères',
  LOG_LEVEL: 'error, warn, log (défaut), debug ou silent',
  ECOUTE_RETENTION_DAYS: 'un nombre entier de jours, de 0 (garder toujours) à 36500',
  ECOUTE_PUBLIC_URL:
    "l'adresse publique complète, avec http:// ou https:// devant (par ex. https://ecoute.example.org)",
  ECOUTE_LRS_URL: "l'adresse complète du LRS, avec http:// ou https:// devant",
  ECOUTE_LRS_KEY: 'la clé du LRS',
  ECOUTE_LRS_SECRET: 'le secret du LRS',
  ECOUTE_IDLE_UNLOAD_MS: 'un nombre entier de millisecondes, 0 ou plus (0 : jamais)',
  ECOUTE_UNCLAIMED_EXPIRY_MS: 'un nombre entier de millisecondes, 0 ou plus (0 : jamais)',
  ECOUTE_CREATE_PER_MINUTE: 'un nombre entier, 0 ou plus (0 : sans limite)',
  ECOUTE_ADDRESS_MESSAGES_PER_SECOND: 'un nombre entier, 0 ou plus (0 : sans limite)',
  ECOUTE_SECRET: 'un secret de 32 à 500 caractères',
  ECOUTE_FORGET_SEALED:
    "1 pour démarrer sur une base scellée avec une clé perdue (ce qu'elle scellait est oublié), 0 (défaut) sinon",
  ECOUTE_TRUST_PROXY:
    'un nombre de relais, ou des adresses et sous-réseaux séparés par des virgules (par ex. loopback ou 10.0.0.0/8)',
  REDIS_URL: 'une adresse redis:// ou rediss:// (par ex. redis://localhost:6379)',
  ECOUTE_LEASE_MS: 'un nombre entier de millisecondes, de 200 à 600000',
  ECOUTE_DRAIN_GRACE_MS: 'un nombre entier de millisecondes, de 0 à 60000',
};

/** Variables whose value may be shown back in an error: never a secret, a token or an address with a password. */
const SHOWN: ReadonlySet<EnvName> = new Set<EnvName>([
  'PORT',
  'HOST',
  'ECOUTE_DATA_DIR',
  'ECOUTE_DATABASE_FILE',
  'ECOUTE_SQLITE_SYNCHRONOUS',
  'ECOUTE_SCENARIOS_DIR',
  'ECOUTE_CLIENT_DIR',
  'ECOUTE_CLOCK_RATE',
  'ECOUTE_TEST_CLOCK',
  'ECOUTE_METRICS',
  'LOG_LEVEL',
  'ECOUTE_RETENTION_DAYS',
  'ECOUTE_PUBLIC_URL',
  'ECOUTE_IDLE_UNLOAD_MS',
  'ECOUTE_UNCLAIMED_EXPIRY_MS',
  'ECOUTE_CREATE_PER_MINUTE',
  'ECOUTE_ADDRESS_MESSAGES_PER_SECOND',
  'ECOUTE_TRUST_PROXY',
  'ECOUTE_FORGET_SEALED',
  'ECOUTE_LEASE_MS',
  'ECOUTE_DRAIN_GRACE_MS',
]);

/** One line per refused variable: its name, the value given (unless secret) and what it expects. */
function refusedVariable(name: EnvName, value: string | undefined): string {
  const given = SHOWN.has(name) && value !== undefined ? `${name}=${value}` : name;
  return `${given} : attendu ${EXPECTED[name]}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration invalide (variables d'environnement) :\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Corrigez ces variables puis relancez (README, « Exploitation »).',
    );
  }
}

export function parseEnv(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const names = new Set(parsed.error.issues.map((i) => i.path[0] as EnvName));
    throw new ConfigError([...names].map((name) => refusedVariable(name, env[name])));
  }
  const e = parsed.data;
  if (e.ECOUTE_LRS_URL && (!e.ECOUTE_LRS_KEY || !e.ECOUTE_LRS_SECRET)) {
    throw new ConfigError(['ECOUTE_LRS_URL : ECOUTE_LRS_KEY et ECOUTE_LRS_SECRET sont requis avec lui']);
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(['REDIS_URL : DATABASE_URL (PostgreSQL) est requis avec lui']);
  }
  const root = findWorkspaceRoot();
  const dataDir = path.resolve(e.ECOUTE_DATA_DIR ?? path.join(root, 'data'));
  return {
    port: e.PORT,
    host: e.HOST,
    databaseFile: path.resolve(e.ECOUTE_DATABASE_FILE ?? path.join(dataDir, 'ecoute.sqlite')),
    databaseUrl: e.DATABASE_URL,
    sqliteSynchronous: e.ECOUTE_SQLITE_SYNCHRONOUS,
    scenariosDir: path.resolve(e.ECOUTE_SCENARIOS_DIR ?? path.join(root, 'scenarios')),
    clientDir: path.resolve(e.ECOUTE_CLIENT_DIR ?? path.join(root, 'client', 'dist')),
    clockRate: e.ECOUTE_CLOCK_RATE,
    testClock: e.ECOUTE_TEST_CLOCK,
    metrics: e.ECOUTE_METRICS === '1' || e.ECOUTE_METRICS_TOKEN !== undefined,
    metricsToken: e.ECOUTE_METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    secret: e.ECOUTE_SECRET,
    forgetSealed: e.ECOUTE_FORGET_SEALED === '1',
    retentionDays: e.ECOUTE_RETENTION_DAYS,
    publicUrl: e.ECOUTE_PUBLIC_URL?.replace(/\/+$/, ''),
    lrs: e.ECOUTE_LRS_URL
      ? { url: e.ECOUTE_LRS_URL, key: e.ECOUTE_LRS_KEY ?? '', secret: e.ECOUTE_LRS_SECRET ?? '' }
      : undefined,
    idleUnloadMs: e.ECOUTE_IDLE_UNLOAD_MS,
    unclaimedExpiryMs: e.ECOUTE_UNCLAIMED_EXPIRY_MS,
    createPerMinute: e.ECOUTE_CREATE_PER_MINUTE,
    addressMessagesPerSecond: e.ECOUTE_ADDRESS_MESSAGES_PER_SECOND,
    trustProxy: e.ECOUTE_TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    leaseMs: e.ECOUTE_LEASE_MS,
    drainGraceMs: e.ECOUTE_DRAIN_GRACE_MS,
  };
}

/** Nest injection token of the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
