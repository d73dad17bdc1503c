// Headers and origins (issue 11, item 7): security headers on every answer, JSON-only bodies on
// the API's state-changing routes, and the `Origin` checked by REST and Socket.IO against
// ECOUTE_PUBLIC_URL (or, without it, the page's own origin and localhost).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { ManualScheduler } from '@ecoute/engine';
import { PROTOCOL_VERSION } from '@ecoute/protocol';
import { createSession, startServer, trainerOf } from './utils.js';
import type { TestServer } from './utils.js';

function post(url: string, headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(`${url}/api/sessions`, { method: 'POST', headers, body });
}

const json = { 'content-type': 'application/json' };
const body = JSON.stringify({ scenarioId: 'appel-entrainement' });

/** The handshake's answer with this `Origin`: 'connected' or the refusal's message. */
function handshake(url: string, auth: object, origin: string): Promise<string> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin },
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe('headers and origins, without ECOUTE_PUBLIC_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends a CSP without inline scripts that forbids framing, nosniff, and no X-Powered-By', async () => {
    for (const target of ['/api/health', '/', '/ecoute/x', '/listener/x', '/debrief/x']) {
      const response = await fetch(`${server.url}${target}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('serves a built client that needs no inline script', () => {
    const index = path.join(server.config.clientDir, 'index.html');
    if (!existsSync(index)) return; // the client is not built: nothing served to check
    const html = readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toContain('src=');
      expect(content?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("serves a debrief link's page with its hints, as files of this origin and no inline script", async () => {
    if (!existsSync(path.join(server.config.clientDir, '.vite', 'manifest.json'))) return; // not built
    const html = await (await fetch(`${server.url}/debrief/x`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    // The debrief's own entry (not the whole app's) and, before it, the small script that starts
    // the debrief's request.
    expect(scripts.length).toBe(2);
    expect(scripts[0]?.[1]).toMatch(/\basync\b.*src="\/assets\/debriefPrefetch-[\w-]+\.js"/);
    expect(scripts[1]?.[1]).toMatch(/src="\/assets\/debrief-[\w-]+\.js"/);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/assets\/[\w.-]+\.js"/);
      expect(content?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\/assets\/index-/);
    // Its chunks come with it (Vite's preloads), every one a file of this origin.
    const links = [...html.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]);
    expect(links.some((href) => /^\/assets\/DebriefPage-[\w-]+\.js$/.test(href ?? ''))).toBe(true);
    for (const href of links) expect(href).toMatch(/^\/assets\/[\w.-]+\.(js|css)$/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // Any other page: the plain file.
    expect(await (await fetch(`${server.url}/animation/x`)).text()).not.toContain('debriefPrefetch');
  });

  it('accepts JSON bodies only on state-changing routes: a form post is 415', async () => {
    const form = await post(
      server.url,
      { 'content-type': 'application/x-www-form-urlencoded' },
      'scenarioId=appel-entrainement',
    );
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ ok: false, code: 'input/invalid' });
    expect((await post(server.url, { 'content-type': 'text/plain' }, body)).status).toBe(415);
    const { cookie } = await trainerOf(server);
    expect((await post(server.url, { ...json, cookie, origin: server.url }, body)).status).toBe(201);
  });

  it("refuses a state-changing request from another site's page (403 auth/forbidden_origin)", async () => {
    const evil = await post(server.url, { ...json, origin: 'https://evil.example' }, body);
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ ok: false, code: 'auth/forbidden_origin' });
    expect((await post(server.url, { ...json, origin: 'null' }, body)).status).toBe(403);
    // The page's own origin is fine. Another localhost page passes the request guard (npm start
    // serves http://localhost:3000) but a write under the trainer's cookie must come from the
    // page the browser is on (the Host it asked): refused by the CSRF check.
    const { cookie } = await trainerOf(server);
    expect((await post(server.url, { ...json, cookie, origin: server.url }, body)).status).toBe(201);
    const other = await post(server.url, { ...json, cookie, origin: 'http://localhost:3000' }, body);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: 'auth/csrf' });
  });

  it("refuses a socket from another site's page at the handshake", async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const auth = { sessionId: session.sessionId, token: session.tokens.listener };
    expect(await handshake(server.url, auth, 'https://evil.example')).toBe('auth/forbidden_origin');
    expect(await handshake(server.url, auth, server.url)).toBe('connected');
  });
});

describe('headers and origins, with ECOUTE_PUBLIC_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      scheduler: new ManualScheduler(),
      env: { ECOUTE_PUBLIC_URL: 'https://ecoute.example.org' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts that origin only, on REST and on sockets', async () => {
    const { cookie } = await trainerOf(server);
    expect(
      (await post(server.url, { ...json, cookie, origin: 'https://ecoute.example.org' }, body)).status,
    ).toBe(201);
    expect((await post(server.url, { ...json, origin: 'http://localhost:3000' }, body)).status).toBe(403);
    const session = await createSession(server.url, 'appel-entrainement');
    const auth = { sessionId: session.sessionId, token: session.tokens.listener };
    expect(await handshake(server.url, auth, 'http://localhost:3000')).toBe('auth/forbidden_origin');
    expect(await handshake(server.url, auth, 'https://ecoute.example.org')).toBe('connected');
  });
});
