#!/usr/bin/env node
// `npm run backup -- FILE`: a consistent copy of the SQLite database, safe while the server runs
// (SQLite's online backup; server/src/database/backup.ts). Builds when needed, like `npm start`,
// and runs under Node 24; the environment chooses the database as for the server
// (ECOUTE_DATABASE_FILE, ECOUTE_DATA_DIR, default data/ecoute.sqlite).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './pnpm.mjs';
import { SetupError, setup } from './setup.mjs';
import { useNode24 } from './runtime.mjs';

await useNode24();

const file = process.argv[2];
if (!file) {
  console.error('Usage : npm run backup -- FICHIER');
  process.exit(2);
}
try {
  setup();
} catch (error) {
  console.error(`[backup] ${error instanceof SetupError ? error.message : error}`);
  process.exit(1);
}
const entry = path.join(root, 'server/dist/src/database/backup-main.js');
// The file is named from where the command was typed; the database from the repository root.
const child = spawn(process.execPath, [entry, path.resolve(process.env.INIT_CWD ?? process.cwd(), file)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
