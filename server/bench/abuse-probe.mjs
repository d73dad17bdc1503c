// Issue 11, items 7, 8 and 10 seen from outside: `node server/bench/abuse-probe.mjs <server/dist/src/main.js>`
// starts that build on port 0 with a fresh database and prints its headers and answers (run it on
// a build of main and on this one to compare).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
const entry = process.argv[2];
const dir = mkdtempSync(path.join(tmpdir(), 'probe-'));
const child = spawn(process.execPath, [entry], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    ECOUTE_DATABASE_FILE: path.join(dir, 'p.sqlite'),
    ECOUTE_ADMIN_TOKEN: 'a'.repeat(20),
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) =>
  child.stdout.on('data', (d) => {
    const m = /http:\/\/localhost:(\d+)/.exec(String(d));
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  }),
);
const show = async (label, r) => console.log(`${label}: ${r.status} ${(await r.text()).slice(0, 90)}`);
const h = await fetch(`${url}/`);
console.log(
  `GET / headers: csp=${h.headers.get('content-security-policy')?.slice(0, 60) ?? 'none'}… nosniff=${h.headers.get('x-content-type-options')} x-powered-by=${h.headers.get('x-powered-by')} x-frame-options=${h.headers.get('x-frame-options')}`,
);
await show(
  'POST /api/sessions as an HTML form',
  await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'scenarioId=appel-entrainement',
  }),
);
await show(
  'POST /api/sessions JSON from Origin https://evil.example',
  await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: '{"scenarioId":"appel-entrainement"}',
  }),
);
const created = await (
  await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"scenarioId":"appel-entrainement"}',
  })
).json();
const trainer = decodeURIComponent(created.links.trainer.split('#k=')[1]);
const xapi = await new Promise((resolve) =>
  request(
    {
      host: '127.0.0.1',
      port: new URL(url).port,
      path: `/api/sessions/${created.sessionId}/export/xapi`,
      headers: { host: 'evil.example', authorization: `Bearer ${trainer}` },
    },
    (res) => {
      let t = '';
      res.on('data', (c) => (t += c));
      res.on('end', () => resolve(t));
    },
  ).end(),
);
console.log(`xAPI export with Host: evil.example → ids on evil.example: ${xapi.includes('evil.example')}`);
for (const q of ['from=2024-13-45', 'to=2024-13-45', 'to=2024-02-31'])
  await show(
    `GET /api/sessions?${q}`,
    await fetch(`${url}/api/sessions?${q}`, { headers: { authorization: `Bearer ${'a'.repeat(20)}` } }),
  );
await show(
  'GET debrief, unknown session, a real token',
  await fetch(`${url}/api/sessions/nope/debrief`, { headers: { authorization: `Bearer ${trainer}` } }),
);
await show(
  'GET debrief, real session, wrong token',
  await fetch(`${url}/api/sessions/${created.sessionId}/debrief`, {
    headers: { authorization: `Bearer ${'x'.repeat(43)}` },
  }),
);
child.kill('SIGTERM');
