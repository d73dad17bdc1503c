// `npm run backup -- FILE` (scripts/backup.mjs runs this under Node 24): copies the server's
// SQLite database (the same ECOUTE_DATABASE_FILE / ECOUTE_DATA_DIR as the server) to FILE while
// the server may run. Restoring is described in the README.
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
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError || error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
