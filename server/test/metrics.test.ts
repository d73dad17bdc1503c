// Prometheus metrics on the real app (port 0, a real SQLite file, real socket.io clients): off by
// default, behind a bearer token when one is set; the figures follow what happened — inputs by
// kind and role, refusals by code, sockets per role, live sessions, ack and append latencies,
// WAL syncs, recovery, and prom-client's process metrics (event loop, GC, CPU, heap).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { PROTOCOL_VERSION } from '@ecoute/protocol';
import { Scrape } from '@ecoute/test/support/prometheus.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const TOKEN = 'metrics-token-0123456789';

describe('/metrics', () => {
  it('is off by default', async () => {
    const server = await startServer();
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 30_000);

  describe('behind a token', () => {
    const scheduler = new ManualScheduler();
    let server: TestServer;
    const scrape = async (): Promise<Scrape> => {
      const response = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      return Scrape.parse(await response.text());
    };

    beforeAll(async () => {
      server = await startServer({ scheduler, env: { ECOUTE_METRICS_TOKEN: TOKEN } });
    }, 30_000);
    afterAll(async () => {
      await server.close();
    });

    it('refuses a scrape without the token or with another', async () => {
      const none = await fetch(`${server.url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const refusal = (await none.json()) as { ok: boolean; code: string; message: string };
      expect(refusal).toMatchObject({ ok: false, code: 'auth/invalid_token' });
      // Which header to send, for whoever sets up the scraper.
      expect(refusal.message).toContain('Authorization: Bearer <ECOUTE_METRICS_TOKEN>');
      const wrong = await fetch(`${server.url}/metrics`, {
        headers: { authorization: 'Bearer not-the-token' },
      });
      expect(wrong.status).toBe(401);
      // Not « required » when one was sent: refused, and against what.
      expect(((await wrong.json()) as { message: string }).message).toMatch(/refusé.*ECOUTE_METRICS_TOKEN/);
    });

    it('counts what happens in a call', async () => {
      const before = await scrape();
      expect(before.value('ecoute_live_sessions')).toBe(0);
      expect(before.value('ecoute_recovery_duration_seconds')).toBeGreaterThanOrEqual(0);
      expect(before.value('ecoute_recovery_pending_sessions')).toBe(0);

      const session = await createSession(server.url, 'appel-entrainement');
      const listener = await RoleClient.connect(server.url, {
        sessionId: session.sessionId,
        token: session.tokens.listener,
      });
      const trainer = await RoleClient.connect(server.url, {
        sessionId: session.sessionId,
        token: session.tokens.trainer,
      });
      await expect(
        RoleClient.connect(server.url, {
          sessionId: session.sessionId,
          token: 'not-a-token',
          protocolVersion: PROTOCOL_VERSION,
        }),
      ).rejects.toThrow('auth/invalid_token');
      const accepted = [
        await listener.send({ kind: 'join', name: 'Camille' }),
        await trainer.send({ kind: 'join', name: 'Dominique' }),
        await listener.send({ kind: 'pickup' }),
        await listener.send({ kind: 'say', text: 'Bonjour, je vous écoute.' }),
      ];
      expect(accepted.every((a) => a.ok)).toBe(true);
      expect((await listener.send({ kind: 'nonsense' })).ok).toBe(false);
      expect((await listener.send({ kind: 'pause' })).ok).toBe(false);

      const after = await scrape();
      expect(after.value('ecoute_live_sessions')).toBe(1);
      expect(after.value('ecoute_sockets', { role: 'listener' })).toBe(1);
      expect(after.value('ecoute_sockets', { role: 'trainer' })).toBe(1);
      expect(after.value('ecoute_sockets', { role: 'observer' })).toBe(0);
      expect(after.value('ecoute_inputs_total', { kind: 'join', role: 'listener' })).toBe(1);
      expect(after.value('ecoute_inputs_total', { kind: 'join', role: 'trainer' })).toBe(1);
      expect(after.value('ecoute_inputs_total', { kind: 'say', role: 'listener' })).toBe(1);
      expect(after.sum('ecoute_inputs_total')).toBe(4);
      expect(after.value('ecoute_refused_total', { code: 'input/invalid' })).toBe(1);
      expect(after.value('ecoute_refused_total', { code: 'auth/forbidden_role' })).toBe(1);
      expect(after.value('ecoute_refused_total', { code: 'auth/invalid_token' })).toBe(1);
      expect(after.value('ecoute_input_ack_seconds_count')).toBe(4);
      expect(after.value('ecoute_input_ack_seconds_sum')).toBeGreaterThan(0);
      const appends = after.value('ecoute_timeline_appends_total') ?? 0;
      expect(appends - (before.value('ecoute_timeline_appends_total') ?? 0)).toBeGreaterThanOrEqual(4);
      // Every acked input's append was timed (a batch committed but not yet synced is not, yet).
      expect(after.value('ecoute_timeline_append_seconds_count')).toBeGreaterThanOrEqual(4);
      expect(after.value('ecoute_timeline_append_seconds_count')).toBeLessThanOrEqual(appends);
      expect(after.value('ecoute_timeline_commits_total')).toBeGreaterThan(0);
      // FULL durability: each ack waited for a WAL sync.
      expect(after.value('ecoute_wal_syncs_total')).toBeGreaterThan(0);

      listener.close();
      await trainer.waitFor(
        (t) => t.presence?.participants.find((p) => p.role === 'listener')?.connections === 0,
        'the listener gone from presence',
      );
      expect((await scrape()).value('ecoute_sockets', { role: 'listener' })).toBe(0);
      trainer.close();
    });

    it('has the process metrics of prom-client', async () => {
      // The app runs in this process: garbage made here is collected there, and the pause observed.
      // A few hundred MB of short-lived objects: several young-generation collections, whatever
      // the heap's sizes.
      let keep = 0;
      for (let i = 0; i < 3_000_000; i++) keep += [i, { i }, `${i}`].length;
      expect(keep).toBe(9_000_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const scrapeNow = await scrape();
      expect(scrapeNow.value('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
      expect(scrapeNow.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(scrapeNow.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
      expect(scrapeNow.samples.some((s) => s.name === 'nodejs_gc_duration_seconds_bucket')).toBe(true);
    });
  });
});
