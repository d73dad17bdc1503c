// This process's part in the cluster: the heartbeat that keeps its leases (every third of
// ECOUTE_LEASE_MS), the check that drops the runtimes of sessions another process took (their
// appends would be refused anyway, fenced), the takeover of orphaned live sessions (their owner
// died: rebuilt by replay here, as after a crash), the sessions others hand over, and the drain
// on shutdown: every session handed over before the process exits. A drain is a warm handover:
// each session gets a successor among the live processes, which reads and replays its timeline
// while this process still runs the call; then this one settles its appends and passes the lease
// on (the next epoch), and the successor replays only the tail before serving. A draining process
// says so on its heartbeat row first: two drains at once never name each other successor (one
// named just before the other began answers `'draining'`, and its sessions are asked of another).
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SessionsService } from '../sessions/sessions.service.js';
import { CLUSTER } from './cluster.js';
import type { Cluster } from './cluster.js';

/** Sessions taken over at once (each rebuild waits for its durable pause; they share commits). */
const TAKEOVER_WORKERS = 8;
/** Orphans looked for per heartbeat. */
const ORPHANS_PER_BEAT = 100;
/** How long a drain waits for others to take the sessions it released. */
const DRAIN_WAIT_MS = 3_000;
/**
 * How long a drain waits for its successors to replay the sessions' timelines (meanwhile the calls
 * go on here; past it, the handover goes ahead and the successor replays more of it afterwards).
 */
const PREPARE_WAIT_MS = 2_000;
/** Sessions a successor replays at once while it prepares a handover. */
const PREPARE_WORKERS = 4;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

@Injectable()
export class ClusterNode implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Cluster');
  private beat: ReturnType<typeof setInterval> | undefined;
  private beating = false;
  private sweeping = false;
  /** Sessions whose lease this process held at the last heartbeat without running them. */
  private unrun = new Set<string>();

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Optional() @Inject(CLUSTER) private readonly cluster: Cluster | null = null,
  ) {}

  onApplicationBootstrap(): void {
    const cluster = this.cluster;
    if (!cluster) return;
    cluster.link.onHandover((ids, from) => {
      this.logger.log(`cluster/handover from=${from} sessions=${ids.length}`);
      void this.takeOver(ids, true);
    });
    cluster.link.onPrepare((ids, ready) => this.prepare(ids, ready));
    this.beat = setInterval(
      () => void this.heartbeat(cluster),
      Math.max(50, Math.floor(cluster.leaseMs / 3)),
    );
    this.beat.unref();
    this.logger.log(`cluster/joined node=${cluster.node} lease=${cluster.leaseMs}ms`);
  }

  /**
   * Drain: hand every session over, tell the others, wait (bounded) until they took them; and
   * keep the sockets open (inputs forwarded to the new owners) until `/readyz` has answered 503
   * for `drainGraceMs`: by then the load balancer sends no new connection here, and the clients,
   * disconnected when the process closes, reconnect to the others at once.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const cluster = this.cluster;
    if (!cluster) return;
    cluster.draining = true;
    // The heartbeat goes on (renewing this process's row only) until every lease is passed on:
    // while the successors prepare, the leases must not expire, or another process would take
    // the calls as abandoned (paused, as after a crash).
    const started = performance.now();
    // Known as draining before anything is handed: no other drain names this process successor
    // from now on, and a lease another passed to it before is committed (read just below).
    const marked = cluster.leases
      .drain(cluster.node)
      .catch((error: unknown) => this.logger.error(`cluster/drain_mark_failed ${String(error)}`));
    const running = new Map(this.sessions.ownedEpochs());
    this.logger.log(`cluster/draining node=${cluster.node} sessions=${running.size}`);
    // (An ended call has no successor: its lease simply goes.)
    const isCall = (id: string): boolean => this.sessions.loaded(id)?.ended !== true;
    /** Leases held here without a runtime (passed by another drain): released, not handed over. */
    const unrun = new Map<string, number>();
    // Each session handed as soon as it is released, so that its call goes on elsewhere without
    // waiting for the slowest handover. One that cannot be handed over (its lease lost meanwhile,
    // the database slow) must not end the drain early: the others are handed over, the grace kept.
    const handOne = async (id: string, to: string | undefined): Promise<void> => {
      const epoch = unrun.get(id);
      const ended = this.sessions.loaded(id)?.ended === true;
      const passed =
        epoch === undefined
          ? await this.sessions.handOver(id, to)
          : await cluster.release(id, epoch, true, to);
      // Requests here waiting for it ask again now (they are forwarded to its new owner).
      cluster.link.changed([id]);
      // An ended call's lease is gone: nobody is told (every process would rebuild it for nothing:
      // at 200 calls ended earlier, that load made live processes lose their leases).
      if (ended) return;
      // Passed on: told directly; else (no successor, it is gone or drains) anyone may take it.
      if (!(passed && to && (await cluster.link.handTo(to, [id]).catch(() => false))))
        await cluster.link.announceHandover([id]).catch(() => undefined);
    };
    const logFailure = (id: string, reason: unknown): void =>
      this.logger.error(`cluster/handover_failed session=${id} ${String(reason)}`);
    // A call is handed over as soon as its successor has replayed it, not once the successor has
    // replayed them all: its handover is over well before the sockets close.
    const handing = new Map<string, Promise<void>>();
    const handWhenReady = (id: string, to: string): void => {
      if (!handing.has(id))
        handing.set(
          id,
          handOne(id, to).catch((reason: unknown) => logFailure(id, reason)),
        );
    };
    // Warm: each successor replays its sessions' timelines while the calls go on here — named and
    // asked at once for the calls this process runs, while the mark and the read below go on.
    const liveCalls = [...running.keys()].filter(isCall);
    const named = this.successors(cluster, liveCalls, handWhenReady);
    await marked;
    // Passed to this process by another drain just before this one began, never run here (a
    // draining process takes nothing): handed on as well, or it would wait for a crash takeover.
    const held = await cluster.leases.owned(cluster.node).catch(() => new Map<string, number>());
    for (const [id, epoch] of held) if (!running.has(id)) unrun.set(id, epoch);
    const ids = [...running.keys(), ...unrun.keys()];
    const { successor, answers } = await named;
    if (unrun.size > 0) {
      const more = await this.successors(cluster, [...unrun.keys()], handWhenReady);
      for (const [id, node] of more.successor) successor.set(id, node);
      answers.push(...more.answers);
    }
    const calls = [...liveCalls, ...unrun.keys()];
    const preparedMs = Math.round(performance.now() - started);
    const handAll = async (list: string[]): Promise<void> => {
      const outcomes = await Promise.allSettled(list.map((id) => handOne(id, successor.get(id))));
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'rejected') logFailure(list[i]!, outcome.reason);
      });
    };
    // The calls first, then the ended ones (their leases go): the database serves the calls first.
    const live = new Set(calls);
    // (Those not handed yet: prepared late, or with no successor.)
    await handAll(calls.filter((id) => !handing.has(id)));
    await Promise.all(handing.values());
    await handAll(ids.filter((id) => !live.has(id)));
    // A lease still held here (a takeover that was under way when the drain began): released to
    // whoever takes it first.
    const late = await cluster.leases.owned(cluster.node).catch(() => new Map<string, number>());
    unrun.clear();
    for (const [id, epoch] of late) if (!this.sessions.ownedEpochs().has(id)) unrun.set(id, epoch);
    await Promise.allSettled([...late.keys()].map((id) => handOne(id, undefined)));
    // Nothing left to keep: one whose handover failed expires now, to be taken as abandoned.
    if (this.beat) clearInterval(this.beat);
    const deadline = Date.now() + DRAIN_WAIT_MS;
    const handed = new Set([...ids, ...late.keys()]);
    let left = handed.size;
    while (left > 0 && Date.now() < deadline) {
      await sleep(50);
      const orphans = await cluster.leases.orphans(handed.size + ORPHANS_PER_BEAT).catch(() => []);
      left = orphans.filter((o) => handed.has(o.sessionId)).length;
    }
    const handedOverMs = Math.round(performance.now() - started);
    await sleep(cluster.drainGraceMs - (performance.now() - started));
    this.logger.log(
      `cluster/drained sessions=${ids.length} untaken=${left} in ${handedOverMs} ms (successors prepared ${answers.join('+')} in ${preparedMs} ms;${late.size > 0 ? ` ${late.size} held late;` : ''} sockets closed after ${Math.round(performance.now() - started)} ms)`,
    );
  }

  /**
   * A successor per call, round robin over the live processes that do not drain, each asked to
   * prepare its sessions (at most `PREPARE_WAIT_MS` in all). One that answers it drains too
   * (it began after the list was read) is left out, and its sessions asked of the others. A call
   * left without one is released to whoever takes it first.
   */
  private async successors(
    cluster: Cluster,
    calls: string[],
    ready: (sessionId: string, node: string) => void,
  ): Promise<{ successor: Map<string, string>; answers: string[] }> {
    const deadline = performance.now() + PREPARE_WAIT_MS;
    const successor = new Map<string, string>();
    const answers: string[] = [];
    const draining = new Set<string>();
    let pending = calls;
    for (let round = 0; pending.length > 0 && round < 3; round++) {
      const alive = (await cluster.leases.alive(cluster.node).catch((): string[] => [])).filter(
        (node) => !draining.has(node),
      );
      if (alive.length === 0) break;
      const offset = Math.floor(Math.random() * alive.length);
      const groups = new Map<string, string[]>();
      pending.forEach((id, i) => {
        const node = alive[(i + offset) % alive.length]!;
        groups.set(node, [...(groups.get(node) ?? []), id]);
      });
      const replies = await Promise.all(
        [...groups].map(async ([node, group]) => ({
          node,
          group,
          reply: await cluster.link.prepareAt(node, group, deadline - performance.now(), (id) =>
            ready(id, node),
          ),
        })),
      );
      pending = [];
      for (const { node, group, reply } of replies) {
        answers.push(reply === null ? 'no answer' : String(reply));
        if (reply === 'draining') {
          draining.add(node);
          pending.push(...group);
        } else for (const id of group) successor.set(id, node);
      }
    }
    return { successor, answers };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.beat) clearInterval(this.beat);
    await this.cluster?.close();
  }

  private async heartbeat(cluster: Cluster): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      await cluster.leases.heartbeat(cluster.node, cluster.leaseMs);
      // Draining: this process takes nothing and drops nothing any more, it only stays alive.
      if (cluster.draining) return;
      // Sessions another process took while this one was stalled: their runtimes go. Only those
      // held before the question was asked: one created or taken meanwhile is not in its answer
      // (it was dropped as lost, then rebuilt paused: a refused pickup at 200 calls).
      const before = new Map(this.sessions.ownedEpochs());
      const held = await cluster.leases.owned(cluster.node);
      for (const [id, epoch] of this.sessions.ownedEpochs())
        if (epoch > 0 && before.get(id) === epoch && held.get(id) !== epoch) this.sessions.dropLost(id);
      // Passed to this process by a draining one whose word did not arrive: taken up — once seen
      // so at two heartbeats running (one lease released by an idle unload may still show once).
      const unrun = [...held.keys()].filter((id) => !this.sessions.ownedEpochs().has(id));
      const adopted = unrun.filter((id) => this.unrun.has(id));
      this.unrun = new Set(unrun);
      if (adopted.length > 0) void this.takeOver(adopted, true);
      // Not awaited: rebuilds never hold the next heartbeat back (a late heartbeat loses leases).
      if (!this.sweeping) {
        this.sweeping = true;
        void this.sweep(cluster).finally(() => (this.sweeping = false));
      }
    } catch (error) {
      this.logger.error(`cluster/heartbeat_failed node=${cluster.node} ${String(error)}`);
    } finally {
      this.beating = false;
    }
  }

  /**
   * Released by a drain (its announcement may not have come yet): the call goes on here, no
   * pause recorded; left by a dead process: rebuilt paused, as after a crash (the lease's answer
   * at the acquire decides which, `recovery/rebuild-session.ts`).
   */
  private async sweep(cluster: Cluster): Promise<void> {
    try {
      const orphans = await cluster.leases.orphans(ORPHANS_PER_BEAT);
      const handedOver = orphans.filter((o) => o.handover).map((o) => o.sessionId);
      const abandoned = orphans.filter((o) => !o.handover).map((o) => o.sessionId);
      if (handedOver.length > 0) await this.takeOver(handedOver, true);
      if (abandoned.length > 0) await this.takeOver(abandoned, false);
    } catch (error) {
      this.logger.error(`cluster/takeover_failed node=${cluster.node} ${String(error)}`);
    }
  }

  /**
   * Named successor by a draining process: these sessions' timelines replayed ahead, each one
   * said `ready` as soon as it is (then the draining process hands it over).
   */
  private async prepare(ids: string[], ready: (sessionId: string) => void): Promise<number | 'draining'> {
    if (this.cluster?.draining) return 'draining';
    const started = performance.now();
    const queue = ids.values();
    let prepared = 0;
    const worker = async (): Promise<void> => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        try {
          if ((await this.sessions.prepareHandover(next.value)) > 0) prepared++;
        } catch (error) {
          this.logger.error(`cluster/prepare_failed session=${next.value} ${String(error)}`);
        }
        ready(next.value);
      }
    };
    await Promise.all(Array.from({ length: PREPARE_WORKERS }, worker));
    this.logger.log(
      `cluster/prepared sessions=${prepared} of=${ids.length} in ${Math.round(performance.now() - started)} ms`,
    );
    return prepared;
  }

  /** Takes these sessions if still free (another process may be quicker: then it is theirs). */
  private async takeOver(ids: string[], handover: boolean): Promise<void> {
    const started = performance.now();
    // Shuffled: processes taking one list at once split it rather than race down the same order.
    const queue = [...ids].sort(() => Math.random() - 0.5).values();
    let taken = 0;
    const worker = async (): Promise<void> => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        if (this.cluster?.draining) return;
        try {
          const placed = await this.sessions.placeFor(next.value);
          if (!('elsewhere' in placed) && !('ok' in placed)) taken++;
        } catch (error) {
          this.logger.error(`cluster/takeover_failed session=${next.value} ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: TAKEOVER_WORKERS }, worker));
    if (taken > 0)
      this.logger.log(
        `cluster/took sessions=${taken} of=${ids.length} ${handover ? 'handover' : 'orphans'} in ${Math.round(performance.now() - started)} ms`,
      );
  }
}
