// The server's secret: ECOUTE_SECRET, or one drawn at first boot and kept in `secret.key` beside
// the SQLite file (readable by the server's user only), so that cookies and sealed role links
// survive a restart. Several processes on one PostgreSQL database must share ECOUTE_SECRET.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/env.js';

export interface ServerSecret {
  value: string;
  /** `secret.key` when the secret is kept there (ECOUTE_SECRET unset), else undefined. */
  file: string | undefined;
  /** True when `secret.key` was missing and this boot drew and wrote it. */
  drawn: boolean;
}

export function keyFileOf(config: Pick<AppConfig, 'databaseFile'>): string {
  return path.join(path.dirname(config.databaseFile), 'secret.key');
}

export function loadServerSecret(config: Pick<AppConfig, 'secret' | 'databaseFile'>): ServerSecret {
  if (config.secret) return { value: config.secret, file: undefined, drawn: false };
  const file = keyFileOf(config);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), file, drawn: false };
  mkdirSync(path.dirname(file), { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, file, drawn: true };
}

/**
 * Takes back a key this boot drew, when the boot is refused (the database was sealed with another
 * key): the data folder is left as it was found, where the kept `secret.key` is to be put back.
 */
export function dropDrawnSecret(secret: ServerSecret): void {
  if (secret.drawn && secret.file) rmSync(secret.file, { force: true });
}
