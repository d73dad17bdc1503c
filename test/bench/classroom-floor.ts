// The classroom's floor under load, on loopback: 30 calls of one class played at once by 30
// listener sockets (the machine plays each caller), the trainer's floor open in a real Chromium.
// Not a test: it prints the figures.
//
//   npx tsc -b test && node test/dist/bench/classroom-floor.js [--calls=30] [--seconds=20] [--rate=0.5]
//
// Two phases of the same traffic (each listener says a sentence every 1/rate s): first without the
// floor, then with it open. Printed: inputs acked, the server's CPU time per input in each phase
// (utime + stime from /proc, so the floor's cost shows as the difference), the floor's messages
// and tiles per second as the page received them, and the floor page's paint time — from a
// `floor:tiles` frame arriving on the page's WebSocket to the frame painted after the render
// (rAF, then a task) — p50/p95/max. The machine is shared (2 cores, other work running): the
// figures vary from run to run; read them as orders of magnitude.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@ecoute/protocol';
import type { ClassJoined, ClassSummary, RoundLaunched } from '@ecoute/protocol';
import { signInContext, signedInTrainer } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess } from '../support/server-process.js';
import { ms, percentile } from './stats.js';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CALLS = arg('calls', 30);
const SECONDS = arg('seconds', 20);
const RATE = arg('rate', 0.5);
const SCENARIO = 'appel-entrainement';

function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function post<T>(url: string, headers: Record<string, string>, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function connect(url: string, link: string): Promise<Socket> {
  const sessionId = link.split('/')[2]?.split('#')[0] ?? '';
  const token = decodeURIComponent(link.split('#k=')[1] ?? '');
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { sessionId, token, protocolVersion: PROTOCOL_VERSION },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Each listener says a sentence every 1/RATE s, staggered; resolves with the inputs acked. */
async function play(listeners: Socket[], seconds: number): Promise<number> {
  let acked = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    listeners.map(async (socket, index) => {
      await new Promise((r) => setTimeout(r, (index / listeners.length) * (1000 / RATE)));
      let n = 0;
      while (Date.now() < end) {
        const ack = (await socket
          .timeout(10_000)
          .emitWithAck('session:input', { kind: 'say', text: `Je vous écoute (${index}.${n++}).` })
          .catch(() => ({ ok: false }))) as { ok: boolean };
        if (ack.ok) acked++;
        await new Promise((r) => setTimeout(r, 1000 / RATE));
      }
    }),
  );
  return acked;
}

/** In the floor page: each `floor:tiles` frame's arrival, and its paint after the render. */
const INSTRUMENT = `(() => {
  const Native = window.WebSocket;
  window.__floor = { arrivals: [], paints: [], tiles: 0 };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('"floor:tiles"')) return;
        const t0 = performance.now();
        window.__floor.arrivals.push(t0);
        window.__floor.tiles += (event.data.match(/"sessionId"/g) || []).length;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__floor.paints.push(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      });
    }
  };
})();`;

interface FloorFigures {
  arrivals: number[];
  paints: number[];
  tiles: number;
}

async function main(): Promise<void> {
  const server = await startServerProcess({
    ECOUTE_CREATE_PER_MINUTE: '0',
    ECOUTE_ADDRESS_MESSAGES_PER_SECOND: '0',
  });
  const browser = await launchChromium();
  const sockets: Socket[] = [];
  try {
    const trainer = await signedInTrainer(server);
    const created = await post<ClassSummary>(`${server.url}/api/classes`, trainer, {
      name: 'Banc d’essai',
      scenarioIds: [SCENARIO],
    });
    const learners: ClassJoined[] = [];
    for (let i = 0; i < CALLS; i++)
      learners.push(
        await post<ClassJoined>(
          `${server.url}/api/class-join`,
          { origin: server.url },
          {
            code: created.code,
            pseudonym: `Apprenant·e ${i + 1}`,
          },
        ),
      );
    const launched = await post<RoundLaunched>(
      `${server.url}/api/classes/${created.classId}/rounds`,
      trainer,
      {
        scenarioId: SCENARIO,
        groups: learners.map((l) => ({ listener: l.learnerId, callerActor: null, observers: [] })),
      },
    );
    const links = await Promise.all(
      launched.calls.map(async (call) => {
        const response = await fetch(`${server.url}/api/sessions/${call.sessionId}/links`, {
          headers: trainer,
        });
        return ((await response.json()) as { links: Record<string, string> }).links.listener ?? '';
      }),
    );
    for (const link of links) {
      const socket = await connect(server.url, link);
      sockets.push(socket);
      await socket.emitWithAck('session:input', { kind: 'join', name: 'Écoutant·e' });
      await socket.emitWithAck('session:input', { kind: 'pickup' });
    }

    // Phase 1: the same traffic, no floor open.
    let cpu = cpuMs(server.pid);
    const withoutFloor = await play(sockets, SECONDS);
    const cpuWithout = cpuMs(server.pid) - cpu;

    // Phase 2: the floor open in Chromium (1366×768).
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    await signInContext(context, server);
    const page: Page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto(`${server.url}/classes/${created.classId}`);
    await page.getByRole('tab', { name: 'Plateau' }).click();
    await page
      .getByRole('article')
      .nth(CALLS - 1)
      .waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const floor = (window as unknown as { __floor: FloorFigures }).__floor;
      floor.arrivals.length = 0;
      floor.paints.length = 0;
      floor.tiles = 0;
    });
    cpu = cpuMs(server.pid);
    const started = Date.now();
    const withFloor = await play(sockets, SECONDS);
    const elapsed = (Date.now() - started) / 1000;
    const cpuWith = cpuMs(server.pid) - cpu;
    const figures = await page.evaluate(() => (window as unknown as { __floor: FloorFigures }).__floor);
    const sorted = [...figures.paints].sort((a, b) => a - b);
    const paints = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };

    console.log(
      `classroom floor, ${CALLS} calls on loopback, ${RATE} sentence/s per listener, ${SECONDS} s per phase`,
    );
    console.log('  (a shared 2-core machine with other work running: figures vary from run to run)');
    console.log(
      `  without the floor: ${withoutFloor} inputs acked, server CPU ${cpuWithout.toFixed(0)} ms = ${(cpuWithout / withoutFloor).toFixed(2)} ms per input`,
    );
    console.log(
      `  with the floor:    ${withFloor} inputs acked, server CPU ${cpuWith.toFixed(0)} ms = ${(cpuWith / withFloor).toFixed(2)} ms per input`,
    );
    console.log(
      `  floor updates: ${figures.arrivals.length} messages in ${elapsed.toFixed(1)} s = ${(figures.arrivals.length / elapsed).toFixed(2)} per second, ${(figures.tiles / Math.max(1, figures.arrivals.length)).toFixed(1)} tiles per message`,
    );
    console.log(
      `  floor page paint time (frame arrival → painted): p50 ${ms(paints.p50)}, p95 ${ms(paints.p95)}, max ${ms(paints.max)} (${figures.paints.length} frames)`,
    );
    await context.close();
  } finally {
    for (const socket of sockets) socket.close();
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
