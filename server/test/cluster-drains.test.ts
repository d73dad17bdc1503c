// Two processes drain at once (issue 15): three BUILT servers on one real PostgreSQL and one real
// Redis, on loopback, started here. The first two are stopped (SIGTERM) at the same moment while
// their calls go on: neither may name the other successor (it drains too), so every call ends on
// the third process, handed over warm (its successor replayed the head while the call went on),
// none found paused (no call waited for a crash takeover). The clients talk to the third process
// throughout: their inputs are forwarded to the owners, then served there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { InputAck } from '@ecoute/protocol';
import { ClientEvent } from '@ecoute/protocol';
import { signedInTrainer } from '@ecoute/test/support/accounts.js';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { startRedis } from '@ecoute/test/support/redis.js';
import type { RedisServer } from '@ecoute/test/support/redis.js';
import { startServerProcess } from '@ecoute/test/support/server-process.js';
import type { ServerProcess } from '@ecoute/test/support/server-process.js';
import { MANUAL_CLOCK } from '@ecoute/test/support/test-clock.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { KyselyTimelineStore } from '../src/timeline/kysely-timeline-store.js';
import { RoleClient, createSession } from './utils.js';

const SCENARIO = 'appel-entrainement';
const LEASE_MS = 1_500;
/** Calls per draining process: 3 each, so that a drain naming the other one would hit it. */
const CALLS_EACH = 3;
const SECRET = 'un secret de test partagé par les trois processus, assez long';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const said = (entries: TimelineEntry[]): string[] =>
  entries.flatMap((e) => (e.kind === 'input' && e.input.kind === 'say' ? [e.input.text] : []));

describe('two processes draining at once', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let db: Kysely<Database>;
  let timeline: KyselyTimelineStore;
  const servers: ServerProcess[] = [];
  const clients: RoleClient[] = [];

  const start = (): Promise<ServerProcess> =>
    startServerProcess({
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      ECOUTE_LEASE_MS: String(LEASE_MS),
      ECOUTE_SECRET: SECRET,
      LOG_LEVEL: 'log',
      ECOUTE_CREATE_PER_MINUTE: '0',
      ECOUTE_ADDRESS_MESSAGES_PER_SECOND: '0',
      ...MANUAL_CLOCK,
    });

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    db = await openPostgresDatabase(postgres.url);
    timeline = new KyselyTimelineStore(db);
    // The first one alone (it creates better-auth's tables), then the two others.
    servers.push(await start());
    servers.push(...(await Promise.all([start(), start()])));
  }, 300_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const server of servers) await server.kill('SIGKILL');
    await db?.destroy();
    await redis?.stop();
    await postgres?.stop();
  }, 60_000);

  /**
   * The last seq a client holds with every one before it, as the app counts (`sessionState.ts`):
   * updates chain by `from`/`to` (a role's skip the entries it does not see).
   */
  const heldSeq = (client: RoleClient): number => {
    let seq = 0;
    for (const update of client.updates) if (update.from <= seq && update.to > seq) seq = update.to;
    return seq;
  };

  /** The server process owning a session now (its lease row's node name holds the pid). */
  const ownerOf = async (sessionId: string): Promise<ServerProcess | undefined> => {
    const row = await db
      .selectFrom('session_leases')
      .select('owner')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    const pid = Number(row?.owner?.split(':')[1]);
    return servers.find((s) => s.pid === pid);
  };

  it('never hand their calls to each other: every call ends on the third process, warm, none paused', async () => {
    const [first, second, third] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const headers = await signedInTrainer(first);
    const calls: { sessionId: string; listener: RoleClient; trainer: RoleClient; ackedAt: number[] }[] = [];
    const acked = new Map<string, Map<string, number>>();
    for (let i = 0; i < 2 * CALLS_EACH; i++) {
      const creator = i % 2 === 0 ? first : second;
      const created = await createSession(creator.url, SCENARIO, {
        headers: { ...headers, origin: creator.url },
      });
      expect(await ownerOf(created.sessionId)).toBe(creator);
      const listener = await RoleClient.connect(third.url, {
        sessionId: created.sessionId,
        token: created.tokens.listener!,
      });
      const trainer = await RoleClient.connect(third.url, {
        sessionId: created.sessionId,
        token: created.tokens.trainer!,
      });
      clients.push(listener, trainer);
      expect(await listener.send({ kind: 'join', name: `Camille ${i}` })).toMatchObject({ ok: true });
      expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
      calls.push({ sessionId: created.sessionId, listener, trainer, ackedAt: [] });
      acked.set(created.sessionId, new Map());
    }

    let running = true;
    const traffic = calls.map(async (call, i) => {
      for (let n = 0; running; n++) {
        const text = `double vidange ${i}, phrase ${n}`;
        try {
          const ack: InputAck = await call.listener.socket
            .timeout(10_000)
            .emitWithAck(ClientEvent.Input, { kind: 'say', text });
          if (ack.ok) {
            acked.get(call.sessionId)!.set(text, ack.seq);
            call.ackedAt.push(Date.now());
          }
        } catch {
          // not acked
        }
        await sleep(20);
      }
    });
    await sleep(500);
    // Both at the same moment: each drain reads the live processes while the other begins.
    const drainedAt = Date.now();
    await Promise.all([first.stop(), second.stop()]);
    await sleep(300);
    running = false;
    await Promise.all(traffic);

    const drains = [first, second].flatMap((p) => p.output().match(/cluster\/drained [^"\n]*/g) ?? []);
    // The successor's side: how long it prepared, and took each call up once its lease came.
    const successor =
      third.output().match(/cluster\/(prepared|took) [^"\n]*|recovery\/rebuilt [^"\n]*warm[^"\n]*/g) ?? [];
    const pauses = calls.map((c) => Math.max(...c.ackedAt.slice(1).map((t, i) => t - c.ackedAt[i]!)));
    // When each call's longest pause began and ended, counted from the SIGTERMs.
    const when = calls.map((c, k) => {
      const i = c.ackedAt.slice(1).findIndex((t, j) => t - c.ackedAt[j]! === pauses[k]);
      return `${c.ackedAt[i]! - drainedAt}→${c.ackedAt[i + 1]! - drainedAt}`;
    });
    console.log(
      `[cluster-drains] two drains at once, ${calls.length} calls: longest pause between two acked inputs of a call ${Math.max(...pauses)} ms (each call's: ${pauses.join(', ')}, from the SIGTERMs: ${when.join(', ')} ms); ${drains.join('; ')}; the third process: ${successor.map((l) => l.replace(/session=\S+ /, '')).join('; ')}`,
    );

    for (const call of calls) {
      // On the third process, rebuilt there from a warm handover (the call went on: resumed).
      expect(await ownerOf(call.sessionId)).toBe(third);
      const rebuilt = third.output().match(new RegExp(`recovery/rebuilt session=${call.sessionId} [^"\\n]*`));
      expect(rebuilt?.[0]).toMatch(/ resumed .*\(warm: [1-9]\d* replayed before/);
      // Nothing lost, nothing twice, no pause recorded by a crash takeover; both clients hold it all.
      const entries = await timeline.read(call.sessionId);
      for (const client of [call.listener, call.trainer])
        await client.waitFor((c) => heldSeq(c) === entries.length, 'every update, across the handover');
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      const texts = said(entries);
      expect(new Set(texts).size).toBe(texts.length);
      for (const [text, seq] of acked.get(call.sessionId)!)
        expect(entries[seq - 1]).toMatchObject({ input: { kind: 'say', text } });
      expect(entries.filter((e) => e.kind === 'input' && e.source === 'system')).toEqual([]);
      // The call goes on without the trainer resuming it.
      expect(await call.listener.send({ kind: 'say', text: 'toujours là' })).toMatchObject({ ok: true });
      expect(await call.trainer.send({ kind: 'end' })).toMatchObject({ ok: true });
    }
  }, 300_000);
});
