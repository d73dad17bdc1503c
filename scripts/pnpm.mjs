#!/usr/bin/env node
// Runs pnpm 12 the same way on this machine, in CI and on a fresh machine: the global `pnpm` when it
// is 12.x, else `npx -y pnpm@12.4.2` (corepack is not usable here). Usable as a module or a CLI:
//   node scripts/pnpm.mjs install --frozen-lockfile
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { runtimeEnv } from './runtime.mjs';

export const PNPM_VERSION = '12.4.2';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Environment for anything that may compile native modules (better-sqlite3 via node-gyp): the
 * running node first on PATH and its own headers as `nodedir` (pnpm does not pass npm's setting
 * through, and without it node-gyp downloads headers: no internet). See runtime.mjs.
 */
export function buildEnv(env = process.env) {
  return runtimeEnv(process.execPath, env);
}

let cached;
/** `{ command, args }` to start pnpm 12: the global one when its major version is 12. */
export function pnpmCommand() {
  if (cached) return cached;
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const version = probe.status === 0 ? probe.stdout.trim() : '';
  cached = version.startsWith('12.')
    ? { command: 'pnpm', args: [] }
    : { command: 'npx', args: ['-y', `pnpm@${PNPM_VERSION}`] };
  return cached;
}

/** Runs pnpm with `args` in the workspace root, output inherited; returns the exit status. */
export function runPnpm(args, options = {}) {
  const { command, args: prefix } = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: buildEnv(options.env ?? process.env),
  });
  if (result.error) {
    console.error(`pnpm: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { useNode24 } = await import('./runtime.mjs');
  await useNode24();
  process.exit(runPnpm(process.argv.slice(2)));
}
