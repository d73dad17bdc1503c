// A real HAProxy in front of several server processes (Debian's `haproxy`): WebSocket first,
// round robin across the servers, a health check on /readyz every 200 ms (a process that drains
// answers 503: out of the rotation before it closes its sockets), and a cookie for the
// long-polling fallback (its requests must reach the process that holds the Engine.IO session).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './postgres.js';

export interface Balancer {
  url: string;
  /** Points the balancer at these servers (a graceful reload keeps open connections). */
  setServers(servers: string[]): Promise<void>;
  stop(): Promise<void>;
}

export function haproxyConfig(port: number, servers: string[]): string {
  const lines = servers.map((url, i) => {
    const { hostname, port: p } = new URL(url);
    return `  server s${i} ${hostname}:${p} check inter 200 fall 1 rise 1 cookie s${i}`;
  });
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    // A check slower than `inter` is not a failure (a busy machine, the database's `select 1`).
    '  timeout check 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  option redispatch',
    '  retries 2',
    'frontend ecoute',
    `  bind 127.0.0.1:${port}`,
    '  default_backend servers',
    'backend servers',
    '  balance roundrobin',
    // /readyz: 503 while a process boots (recovery) or drains (a rolling restart), so that it gets
    // no new connection then; one failed check takes it out (`fall 1`).
    '  option httpchk GET /readyz',
    '  cookie ECOUTE_SERVER insert indirect nocache',
    ...lines,
    '',
  ].join('\n');
}

export async function startBalancer(servers: string[], options: { port?: number } = {}): Promise<Balancer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  const port = options.port ?? (await freePort());
  const start = (previous?: ChildProcess): ChildProcess => {
    // -sf: the new process takes the port, the old one finishes its connections and exits.
    const args = ['-f', config, '-db', ...(previous?.pid ? ['-sf', String(previous.pid)] : [])];
    const child = spawn('haproxy', args, { stdio: 'ignore' });
    return child;
  };
  writeFileSync(config, haproxyConfig(port, servers));
  let child = start();
  const url = `http://127.0.0.1:${port}`;
  const ready = async (): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('haproxy did not answer');
  };
  await ready();
  return {
    url,
    async setServers(list) {
      writeFileSync(config, haproxyConfig(port, list));
      child = start(child);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await ready();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
