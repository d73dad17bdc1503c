// The data folder (the SQLite file's, where `secret.key` is kept too) is checked once at boot,
// before anything opens it: it must exist or be creatable, and be writable by the server's user.
// A wrong ECOUTE_DATA_DIR then stops the boot with a sentence naming the variable and what to fix
// (a ConfigError), not a stack trace from SQLite or the key file — nor a hang: Node's recursive
// mkdir never returns under /proc (it spins on ENOENT), so the missing levels are made one by one.
import { accessSync, constants, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { ConfigError } from './env.js';
import type { AppConfig } from './env.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission refusée',
  EPERM: 'opération interdite',
  EROFS: 'système de fichiers en lecture seule',
  ENOSPC: 'disque plein',
  ENOENT: 'chemin introuvable',
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  EEXIST: 'existe déjà',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'inconnu';
  const words = REASONS[code];
  return words ? `${code} : ${words}` : code;
}

function serverUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '?');
  }
}

/**
 * Makes sure the folder of `config.databaseFile` exists and is writable (and the database file
 * and key file in it, when present, usable); throws a ConfigError naming the variable otherwise.
 * Nothing to check on PostgreSQL with ECOUTE_SECRET set: the server then writes no file.
 */
export function prepareDataFolder(
  config: Pick<AppConfig, 'databaseFile' | 'databaseUrl' | 'secret'>,
  env: Record<string, string | undefined>,
): void {
  const usesFile = config.databaseUrl === undefined;
  if (!usesFile && config.secret !== undefined) return;
  const folder = path.dirname(config.databaseFile);
  const variable =
    usesFile && env.ECOUTE_DATABASE_FILE !== undefined
      ? `ECOUTE_DATABASE_FILE=${env.ECOUTE_DATABASE_FILE}`
      : env.ECOUTE_DATA_DIR !== undefined
        ? `ECOUTE_DATA_DIR=${env.ECOUTE_DATA_DIR}`
        : 'ECOUTE_DATA_DIR (non fixée)';
  const fix = `choisissez un dossier où l'utilisateur du serveur (${serverUser()}) peut écrire`;
  const refuse = (problem: string): never => {
    throw new ConfigError([`${variable} : ${problem} ; ${fix}`]);
  };

  // The nearest existing ancestor, and the levels to create below it.
  const missing: string[] = [];
  let existing = folder;
  for (;;) {
    try {
      if (!statSync(existing).isDirectory()) refuse(`${existing} n'est pas un dossier`);
      break;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') refuse(`${existing} est inaccessible (${reason(error)})`);
      const parent = path.dirname(existing);
      if (parent === existing) refuse(`${existing} est introuvable`);
      missing.unshift(existing);
      existing = parent;
    }
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      refuse(`impossible de créer le dossier ${level} (${reason(error)})`);
    }
  }

  const probe = path.join(folder, `.ecoute-ecriture-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
  } catch (error) {
    refuse(`le dossier ${folder} n'est pas accessible en écriture (${reason(error)})`);
  }
  const present = (file: string): boolean => {
    try {
      statSync(file);
      return true;
    } catch {
      return false;
    }
  };
  if (usesFile && present(config.databaseFile)) {
    try {
      accessSync(config.databaseFile, constants.R_OK | constants.W_OK);
    } catch (error) {
      refuse(`la base ${config.databaseFile} n'est pas accessible en écriture (${reason(error)})`);
    }
  }
  const keyFile = path.join(folder, 'secret.key');
  if (config.secret === undefined && present(keyFile)) {
    try {
      accessSync(keyFile, constants.R_OK);
    } catch (error) {
      refuse(`la clé ${keyFile} n'est pas lisible (${reason(error)})`);
    }
  }
}
