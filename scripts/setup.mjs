#!/usr/bin/env node
// Brings the workspace to a runnable state: installs dependencies when the lockfile or a package.json
// changed since the last install, compiles the TypeScript projects (`tsc -b` is incremental) and
// builds the client when its sources are newer than `client/dist`. Shared by start, test and run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildEnv, root, runPnpm } from './pnpm.mjs';

/** Workspace package folders, as listed in pnpm-workspace.yaml. */
export const workspaceDirs = [
  'packages/engine',
  'packages/protocol',
  'server',
  'client',
  'scenarios',
  'test',
];
/** Projects compiled for the server to run (in dependency order; `tsc -b` follows references anyway). */
export const buildProjects = ['packages/engine', 'packages/protocol', 'server'];
/** Every TypeScript project, for the typecheck. */
export const typecheckProjects = [...buildProjects, 'client', 'scenarios', 'test'];

const abs = (p) => path.join(root, p);

export class SetupError extends Error {}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time below `dir` (files only), skipping build output and dependencies. */
function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return mtime(dir);
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtime(full));
  }
  return newest;
}

function log(message) {
  console.log(`[setup] ${message}`);
}

export function installIsStale() {
  const marker = abs('node_modules/.modules.yaml');
  if (!existsSync(marker)) return true;
  const installed = mtime(marker);
  const inputs = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', '.npmrc'].map(abs);
  for (const dir of workspaceDirs) inputs.push(abs(`${dir}/package.json`));
  if (inputs.some((file) => mtime(file) > installed)) return true;
  // The native SQLite binding (Node-API, so one build serves every node ≥ 22): shipped prebuilt for
  // the common platforms, else compiled at install; a killed first install can leave it missing.
  const sqlite = abs('server/node_modules/better-sqlite3');
  const binding = ['build/Release/better_sqlite3.node', `prebuilds/${process.platform}-${process.arch}.node`];
  return existsSync(sqlite) && !binding.some((file) => existsSync(path.join(sqlite, file)));
}

export function ensureInstalled() {
  if (!installIsStale()) return;
  log(
    'installing dependencies (pnpm install --frozen-lockfile; the first time compiles better-sqlite3, ~2 min)',
  );
  const status = runPnpm(['install', '--frozen-lockfile'], {
    env: { ...process.env, CI: process.env.CI ?? 'true' },
  });
  if (status !== 0) throw new SetupError(`pnpm install failed (exit ${status})`);
  const marker = abs('node_modules/.modules.yaml');
  // pnpm may leave the marker untouched when nothing changed; stamp it so the next run is fast.
  if (existsSync(marker)) {
    const now = new Date();
    utimesSync(marker, now, now);
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: buildEnv(), ...options });
  if (result.error) throw new SetupError(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/** `tsc -b` over the given projects that exist (have a tsconfig.json) yet. */
export function tscBuild(projects) {
  const present = projects.filter((dir) => existsSync(abs(`${dir}/tsconfig.json`)));
  if (present.length === 0) return;
  log(`tsc -b ${present.join(' ')}`);
  const status = run(process.execPath, [abs('node_modules/typescript/bin/tsc'), '-b', ...present]);
  if (status !== 0) throw new SetupError(`TypeScript errors (tsc -b ${present.join(' ')})`);
}

function clientIsStale() {
  const built = mtime(abs('client/dist/index.html'));
  if (built === 0) return true;
  const sources = [
    'client/src',
    'client/public',
    'client/index.html',
    'client/package.json',
    'packages/engine/src',
    'packages/protocol/src',
  ].map((p) => newestIn(abs(p)));
  const configs = readdirSync(abs('client'))
    .filter((name) => /^(vite\.config\..*|tsconfig.*\.json)$/.test(name))
    .map((name) => mtime(abs(`client/${name}`)));
  return Math.max(...sources, ...configs) > built;
}

export function buildClient({ force = false } = {}) {
  if (!existsSync(abs('client/index.html'))) {
    log('client/index.html not there yet: client build skipped');
    return;
  }
  if (!force && !clientIsStale()) return;
  log('vite build (client)');
  const vite = abs('client/node_modules/vite/bin/vite.js');
  const status = run(process.execPath, [vite, 'build'], { cwd: abs('client') });
  if (status !== 0) throw new SetupError(`client build failed (exit ${status})`);
}

/**
 * Install, then build. `typecheck: true` also type-checks the projects that are not built for
 * running (client, scenarios, test), so a type error anywhere fails the caller.
 */
export function setup({ typecheck = false } = {}) {
  ensureInstalled();
  tscBuild(typecheck ? typecheckProjects : buildProjects);
  buildClient();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { useNode24 } = await import('./runtime.mjs');
  await useNode24();
  try {
    setup({ typecheck: process.argv.includes('--typecheck') });
  } catch (error) {
    console.error(`[setup] ${error instanceof SetupError ? error.message : error}`);
    process.exit(1);
  }
}
