// Two processes drain at once (issue 15): three BUILT servers on one real PostgreSQL and one real
// Redis, on loopback, started here. The first two are stopped (SIGTERM) at the same moment while
// their calls go on: neither may name the other successor (it drains too), so every call ends on
// the third process, handed over warm (its successor replayed the head while the call went on),
// none found paused (no call waited for a crash takeover). The clients talk to the third process
// throughout: their inputs are forwarded to the owners, then served there. The processes, stores
// and clients: `cluster-rig.ts`, shared with `cluster.test.ts`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ServerProcess } from '@ecoute/test/support/server-process.js';
import type { InputAck } from '@ecoute/protocol';
import { ClientEvent } from '@ecoute/protocol';
import { SCENARIO, said, sleep, startClusterRig } from './cluster-rig.js';
import type { ClusterRig } from './cluster-rig.js';
import { createSession } from './utils.js';
import type { RoleClient } from './utils.js';

const LEASE_MS = 1_500;
/** Calls per draining process: 3 each, so that a drain naming the other one would hit it. */
const CALLS_EACH = 3;

describe('two processes draining at once', () => {
  let rig: ClusterRig;

  beforeAll(async () => {
    rig = await startClusterRig({ leaseMs: LEASE_MS });
  }, 300_000);

  afterAll(() => rig?.close(), 60_000);

  /**
   * The last seq a client holds with every one before it, as the app counts (`sessionState.ts`):
   * updates chain by `from`/`to` (a role's skip the entries it does not see).
   */
  const heldSeq = (client: RoleClient): number => {
    let seq = 0;
    for (const update of client.updates) if (update.from <= seq && update.to > seq) seq = update.to;
    return seq;
  };

  it('never hand their calls to each other: every call ends on the third process, warm, none paused', async () => {
    const [first, second, third] = rig.servers as [ServerProcess, ServerProcess, ServerProcess];
    const { headers, timeline } = rig;
    const calls: { sessionId: string; listener: RoleClient; trainer: RoleClient; ackedAt: number[] }[] = [];
    const acked = new Map<string, Map<string, number>>();
    for (let i = 0; i < 2 * CALLS_EACH; i++) {
      const creator = i % 2 === 0 ? first : second;
      const created = await createSession(creator.url, SCENARIO, {
        headers: { ...headers, origin: creator.url },
      });
      expect(await rig.ownerOf(created.sessionId)).toBe(creator);
      const listener = await rig.connect(third.url, created.sessionId, created.tokens.listener!);
      const trainer = await rig.connect(third.url, created.sessionId, created.tokens.trainer!);
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
      expect(await rig.ownerOf(call.sessionId)).toBe(third);
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
