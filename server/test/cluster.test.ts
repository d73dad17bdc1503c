// Several server processes (issue 15): three BUILT servers on one real PostgreSQL and one real
// Redis, behind a real HAProxy, all on loopback and started here. Room broadcasts cross
// processes; an input landing on a process that does not own the session is forwarded to the
// owner and acked from there; `kill -9` of an owner under traffic (6 calls, or
// ECOUTE_TEST_CLUSTER_CALLS): every acked input kept, none applied twice, every client back in
// sync within 15 s; a stalled owner (SIGSTOP past its lease, then SIGCONT) writes nothing more to
// the timeline; a classroom join asks a learner's call page on another process (its ack crosses,
// a silent page is closed there). Leases are short (ECOUTE_LEASE_MS) so that takeovers come quickly; session time
// is the test's (manual clock): no scenario timer runs on its own. The processes, stores,
// balancer and clients: `cluster-rig.ts`, shared with `cluster-drains.test.ts`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Input } from '@ecoute/engine';
import type { Balancer } from '@ecoute/test/support/haproxy.js';
import type { RedisServer } from '@ecoute/test/support/redis.js';
import type { ServerProcess } from '@ecoute/test/support/server-process.js';
import type { KyselyTimelineStore } from '../src/timeline/kysely-timeline-store.js';
import { io } from 'socket.io-client';
import { CLASSROOM_NAMESPACE, ClassEvent, ClientEvent, PROTOCOL_VERSION } from '@ecoute/protocol';
import type { ClassJoined, ClassSummary, InputAck, LearnerAssignment, RoundLaunched } from '@ecoute/protocol';
import { SCENARIO, said, sleep, startClusterRig } from './cluster-rig.js';
import type { ClusterRig } from './cluster-rig.js';
import { createSession } from './utils.js';
import type { RoleClient } from './utils.js';
/**
 * Short, so that takeovers come quickly; fitted to a loaded test machine (at load 20 with 200
 * calls, a live process lost 1.5 s leases: its calls were taken as abandoned). The product's
 * default is 5 s (ECOUTE_LEASE_MS).
 */
const LEASE_MS = 2_500;
/**
 * Calls under traffic when an owner is killed: 6 by default; `ECOUTE_TEST_CLUSTER_CALLS=200` for
 * the issue's scale (the whole file runs so: each test ends its own calls, so the next ones do not
 * carry them — an ended call is not handed over by a drain).
 */
const KILL_CALLS = Number(process.env.ECOUTE_TEST_CLUSTER_CALLS ?? 6);
/** Each call's pause between two sentences: ~500 inputs/s over the three processes at 200 calls. */
const KILL_PACE_MS = Math.max(20, KILL_CALLS * 2);

interface Call {
  sessionId: string;
  tokens: Record<string, string>;
  listener: RoleClient;
  trainer: RoleClient;
  /** Texts acked, with their seq. */
  acked: Map<string, number>;
}

describe('three server processes on PostgreSQL, Redis and HAProxy', () => {
  let rig: ClusterRig;
  let redis: RedisServer;
  let balancer: Balancer;
  let timeline: KyselyTimelineStore;
  /** The processes running now (the rig's list: a test takes out those it kills or stops). */
  let servers: ServerProcess[];
  let headers: Record<string, string>;
  /** Calls a failed test left live: ended after it, so that the next tests do not carry them. */
  const leftLive: { sessionId: string; tokens: Record<string, string> }[] = [];

  beforeAll(async () => {
    rig = await startClusterRig({ leaseMs: LEASE_MS, balancer: true });
    ({ redis, timeline, servers, headers } = rig);
    balancer = rig.balancer!;
  }, 300_000);

  afterAll(() => rig?.close(), 60_000);

  const start = (): Promise<ServerProcess> => rig.start();
  const connect = (url: string, sessionId: string, token: string, reconnect = false): Promise<RoleClient> =>
    rig.connect(url, sessionId, token, { reconnect, heldSeq });
  const ownerOf = (sessionId: string): Promise<ServerProcess | undefined> => rig.ownerOf(sessionId);

  const lastSeq = (client: RoleClient): number => client.updates.at(-1)?.to ?? 0;
  /**
   * The newest seq a client was told, as the app counts it (`sessionState.ts`: a sync's answer
   * overtaken by an update is older, and changes nothing; was the last update's, which made a
   * client whose stale answer came last look behind at 200 calls).
   */
  const heldSeq = (client: RoleClient): number => Math.max(0, ...client.updates.map((u) => u.to));

  afterEach(async () => {
    const calls = leftLive.splice(0);
    for (let i = 0; i < calls.length; i += 20)
      await Promise.all(
        calls.slice(i, i + 20).map(async (call) => {
          const trainer = await connect(balancer.url, call.sessionId, call.tokens.trainer!).catch(() => null);
          await trainer?.send({ kind: 'end' }).catch(() => undefined);
          trainer?.close();
        }),
      );
  }, 120_000);

  /** The trainer ends the test's calls (the next tests do not carry them), 20 at a time. */
  const endCalls = async (calls: { sessionId: string; tokens: Record<string, string> }[]): Promise<void> => {
    for (let i = 0; i < calls.length; i += 20)
      await Promise.all(
        calls.slice(i, i + 20).map(async (call) => {
          const trainer = await connect(balancer.url, call.sessionId, call.tokens.trainer!);
          expect(await trainer.send({ kind: 'end' })).toMatchObject({ ok: true });
          trainer.close();
        }),
      );
  };

  it('carries broadcasts between processes and forwards inputs to the owner', async () => {
    const created = await createSession(servers[0]!.url, SCENARIO, { headers });
    expect(await ownerOf(created.sessionId)).toBe(servers[0]);
    const listener = await connect(servers[1]!.url, created.sessionId, created.tokens.listener!);
    const trainer = await connect(servers[2]!.url, created.sessionId, created.tokens.trainer!);
    expect(await listener.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true, seq: 1 });
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    // Recorded by the owner (process 0), pushed to the trainer on process 2 through Redis.
    await trainer.waitFor(
      (c) => c.entries.some((e) => e.kind === 'input' && e.input.kind === 'pickup'),
      'pickup',
    );
    expect(await trainer.send({ kind: 'join', name: 'Dominique' })).toMatchObject({ ok: true });
    await listener.waitFor((c) => lastSeq(c) === lastSeq(trainer) && lastSeq(c) > 2, 'the trainer’s join');
    // Every entry the clients saw is recorded, in one unbroken run from 1 (the scenario's own timers may
    // have added more since: they run in real time on the owner).
    const entries = await timeline.read(created.sessionId);
    const recorded = entries.map((e) => e.seq);
    expect(recorded).toEqual(Array.from({ length: recorded.length }, (_, i) => i + 1));
    expect(recorded.length).toBeGreaterThanOrEqual(lastSeq(trainer));
    // Each input once, though two of them were forwarded from another process.
    expect(entries.flatMap((e) => (e.kind === 'input' ? [`${e.source}:${e.input.kind}`] : []))).toEqual([
      'listener:join',
      'listener:pickup',
      'trainer:join',
    ]);
    // « Qui est connecté » on either process: every process's sockets and the names joined on
    // another process (each process alone counts only its own sockets).
    const seen = (
      c: RoleClient,
      role: 'listener' | 'trainer',
    ): { name: string | null; connections: number } =>
      c.presence?.participants.find((p) => p.role === role) ?? { name: null, connections: -1 };
    const everyone = (c: RoleClient): boolean =>
      seen(c, 'listener').connections === 1 &&
      seen(c, 'listener').name === 'Camille' &&
      seen(c, 'trainer').connections === 1 &&
      seen(c, 'trainer').name === 'Dominique';
    await listener.waitFor(everyone, 'the trainer on another process in the presence');
    await trainer.waitFor(everyone, 'the listener on another process in the presence');
    trainer.close();
    await listener.waitFor(
      (c) => seen(c, 'trainer').connections === 0 && seen(c, 'listener').connections === 1,
      'the trainer gone from the presence',
    );
    listener.close();
    await endCalls([created]);
  });

  it('a join naming a learner asks her call page on another process: refused while it answers, let through once it is silent, the page closed there', async () => {
    // The class is made on process 0; Inès and Bilal join through process 1; a round makes her
    // the listener. Her class page (process 1) gives her link; her call page is on process 2.
    const post = async <T>(url: string, path: string, body: unknown, as: Record<string, string>) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { ...as, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T & { code?: string } };
    };
    const [zero, one, two] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const created = await post<ClassSummary>(
      zero.url,
      '/api/classes',
      { name: 'Groupe réparti', scenarioIds: [SCENARIO] },
      headers,
    );
    const { classId, code } = created.body;
    const joinAs = (pseudonym: string) =>
      post<ClassJoined>(one.url, '/api/class-join', { code, pseudonym }, { origin: one.url });
    const first = await joinAs('Inès');
    const bilal = await joinAs('Bilal');
    const launched = await post<RoundLaunched>(
      zero.url,
      `/api/classes/${classId}/rounds`,
      {
        scenarioId: SCENARIO,
        groups: [{ listener: first.body.learnerId, callerActor: bilal.body.learnerId, observers: [] }],
      },
      headers,
    );
    expect(launched.status).toBe(201);
    const call = launched.body.calls[0]!;
    const trainerToken = decodeURIComponent(call.trainerLink!.split('#k=')[1] ?? '');
    leftLive.push({ sessionId: call.sessionId, tokens: { trainer: trainerToken } });
    const classPage = io(`${one.url}${CLASSROOM_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: one.url },
      auth: { protocolVersion: PROTOCOL_VERSION, classId, learnerToken: first.body.token },
    });
    const assignment = await new Promise<LearnerAssignment>((resolve) =>
      classPage.on(ClassEvent.Assignment, (a: LearnerAssignment | null) => {
        if (a) resolve(a);
      }),
    );
    classPage.close();
    const token = decodeURIComponent(assignment.link.split('#k=')[1] ?? '');
    const phone = await connect(two.url, call.sessionId, token);
    expect(await phone.seat('claim', 'page-phone')).toEqual({ ok: true, seat: { status: 'holder' } });

    // Alive, her call page answers across processes: her name is refused.
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');
    expect(phone.probes).toBe(1);

    // Silent (its network gone without a close): the join is let through after the wait, and the
    // page on process 2 is told why and closed; a new page there takes the seat.
    phone.alive = false;
    const closed = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    const back = await joinAs('inès');
    expect([back.status, back.body.learnerId]).toEqual([201, first.body.learnerId]);
    expect(phone.probes).toBe(2);
    expect(await closed).toBe('io server disconnect');
    expect(phone.received.filter((r) => r.event === 'session:closed').map((r) => r.payload)).toEqual([
      { code: 'class/taken_over' },
    ]);
    const computer = await connect(two.url, call.sessionId, token);
    expect(await computer.seat('claim', 'page-computer')).toEqual({ ok: true, seat: { status: 'holder' } });
    computer.close();
  });

  it('kill -9 of an owner: every acked input kept, none twice, clients back in sync within 15 s', async () => {
    // A listener and a trainer per call, through HAProxy.
    const calls: Call[] = [];
    for (let group = 0; group < KILL_CALLS; group += 20) {
      const created = await Promise.all(
        Array.from({ length: Math.min(20, KILL_CALLS - group) }, async (_, k) => {
          const i = group + k;
          // Created on each process in turn: each owns a third (its sockets come through HAProxy).
          const creator = servers[i % servers.length]!;
          const session = await createSession(creator.url, SCENARIO, {
            headers: { ...headers, origin: creator.url },
          });
          const call: Call = {
            sessionId: session.sessionId,
            tokens: session.tokens,
            listener: await connect(balancer.url, session.sessionId, session.tokens.listener!, true),
            trainer: await connect(balancer.url, session.sessionId, session.tokens.trainer!, true),
            acked: new Map(),
          };
          // (The whole answer in the failure's message: its code says why.)
          expect(await call.listener.send({ kind: 'join', name: `Camille ${i}` })).toEqual(
            expect.objectContaining({ ok: true }),
          );
          expect(await call.listener.send({ kind: 'pickup' })).toEqual(expect.objectContaining({ ok: true }));
          return call;
        }),
      );
      calls.push(...created);
    }
    leftLive.push(...calls);
    const owners = await Promise.all(calls.map((c) => ownerOf(c.sessionId)));
    const victim = servers[1]!;
    const victimCalls = calls.filter((_, i) => owners[i] === victim);
    expect(victimCalls.length).toBeGreaterThan(0);

    let running = true;
    const send = async (call: Call, input: Input): Promise<void> => {
      try {
        const ack = await call.listener.send(input);
        if (ack.ok && input.kind === 'say') call.acked.set(input.text, ack.seq);
      } catch {
        // no answer (its process died): not acked
      }
    };
    const traffic = calls.map(async (call, i) => {
      await sleep((i * 37) % KILL_PACE_MS);
      for (let n = 0; running; n++) {
        await send(call, { kind: 'say', text: `séance ${i}, phrase ${n}` });
        await sleep(KILL_PACE_MS);
      }
    });
    await sleep(1_000);
    const killedAt = Date.now();
    await victim.kill('SIGKILL');
    // Gone for the next tests too, whatever this one finds.
    servers.splice(servers.indexOf(victim), 1);
    await sleep(LEASE_MS * 2 + 1_000);
    running = false;
    await Promise.all(traffic);
    const trafficDoneMs = Date.now() - killedAt;

    // Every client, on any process, ends with the timeline's last seq (reconnected ones resync).
    try {
      for (const call of calls) {
        const last = await timeline.lastSeq(call.sessionId);
        for (const client of [call.listener, call.trainer])
          await client.waitFor(
            (c) => heldSeq(c) === last,
            'back in sync',
            Math.max(1, killedAt + 15_000 - Date.now()),
          );
      }
    } catch (error) {
      // Who is behind, and why: the call's owner, the client's socket and its resyncs.
      const behind: string[] = [];
      for (const [i, call] of calls.entries()) {
        const last = await timeline.lastSeq(call.sessionId);
        for (const [role, client] of [
          ['listener', call.listener],
          ['trainer', call.trainer],
        ] as const)
          if (heldSeq(client) !== last)
            behind.push(
              `#${i} ${role} ${victimCalls.includes(call) ? "(the victim's)" : ''} at ${heldSeq(client)} of ${last}, ${client.socket.connected ? 'connected' : 'disconnected'}, resyncs: ${(rig.resyncs.get(client) ?? []).join(' / ') || 'none'}`,
            );
      }
      const events = servers.flatMap((p, i) =>
        (
          p
            .output()
            .match(
              /(cluster\/(took|takeover_failed|heartbeat_failed)|session\/lease_lost|recovery\/failed|server\/storage_failed)[^"\n]*/g,
            ) ?? []
        )
          .slice(-15)
          .map((line) => `#${i} ${line}`),
      );
      console.log(
        `[cluster] kill -9: ${behind.length} clients behind ${Date.now() - killedAt} ms after the kill (traffic done at ${trafficDoneMs} ms):\n${behind.slice(0, 30).join('\n')}\n${events.join('\n')}`,
      );
      throw error;
    }
    const inSyncMs = Date.now() - killedAt;
    console.log(
      `[cluster] kill -9: ${victimCalls.length} of ${calls.length} sessions taken over; every client in sync ${inSyncMs} ms after the kill (traffic went on ${LEASE_MS * 2 + 1_000} ms after it, its last sends answered at ${trafficDoneMs} ms)`,
    );
    expect(inSyncMs).toBeLessThan(15_000);

    for (const call of calls) {
      const entries = await timeline.read(call.sessionId);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      const texts = said(entries);
      expect(new Set(texts).size).toBe(texts.length);
      for (const [text, seq] of call.acked)
        expect(entries[seq - 1]).toMatchObject({ input: { kind: 'say', text } });
    }
    // The taken-over calls came back paused (as after a crash); resumed, they go on elsewhere.
    for (const call of victimCalls) {
      // (The victim is out of `servers`: a lease still in its name has no owner found.)
      expect(await ownerOf(call.sessionId)).toBeDefined();
      expect(await call.trainer.send({ kind: 'resume' })).toMatchObject({ ok: true });
      expect(await call.listener.send({ kind: 'say', text: 'on continue' })).toMatchObject({ ok: true });
    }
    // Their calls end, their sockets close: the next tests run on a lighter machine.
    for (let i = 0; i < calls.length; i += 20)
      await Promise.all(
        calls
          .slice(i, i + 20)
          .map(async (call) => expect(await call.trainer.send({ kind: 'end' })).toMatchObject({ ok: true })),
      );
    leftLive.length = 0;
    for (const call of calls) for (const client of [call.listener, call.trainer]) client.close();
  }, 300_000);

  it('a stalled owner (SIGSTOP past its lease, then SIGCONT) writes nothing more', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const created = await createSession(first.url, SCENARIO, { headers: { ...headers, origin: first.url } });
    expect(await ownerOf(created.sessionId)).toBe(first);
    const onOwner = await connect(first.url, created.sessionId, created.tokens.listener!);
    const elsewhere = await connect(second.url, created.sessionId, created.tokens.listener!);
    expect(await onOwner.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true });
    expect(await onOwner.send({ kind: 'pickup' })).toMatchObject({ ok: true });

    process.kill(first.pid!, 'SIGSTOP');
    const late = onOwner.send({ kind: 'say', text: 'tard' }).catch(() => null);
    await sleep(LEASE_MS + 500);
    // Through the other process: the first forward gets no answer from the stalled owner (not
    // acked, maybe recorded: never retried); then the lease has expired and the session is taken.
    let ack = await elsewhere.send({ kind: 'say', text: 'après' });
    if (!ack.ok) ack = await elsewhere.send({ kind: 'say', text: 'après' });
    expect(ack).toMatchObject({ ok: false, code: 'session/paused' });
    expect(await ownerOf(created.sessionId)).toBe(second);
    process.kill(first.pid!, 'SIGCONT');

    const lateAck = await late;
    const entries = await timeline.read(created.sessionId);
    const texts = said(entries);
    // The late input was either refused or forwarded to the new owner: never written by the old one.
    if (lateAck?.ok) expect(texts.filter((t) => t === 'tard')).toHaveLength(1);
    else expect(texts).not.toContain('tard');
    await sleep(LEASE_MS);
    expect(first.output()).toMatch(/timeline\/fenced|session\/lease_lost/);
    expect((await timeline.read(created.sessionId)).map((e) => e.seq)).toEqual(
      (await timeline.read(created.sessionId)).map((_, i) => i + 1),
    );
    expect(await ownerOf(created.sessionId)).toBe(second);
    for (const client of [onOwner, elsewhere]) client.close();
    await endCalls([created]);
  });
  it('a Redis restart mid-call: broadcasts and forwarded inputs resume, clients resync, nothing lost', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const created = await createSession(first.url, SCENARIO, { headers: { ...headers, origin: first.url } });
    const listener = await connect(second.url, created.sessionId, created.tokens.listener!);
    const trainer = await connect(first.url, created.sessionId, created.tokens.trainer!);
    expect(await listener.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true });
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    // Recorded locally on the owner while Redis is down; forwarded inputs wait for it to return.
    const restarted = redis.restart(500);
    await sleep(100);
    expect(await trainer.send({ kind: 'join', name: 'Dominique' })).toMatchObject({ ok: true });
    await restarted;
    // A forwarded input whose answer was lost with Redis is answered `server/storage_failed`: the
    // owner may have recorded it. Like a careful client, look before sending it again.
    const recorded = async () =>
      said(await timeline.read(created.sessionId)).includes('après le redémarrage');
    let ack = await listener.send({ kind: 'say', text: 'après le redémarrage' });
    for (let i = 0; !ack.ok && i < 20; i++) {
      await sleep(250);
      if (await recorded()) break;
      ack = await listener.send({ kind: 'say', text: 'après le redémarrage' });
    }
    expect(ack.ok || (await recorded())).toBe(true);
    // The listener's process may have missed broadcasts during the outage: a gap, then a resync.
    await trainer.waitFor(
      (c) => said(c.entries).includes('après le redémarrage'),
      'the broadcast after the restart',
    );
    await listener.resync();
    const entries = await timeline.read(created.sessionId);
    expect(lastSeq(listener)).toBe(entries.length);
    expect(said(entries).filter((t) => t === 'après le redémarrage')).toHaveLength(1);
    expect(await trainer.send({ kind: 'end' })).toMatchObject({ ok: true });
    for (const client of [listener, trainer]) client.close();
  });
  it('a rolling restart of every process under traffic: nothing lost, nothing twice, calls go on', async () => {
    servers.push(await start());
    await balancer.setServers(servers.map((s) => s.url));
    const calls: (Call & { ackedAt: number[]; offline: [number, number][] })[] = [];
    const reconnections: number[] = [];
    for (let i = 0; i < 6; i++) {
      const creator = servers[i % servers.length]!;
      const created = await createSession(creator.url, SCENARIO, {
        headers: { ...headers, origin: creator.url },
      });
      const call = {
        sessionId: created.sessionId,
        tokens: created.tokens,
        listener: await connect(balancer.url, created.sessionId, created.tokens.listener!, true),
        trainer: await connect(balancer.url, created.sessionId, created.tokens.trainer!, true),
        acked: new Map<string, number>(),
        ackedAt: [] as number[],
        offline: [] as [number, number][],
      };
      expect(await call.listener.send({ kind: 'join', name: `Camille ${i}` })).toMatchObject({ ok: true });
      expect(await call.listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
      // How long each listener stays disconnected when its process drains (printed).
      let lost = 0;
      call.listener.socket.on('disconnect', () => (lost = Date.now()));
      call.listener.socket.io.on('reconnect', () => {
        reconnections.push(Date.now() - lost);
        call.offline.push([lost, Date.now()]);
      });
      calls.push(call);
    }
    let running = true;
    const traffic = calls.map(async (call, i) => {
      for (let n = 0; running; n++) {
        const text = `roulement ${i}, phrase ${n}`;
        try {
          // A send caught by its socket's closing gets no ack: given up after 3 s, not acked.
          const ack: InputAck = await call.listener.socket
            .timeout(3_000)
            .emitWithAck(ClientEvent.Input, { kind: 'say', text });
          if (ack.ok) {
            call.acked.set(text, ack.seq);
            call.ackedAt.push(Date.now());
          }
        } catch {
          // not acked
        }
        await sleep(20);
      }
    });
    await sleep(500);
    const drains: string[] = [];
    // Every process of the restart (their logs tell how each session was rebuilt by its successor).
    const involved = [...servers];
    const readinessWhileDraining: number[] = [];
    /** When each process of the restart was told to stop (each pause is placed after one). */
    const sigterms: number[] = [];
    const drainBegan: string[] = [];
    for (const old of [...servers]) {
      // A boot takes seconds on a busy machine: the new process starts before the old one stops.
      const fresh = await start();
      servers.push(fresh);
      involved.push(fresh);
      await balancer.setServers(servers.map((s) => s.url));
      if (old.exit())
        console.log(
          `[cluster] a process ended before its drain: ${JSON.stringify(old.exit())} ${old.output().slice(-3000)}`,
        );
      sigterms.push(Date.now());
      const stopping = old.stop(); // SIGTERM: its sessions handed over before it exits
      // Draining, it tells the balancer to send it nothing new before its sockets close (asked
      // until it says so, or no longer answers: then 0).
      let ready = 200;
      while (ready !== 503 && ready !== 0) {
        ready = await fetch(`${old.url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        await sleep(20);
      }
      readinessWhileDraining.push(ready);
      await stopping;
      servers.splice(servers.indexOf(old), 1);
      await balancer.setServers(servers.map((s) => s.url));
      drains.push(...(old.output().match(/cluster\/drained [^"]*/g) ?? []));
      // When its drain began (the log line's time, the same clock), after the SIGTERM.
      const began = /"time":(\d+)[^\n]*cluster\/draining /.exec(old.output());
      drainBegan.push(began ? `${Number(began[1]) - sigterms.at(-1)!} ms` : '?');
      await sleep(500);
    }
    running = false;
    await Promise.all(traffic);
    const pauses = calls.map((c) => Math.max(...c.ackedAt.slice(1).map((t, i) => t - c.ackedAt[i]!)));
    // What each call's longest pause was made of: its listener offline (a drain closed its socket:
    // the reconnection, then the first input's answer), or a handover of the call (no reconnection).
    const madeOf = calls.map((c, k) => {
      const i = c.ackedAt.slice(1).findIndex((t, j) => t - c.ackedAt[j]! === pauses[k]);
      const [from, to] = [c.ackedAt[i]!, c.ackedAt[i + 1]!];
      const off = c.offline.find(([lost, back]) => lost >= from && back <= to);
      // (A pause of every call at once, none placed after a SIGTERM like the others, is the machine's.)
      const n = sigterms.findLastIndex((t) => t <= from);
      const when =
        n < 0
          ? 'before the first SIGTERM'
          : `${from - sigterms[n]!}→${to - sigterms[n]!} ms after SIGTERM #${n + 1}`;
      return off
        ? `${pauses[k]} = ${off[0] - from} before the disconnect + ${off[1] - off[0]} offline + ${to - off[1]} to the first ack (${when})`
        : `${pauses[k]} (handover, no reconnection; ${when})`;
    });
    const sorted = (list: number[]): number[] => [...list].sort((a, b) => a - b);
    const gaps = sorted(calls.flatMap((c) => c.ackedAt.slice(1).map((t, i) => t - c.ackedAt[i]!)));
    console.log(
      `[cluster] rolling restart: a listener disconnected by a drain reconnected after ${sorted(reconnections)[reconnections.length >> 1] ?? '-'} ms (median of ${reconnections.length}; worst ${Math.max(...reconnections)} ms); two acked inputs of a call ${gaps[gaps.length >> 1]} ms apart in the median (the machine's pace, 20 ms between sends), ${gaps[Math.floor(gaps.length * 0.99)]} ms at p99`,
    );
    console.log(
      `[cluster] rolling restart of 3 processes, 6 calls: longest pause between two acked inputs of a call ${Math.max(...pauses)} ms (median call ${[...pauses].sort((a, b) => a - b)[3]} ms); each drain began ${drainBegan.join(', ')} after its SIGTERM; ${drains.join('; ')}`,
    );
    expect(readinessWhileDraining).toEqual([503, 503, 503]);
    // (The drain lines are printed, not counted: a process's last log lines may not reach its
    // output before it exits.)
    for (const call of calls) {
      const entries = await timeline.read(call.sessionId);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      const texts = said(entries);
      expect(new Set(texts).size).toBe(texts.length);
      for (const [text, seq] of call.acked)
        expect(entries[seq - 1]).toMatchObject({ input: { kind: 'say', text } });
    }
    // A drained handover records nothing of its own (no `system` pause+resume pair: the call did
    // not stop); only a call taken as abandoned records the pause of a crash takeover.
    let systemPauses = 0;
    for (const call of calls) {
      const system = (await timeline.read(call.sessionId)).filter(
        (e) => e.kind === 'input' && e.source === 'system',
      );
      expect(system.filter((e) => e.kind === 'input' && e.input.kind !== 'pause')).toEqual([]);
      systemPauses += system.length;
    }
    // Handed over, a call goes on without the trainer resuming it; one taken as abandoned (its
    // process gone before its drain ended) comes back paused, as after a crash: counted, printed.
    let pausedCalls = 0;
    for (const call of calls) {
      let ack = await call.listener.send({ kind: 'say', text: 'toujours là' });
      if (!ack.ok && ack.code === 'session/paused') {
        pausedCalls++;
        expect(await call.trainer.send({ kind: 'resume' })).toMatchObject({ ok: true });
        ack = await call.listener.send({ kind: 'say', text: 'toujours là' });
      }
      expect(ack).toMatchObject({ ok: true });
    }
    console.log(`[cluster] rolling restart, each call's longest pause (ms): ${madeOf.join('; ')}`);
    console.log(
      `[cluster] after the rolling restart: ${pausedCalls} of ${calls.length} calls found paused (${systemPauses} system pauses recorded by 3 drains)`,
    );
    expect(systemPauses).toBe(pausedCalls);
    // Warm handovers: the successor replayed the head of each timeline while the call went on at
    // the draining process, then only the tail once the lease was passed on.
    const lines = (pattern: RegExp): string[] =>
      involved.flatMap((p, i) => (p.output().match(pattern) ?? []).map((line) => `#${i} ${line}`));
    const rebuilt = lines(/recovery\/rebuilt [^"\n]*/g);
    const warm = rebuilt.filter((line) => line.includes(' resumed ') && line.includes('(warm: '));
    console.log(
      `[cluster] handed-over calls rebuilt by their successors: ${warm.length} warm of ${rebuilt.length} rebuilds; ${warm.map((l) => l.replace(/^.* in /, '')).join('; ')}`,
    );
    // Calls taken as abandoned (the kill and stall tests, or a busy process that lost its leases).
    const paused = rebuilt.filter((line) => line.includes(' paused '));
    if (paused.length > 0)
      console.log(
        `[cluster] rebuilt paused (the whole file: the crash tests too), and the leases around them: ${[...paused, ...lines(/(session\/lease_lost|cluster\/took|cluster\/handover_failed|cluster\/prepared)[^"\n]*/g)].join('\n')}`,
      );
    expect(warm.length).toBeGreaterThan(0);
  }, 400_000);
});
