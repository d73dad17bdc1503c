// Issue 11, "Holding under abuse", measured from outside: the built server runs as its own process
// (production limits, a fresh SQLite file), the attackers in another process, and this one only
// samples GET /healthz one request after another and reads the server's memory from /proc. Each
// attack is bounded in count and time, on loopback; the figures are printed, nothing is asserted
// (the abuse tests hold the counts; this prints the latencies a person reads).
//
//   node scripts/run.mjs build && node server/bench/abuse.mjs   (Node 24: scripts/runtime.mjs)
//
// Say whether the machine was quiet: on 2 cores, every other busy process shows in the p99.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(here, '..', 'dist', 'src', 'main.js');
const PROTOCOL_VERSION = 2;
const SCENARIO = 'appel-entrainement';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- the attackers (child process)

/** A role client on one link, websocket only, no reconnection. */
function connect(url, origin, sessionId, token) {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin },
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId, token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const send = (socket, input) => socket.timeout(20_000).emitWithAck('session:input', input);
const tokenOf = (link) => decodeURIComponent(link.split('#k=')[1] ?? '');

async function createSession(ctx) {
  const response = await fetch(`${ctx.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: ctx.cookie, origin: ctx.origin },
    body: JSON.stringify({ scenarioId: SCENARIO }),
  });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  const created = await response.json();
  return { sessionId: created.sessionId, listener: tokenOf(created.links.listener), observer: tokenOf(created.links.observer) };
}

/** A session whose listener wrote `notes` private notes of `size` characters, within the limits. */
async function bigSession(ctx, notes, size) {
  const session = await createSession(ctx);
  const socket = await connect(ctx.url, ctx.origin, session.sessionId, session.listener);
  await send(socket, { kind: 'pickup' });
  for (let i = 0; i < notes; ) {
    const ack = await send(socket, { kind: 'note', text: `${i} ${'n'.repeat(size)}`, shared: false });
    if (ack.ok) i++;
    else await sleep(40);
  }
  socket.close();
  return session;
}

const ATTACKS = {
  /** 400 session creations by a signed-in trainer, 8 at a time. */
  async creation(ctx) {
    const counts = { created: 0, limited: 0, other: 0 };
    for (let i = 0; i < 400; i += 8) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`${ctx.url}/api/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: ctx.cookie, origin: ctx.origin },
            body: JSON.stringify({ scenarioId: SCENARIO }),
          }).then(
            async (r) => (await r.arrayBuffer(), r.status),
            () => 0,
          ),
        ),
      );
      for (const s of statuses) counts[s === 201 ? 'created' : s === 429 ? 'limited' : 'other']++;
    }
    return `400 POST /api/sessions → ${counts.created} created, ${counts.limited} refused 429, ${counts.other} other`;
  },

  /** 4 sockets ask for a 1.5 MB timeline 30 times each, as fast as the acks come back. */
  async sync(ctx) {
    const session = await bigSession(ctx, 600, 2500);
    ctx.ready();
    const sockets = await Promise.all(
      Array.from({ length: 4 }, () => connect(ctx.url, ctx.origin, session.sessionId, session.listener)),
    );
    let answered = 0;
    let refused = 0;
    let bytes = 0;
    await Promise.all(
      sockets.map(async (socket) => {
        for (let i = 0; i < 30; i++) {
          const ack = await socket.timeout(20_000).emitWithAck('session:sync', { after: 0 });
          bytes += JSON.stringify(ack).length;
          if (ack.ok) answered++;
          else refused++;
        }
      }),
    );
    for (const socket of sockets) socket.close();
    return `4×30 syncs of a 1.5 MB timeline → ${answered} answered, ${refused} refused, ${(bytes / 1e6).toFixed(1)} MB sent`;
  },

  /** 4 sockets stop reading and ask for the whole timeline 12 times each. */
  async slow(ctx) {
    const session = await bigSession(ctx, 600, 2500);
    ctx.ready();
    const sockets = await Promise.all(
      Array.from({ length: 4 }, () => connect(ctx.url, ctx.origin, session.sessionId, session.listener)),
    );
    let cut = 0;
    for (const socket of sockets) {
      socket.on('disconnect', () => cut++);
      socket.io.engine.transport.ws._socket.pause();
      for (let i = 0; i < 12; i++) socket.emit('session:sync', { after: 0 }, () => undefined);
    }
    await sleep(4000);
    for (const socket of sockets) {
      socket.io.engine.transport.ws._socket.resume();
      socket.close();
    }
    return `4 sockets × 12 syncs, not reading for 4 s (${cut} noticed a cut)`;
  },

  /** 50 sockets on one listener link write as fast as they are answered, for 5 s. */
  async sockets(ctx) {
    const session = await createSession(ctx);
    const sockets = await Promise.all(
      Array.from({ length: 50 }, () => connect(ctx.url, ctx.origin, session.sessionId, session.listener)),
    );
    await send(sockets[0], { kind: 'pickup' });
    ctx.ready();
    let accepted = 0;
    let limited = 0;
    const end = Date.now() + 5000;
    await Promise.all(
      sockets.map(async (socket, i) => {
        let n = 0;
        while (Date.now() < end) {
          const ack = await send(socket, { kind: 'say', text: `Bonjour ${i}-${n++}` });
          if (ack.ok) accepted++;
          else {
            limited++;
            await sleep(20);
          }
        }
      }),
    );
    for (const socket of sockets) socket.close();
    return `50 sockets on one link for 5 s → ${accepted} inputs accepted, ${limited} refused`;
  },

  /** 300 observer sockets join one session and leave, twice (presence storms). */
  async presence(ctx) {
    const session = await createSession(ctx);
    ctx.ready();
    let presence = 0;
    for (let round = 0; round < 2; round++) {
      const sockets = [];
      for (let i = 0; i < 300; i += 30) {
        const batch = await Promise.all(
          Array.from({ length: 30 }, () =>
            connect(ctx.url, ctx.origin, session.sessionId, session.observer).then(
              (socket) => (socket.onAny(() => presence++), socket),
              () => null,
            ),
          ),
        );
        sockets.push(...batch.filter(Boolean));
      }
      await sleep(500);
      for (const socket of sockets) socket.close();
      await sleep(500);
    }
    return `2 rounds of 300 observer sockets joining and leaving → ${presence} messages received in all`;
  },
};

async function attacker() {
  const [, , , name, url, origin, cookie] = process.argv;
  const ctx = { url, origin, cookie, ready: () => process.send({ ready: true }) };
  process.once('disconnect', () => process.exit(1));
  const summary = await ATTACKS[name](ctx);
  process.send({ summary });
  process.exit(0);
}

// ---------------------------------------------------------------- the probe (this process)

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** GET /healthz one after another until stopped; also the server's peak RSS meanwhile. */
function sample(url, pid) {
  const times = [];
  let peak = 0;
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      const started = performance.now();
      const ok = await fetch(`${url}/healthz`).then(
        async (r) => (await r.arrayBuffer(), r.ok),
        () => false,
      );
      times.push(ok ? performance.now() - started : Infinity);
      peak = Math.max(peak, rssMB(pid));
      await sleep(10);
    }
  })();
  return async () => {
    stopped = true;
    await running;
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1), peak };
  };
}

async function startServer(dir) {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ECOUTE_DATABASE_FILE: path.join(dir, 'abuse.sqlite'),
      ECOUTE_IDLE_UNLOAD_MS: '2000',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data) => {
      out += String(data);
      if (out.includes('\n')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const port = /http:\/\/localhost:(\d+)/.exec(line)?.[1];
  const setup = /#k=([^\s]+)/.exec(line)?.[1];
  if (!port || !setup) throw new Error(`unexpected start line: ${line}`);
  const url = `http://127.0.0.1:${port}`;
  const origin = url;
  const response = await fetch(`${url}/api/account/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      token: decodeURIComponent(setup),
      name: 'Banc Essai',
      email: 'banc@example.org',
      password: 'un mot de passe assez long',
      organizationName: 'Banc',
    }),
  });
  if (response.status !== 201) throw new Error(`setup: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { child, url, origin, cookie };
}

function runAttack(name, server) {
  const child = fork(fileURLToPath(import.meta.url), ['attack', name, server.url, server.origin, server.cookie], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let resolveReady;
  const ready = new Promise((resolve) => (resolveReady = resolve));
  const done = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.ready) resolveReady();
      if (message.summary) resolve(message.summary);
    });
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${name}: exit ${code}`))));
  });
  // Attacks without a preparation are ready at once.
  if (!['sync', 'slow', 'sockets', 'presence'].includes(name)) resolveReady();
  return { ready, done };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-abuse-'));
  const server = await startServer(dir);
  const pid = server.child.pid;
  const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'no answer');
  const row = (name, h, detail) =>
    console.log(`  ${name.padEnd(9)} p50 ${fmt(h.p50)}, p99 ${fmt(h.p99)}, max ${fmt(h.max)} (${h.n} samples) — ${detail}`);
  // The server goes down with this process, whatever ends it.
  const stopServer = () => server.child.kill('SIGTERM');
  process.once('SIGINT', () => (stopServer(), process.exit(130)));
  process.once('SIGTERM', () => (stopServer(), process.exit(143)));
  console.log(`GET /healthz from a third process while each attack runs (Node ${process.version}):`);
  try {
    const idleStop = sample(server.url, pid);
    await sleep(3000);
    row('(idle)', await idleStop(), `RSS ${rssMB(pid).toFixed(0)} MB`);
    for (const name of Object.keys(ATTACKS)) {
      const before = rssMB(pid);
      const attack = runAttack(name, server);
      await attack.ready;
      const stop = sample(server.url, pid);
      const summary = await attack.done;
      const h = await stop();
      await sleep(2500); // idle unload, sockets closed
      row(name, h, `${summary}; RSS ${before.toFixed(0)} → peak ${h.peak.toFixed(0)} → ${rssMB(pid).toFixed(0)} MB`);
    }
  } finally {
    stopServer();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'attack') await attacker();
else await main();
