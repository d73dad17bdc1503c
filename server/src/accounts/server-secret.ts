// The server's secret: ECOUTE_SECRET, or one drawn at first boot and kept in `secret.key` beside
// the SQLite file (readable by the server's user only), so that cookies and sealed role links
// survive a restart. Several processes on one PostgreSQL database must share ECOUTE_SECRET.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/env.js';

export function loadServerSecret(config: Pick<AppConfig, 'secret' | 'databaseFile'>): string {
  if (config.secret) return config.secret;
  const file = path.join(path.dirname(config.databaseFile), 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
