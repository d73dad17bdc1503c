// Debian packages the test suites need (browser end-to-end, PostgreSQL, Redis and HAProxy suites), each with
// the binary that proves it is present. Installed with apt-get when running as root; otherwise the
// caller is told the one command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

function postgresServerPresent() {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/postgres`),
    );
  } catch {
    return false;
  }
}

export const systemPackages = [
  {
    name: 'chromium',
    proof: 'chromium',
    present: () => onPath('chromium') || existsSync('/usr/bin/chromium'),
  },
  { name: 'postgresql', proof: '/usr/lib/postgresql/*/bin/postgres', present: postgresServerPresent },
  {
    name: 'redis-server',
    proof: 'redis-server',
    present: () => onPath('redis-server') || existsSync('/usr/bin/redis-server'),
  },
  // The load balancer of the several-process tests and `npm run cluster` (issue 15).
  {
    name: 'haproxy',
    proof: 'haproxy',
    present: () => onPath('haproxy') || existsSync('/usr/sbin/haproxy'),
  },
];

export function missingSystemPackages(required = systemPackages) {
  return required.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
}

/** Ensures the Debian packages are installed. Returns true when they all are, false otherwise. */
export function ensureSystemPackages(required = systemPackages) {
  const missing = missingSystemPackages(required);
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(`Missing system packages: ${missing.join(', ')}. Install them with:`);
    console.error(`  sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`[system] installing ${missing.join(', ')} from Debian (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt/dpkg run (unattended upgrades, a parallel job) holds the lock: wait for it (10 min).
  const apt = (args) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: 'inherit', env }).status === 0;
  if (!apt(['update']) || !apt(['install', '-y', ...missing])) {
    console.error(`[system] apt-get failed; run: apt-get update && apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  const still = missingSystemPackages(required);
  if (still.length > 0) {
    console.error(`[system] still missing after apt-get: ${still.join(', ')}`);
    return false;
  }
  return true;
}
