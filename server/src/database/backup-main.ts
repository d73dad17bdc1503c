// `npm run backup -- FILE` (scripts/backup.mjs runs this under Node 24): copies the server's
// SQLite database (the same ECOUTE_DATABASE_FILE / ECOUTE_DATA_DIR as the server) to FILE while
// the server may run. Restoring is described in the README.
import path from 'node:path';
import { ConfigError, parseEnv } from '../config/env.js';
import { BackupError, backupSqlite } from './backup.js';

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage : npm run backup -- FICHIER');
    return 2;
  }
  const config = parseEnv(process.env);
  if (config.databaseUrl) {
    console.error('DATABASE_URL désigne PostgreSQL : sauvegardez-le avec pg_dump.');
    return 2;
  }
  const result = await backupSqlite(config.databaseFile, target);
  console.log(
    `Sauvegarde écrite : ${result.file} (${(result.bytes / 1024).toFixed(0)} Ko, ${result.sessions} séance(s), ${result.timelineEntries} entrée(s) de chronologie) depuis ${config.databaseFile}`,
  );
  // The base holds what the server's secret seals (the links kept for trainers, the badge and LTI
  // keys): restored under another secret, the server refuses to start (accounts/server-key-check.ts)
  // unless told to forget them. The secret is not copied into the backup (it would sit beside what
  // it protects): the operator is told.
  const lost =
    'sans elle, le serveur restauré refuse de démarrer, ou démarre avec ECOUTE_FORGET_SEALED=1 en perdant les liens gardés pour les formateur·rices, les clés des badges et de LTI';
  console.log(
    config.secret === undefined
      ? `À garder avec la sauvegarde : la clé du serveur ${path.join(path.dirname(config.databaseFile), 'secret.key')}, à remettre à côté de la base en restaurant (${lost}).`
      : `À garder avec la sauvegarde : la valeur de ECOUTE_SECRET, à redonner au serveur restauré (${lost}).`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError || error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
