// Where a forwarded request goes (issue 15), counted by the placement's own counters
// (`SessionPlacement.stats`), never timed: three apps in this process on one real PostgreSQL and
// one real Redis, started here. The forward hint: a process that forwarded a session's request
// asks the same owner first next time, without a lease transaction to learn who holds it; a
// hinted process that no longer holds the session is not trusted: the lease says where it went.
// The early retry: a request waiting for a session that changes hands asks again as soon as its
// process is told — the lease passed to it (`yours`), or released to all (an announcement) —
// not at its next poll (lengthened to 15 s here, so that only the word can end the wait in time).
// The handovers are a drain's steps done by hand on the first app, at the moments the test picks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MANUAL_CLOCK } from '@ecoute/test/support/test-clock.js';
import { CLUSTER } from '../src/cluster/cluster.js';
import type { Cluster } from '../src/cluster/cluster.js';
import { SessionPlacement } from '../src/cluster/session-placement.js';
import type { PlacementStats } from '../src/cluster/session-placement.js';
import { SessionsService } from '../src/sessions/sessions.service.js';
import { CLUSTER_SECRET, SCENARIO, said, startClusterStores } from './cluster-rig.js';
import type { ClusterStores } from './cluster-rig.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

/**
 * The poll of a request waiting for a handover, here: far longer than any handover of the test,
 * shorter than a client's wait for an ack (20 s) — without the early retry, the ack comes late
 * and the counters say the poll ended the wait.
 */
const LONG_POLL_MS = 15_000;

describe('forwarded requests between processes: the owner hint and the early retry', () => {
  let stores: ClusterStores;
  let a: TestServer;
  let b: TestServer;
  let c: TestServer;
  const clients: RoleClient[] = [];

  const start = (): Promise<TestServer> =>
    startServer({
      env: {
        DATABASE_URL: stores.postgres.url,
        REDIS_URL: stores.redis.url,
        ECOUTE_LEASE_MS: '3000',
        ECOUTE_SECRET: CLUSTER_SECRET,
        ...MANUAL_CLOCK,
      },
    });

  beforeAll(async () => {
    stores = await startClusterStores();
    // The first one alone (it creates better-auth's tables), then the two others.
    a = await start();
    [b, c] = await Promise.all([start(), start()]);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const server of [c, b, a]) await server?.close();
    await stores?.close();
  }, 60_000);

  const placement = (server: TestServer): SessionPlacement => server.app.get(SessionPlacement);
  const cluster = (server: TestServer): Cluster => server.app.get<Cluster>(CLUSTER);
  const sessions = (server: TestServer): SessionsService => server.app.get(SessionsService);
  /** What `server`'s placements did since `before`. */
  const since = (server: TestServer, before: PlacementStats): PlacementStats => {
    const now = placement(server).stats;
    const delta = { ...now };
    for (const key of Object.keys(now) as (keyof PlacementStats)[]) delta[key] = now[key] - before[key];
    return delta;
  };
  /** Waits for a condition of the apps' own state (a hang guard, not a clock the test races). */
  const until = async (condition: () => boolean, what: string): Promise<void> => {
    for (const deadline = Date.now() + 20_000; !condition();) {
      if (Date.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  /** A call created on the first app (its owner), its listener on `on`, joined and picked up. */
  const callOn = async (on: TestServer): Promise<{ sessionId: string; listener: RoleClient }> => {
    const created = await createSession(a.url, SCENARIO);
    expect(sessions(a).ownedEpochs().has(created.sessionId)).toBe(true);
    const listener = await RoleClient.connect(on.url, {
      sessionId: created.sessionId,
      token: created.tokens.listener,
    });
    clients.push(listener);
    expect(await listener.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true });
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    return { sessionId: created.sessionId, listener };
  };

  /** Every entry once, in order, the texts acked among them; no pause recorded by a handover. */
  const expectWhole = async (sessionId: string, texts: string[]): Promise<void> => {
    const entries = await stores.timeline.read(sessionId);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(said(entries)).toEqual(texts);
    expect(entries.filter((e) => e.kind === 'input' && e.source === 'system')).toEqual([]);
  };

  it('asks the process that served the last forward first, and the lease only when it no longer serves', async () => {
    const before = { ...placement(c).stats };
    // Joined and picked up through the third app: the first forward asked the lease, the second
    // went straight to the owner.
    const { sessionId, listener } = await callOn(c);
    expect(since(c, before)).toMatchObject({ lookups: 1, forwards: 2, hintServed: 1, hintMissed: 0 });
    for (const text of ['un', 'deux', 'trois'])
      expect(await listener.send({ kind: 'say', text })).toMatchObject({ ok: true });
    // Five requests, one lease lookup: the other four asked the owner the hint named.
    expect(since(c, before)).toMatchObject({ lookups: 1, forwards: 5, hintServed: 4, hintMissed: 0 });
    expect(sessions(c).loaded(sessionId)).toBeUndefined();

    // The first app hands the call to the second, as a drain does (the lease passed, the
    // successor told) — but stays up: its answers to a forward are now « not mine ».
    expect(await sessions(a).handOver(sessionId, cluster(b).node)).toBe(true);
    expect(await cluster(a).link.handTo(cluster(b).node, [sessionId])).toBe(true);
    await until(() => sessions(b).loaded(sessionId) !== undefined, 'the second app runs the call');

    // The hint (the first app) is asked first and says no; the lease names the second, which serves.
    expect(await listener.send({ kind: 'say', text: 'quatre' })).toMatchObject({ ok: true });
    expect(since(c, before)).toMatchObject({ lookups: 2, forwards: 7, hintServed: 4, hintMissed: 1 });
    // From then on the second app is the hint: no lease lookup.
    expect(await listener.send({ kind: 'say', text: 'cinq' })).toMatchObject({ ok: true });
    expect(since(c, before)).toMatchObject({ lookups: 2, forwards: 8, hintServed: 5, hintMissed: 1 });
    expect(sessions(a).loaded(sessionId)).toBeUndefined();

    await expectWhole(sessionId, ['un', 'deux', 'trois', 'quatre', 'cinq']);
  });

  it('a request waiting for a handover asks again as soon as its process is told, not at its next poll', async () => {
    // One call whose lease will be passed to the second app (told `yours`), one released to all
    // (an announcement, heard by the third): each with its listener there.
    const passed = await callOn(b);
    const released = await callOn(c);
    for (const server of [b, c]) placement(server).handoverPollMs = LONG_POLL_MS;
    const before = new Map([b, c].map((server) => [server, { ...placement(server).stats }]));

    // The first app drains — by hand, to hold the moment between the calls' runtimes going and
    // their leases being passed on: it takes nothing any more, and answers a forward « not mine »
    // while its lease still holds.
    cluster(a).draining = true;
    const epochs = new Map(sessions(a).ownedEpochs());
    for (const call of [passed, released]) sessions(a).dropLost(call.sessionId);

    const acks = [passed, released].map((call) =>
      call.listener.send({ kind: 'say', text: 'pendant la relève' }),
    );
    // Each request found its session's owner handing it over, and waits.
    await until(
      () => since(b, before.get(b)!).handoverWaits === 1 && since(c, before.get(c)!).handoverWaits === 1,
      'both requests waiting for the handover',
    );
    expect(since(b, before.get(b)!)).toMatchObject({ woken: 0, polled: 0 });

    expect(
      await cluster(a).release(passed.sessionId, epochs.get(passed.sessionId)!, true, cluster(b).node),
    ).toBe(true);
    expect(await cluster(a).link.handTo(cluster(b).node, [passed.sessionId])).toBe(true);
    expect(await cluster(a).release(released.sessionId, epochs.get(released.sessionId)!, true)).toBe(false);
    await cluster(a).link.announceHandover([released.sessionId]);

    for (const ack of acks) expect(await ack).toMatchObject({ ok: true });
    // Each wait ended by the word of the change, none by the poll.
    for (const server of [b, c])
      expect(since(server, before.get(server)!)).toMatchObject({ handoverWaits: 1, woken: 1, polled: 0 });
    for (const call of [passed, released]) await expectWhole(call.sessionId, ['pendant la relève']);
  });
});
