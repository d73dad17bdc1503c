#!/usr/bin/env node
// `npm start`: install + build when needed, then run the compiled server from the repository root
// (so `data/` resolves there), passing the environment through; PORT defaults to 3000. Signals are
// forwarded and the server's exit code becomes ours; the server stops with its launcher, even one
// killed by SIGKILL — npm included (launcher.mjs).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runFollowing } from './launcher.mjs';
import { root } from './pnpm.mjs';
import { SetupError, setup } from './setup.mjs';
import { useNode24 } from './runtime.mjs';

await useNode24({ followLauncher: true });

const entry = path.join(root, 'server/dist/src/main.js');
// The server's node flags (server/node-flags.json, see server/CONTEXT.md), the same in the benchmark.
const { flags } = JSON.parse(readFileSync(path.join(root, 'server/node-flags.json'), 'utf8'));

try {
  setup();
} catch (error) {
  console.error(`[start] ${error instanceof SetupError ? error.message : error}`);
  process.exit(1);
}
if (!existsSync(entry)) {
  console.error(`[start] ${path.relative(root, entry)} is missing after the build`);
  process.exit(1);
}
mkdirSync(path.join(root, 'data'), { recursive: true });

const env = { ...process.env, PORT: process.env.PORT || '3000' };
console.log(`[start] node ${flags.join(' ')} server/dist/src/main.js (PORT=${env.PORT})`);
await runFollowing(process.execPath, [...flags, entry], { cwd: root, env }, 'start');
