// Between processes over Redis pub/sub: an input or a sync that lands on a process that does not
// own the session is forwarded to the owner's own channel and answered from there; a draining
// process announces the sessions it hands over. PUBLISH tells how many processes received a
// message: 0 on the owner's channel means the owner is gone (its connection closed), so the
// sender waits for its lease to expire and takes the session over, instead of waiting for a
// reply that will never come. A draining process also asks a successor to prepare the sessions
// it will pass to it (replay their timelines while it still runs them: a warm handover), then
// tells it when each one is its own; a successor draining itself answers so (`'draining'`), and
// the sessions are asked of another.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Role } from '@ecoute/engine';
import type { Input } from '@ecoute/engine';
import type { InputAck, SyncAck } from '@ecoute/protocol';

export type ForwardedRequest =
  | { kind: 'input'; sessionId: string; role: Role; input: Input }
  | { kind: 'sync'; sessionId: string; role: Role; after: number; page: { entries: number; bytes: number } };

/** `placed: false`: the receiver does not hold the session (any more); ask again. */
export type ForwardedReply = { placed: true; answer: InputAck | SyncAck } | { placed: false };

export type CallOutcome =
  | { kind: 'answer'; reply: ForwardedReply }
  /** Nobody listens on the owner's channel: it is gone. */
  | { kind: 'gone' }
  /** No reply in time: the owner may be stalled, or may have applied it and died. */
  | { kind: 'timeout' };

type Message =
  | { type: 'call'; id: string; from: string; request: ForwardedRequest }
  | { type: 'reply'; id: string; reply: ForwardedReply }
  | { type: 'prepare'; id: string; from: string; sessionIds: string[] }
  | { type: 'prepared'; id: string; count: number | 'draining' }
  /** One session of a `prepare` replayed (the draining process may hand it over now). */
  | { type: 'ready'; id: string; sessionId: string }
  | { type: 'yours'; from: string; sessionIds: string[] };

const nodeChannel = (node: string): string => `ecoute:node:${node}`;
const HANDOVER_CHANNEL = 'ecoute:handover';

export class OwnerLink {
  private readonly waiting = new Map<string, (reply: ForwardedReply) => void>();
  private readonly preparing = new Map<string, (count: number | 'draining') => void>();
  /** Per `prepare` asked, what to do as each of its sessions is ready. */
  private readonly readying = new Map<string, (sessionId: string) => void>();
  private serve: ((request: ForwardedRequest) => Promise<ForwardedReply>) | undefined;
  private handover: ((sessionIds: string[], from: string) => void) | undefined;
  private prepare:
    ((sessionIds: string[], ready: (sessionId: string) => void) => Promise<number | 'draining'>) | undefined;
  /** Requests waiting for a session to change hands (`changeOf`), per session. */
  private readonly awaiting = new Map<string, Set<() => void>>();

  constructor(
    readonly node: string,
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {}

  async start(): Promise<void> {
    this.sub.on('message', (channel: string, text: string) => this.received(channel, text));
    await this.sub.subscribe(nodeChannel(this.node), HANDOVER_CHANNEL);
  }

  /** What this process answers to forwarded requests. */
  onRequest(serve: (request: ForwardedRequest) => Promise<ForwardedReply>): void {
    this.serve = serve;
  }

  /** What this process does when another hands sessions over. */
  onHandover(handover: (sessionIds: string[], from: string) => void): void {
    this.handover = handover;
  }

  /**
   * What this process does when a draining one names it successor (`prepareAt`): how many it
   * prepared, or `'draining'` when it drains itself (then the sessions go to another); `ready`
   * tells the draining process of each session as soon as it is prepared.
   */
  onPrepare(
    prepare: (sessionIds: string[], ready: (sessionId: string) => void) => Promise<number | 'draining'>,
  ): void {
    this.prepare = prepare;
  }

  /**
   * Asks `node` to prepare these sessions (read and replay their timelines) and waits until it
   * has, at most `timeoutMs`: resolves with how many it prepared (null: no answer in time;
   * `'draining'`: it drains too, another successor is needed). `ready` is called as each session
   * is prepared, before the answer (the drain hands that one over at once).
   */
  prepareAt(
    node: string,
    sessionIds: string[],
    timeoutMs: number,
    ready: (sessionId: string) => void = () => undefined,
  ): Promise<number | 'draining' | null> {
    const id = randomUUID();
    const message: Message = { type: 'prepare', id, from: this.node, sessionIds };
    return new Promise<number | 'draining' | null>((resolve) => {
      const done = (count: number | 'draining' | null): void => {
        clearTimeout(timer);
        this.preparing.delete(id);
        this.readying.delete(id);
        resolve(count);
      };
      this.readying.set(id, ready);
      const timer = setTimeout(() => done(null), timeoutMs);
      this.preparing.set(id, done);
      this.pub.publish(nodeChannel(node), JSON.stringify(message)).then(
        (receivers) => receivers > 0 || done(null),
        () => done(null),
      );
    });
  }

  /** Tells `node` these sessions are its own now (their leases passed to it): false if gone. */
  async handTo(node: string, sessionIds: string[]): Promise<boolean> {
    const message: Message = { type: 'yours', from: this.node, sessionIds };
    return (await this.pub.publish(nodeChannel(node), JSON.stringify(message))) > 0;
  }

  /** Sends `request` to `owner` and waits for its reply, at most `timeoutMs`. */
  call(owner: string, request: ForwardedRequest, timeoutMs: number): Promise<CallOutcome> {
    const id = randomUUID();
    const message: Message = { type: 'call', id, from: this.node, request };
    return new Promise<CallOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve({ kind: 'answer', reply });
      });
      this.pub.publish(nodeChannel(owner), JSON.stringify(message)).then(
        (receivers) => {
          if (receivers > 0) return;
          clearTimeout(timer);
          this.waiting.delete(id);
          resolve({ kind: 'gone' });
        },
        () => undefined, // Redis unreachable: the timeout answers
      );
    });
  }

  /**
   * Resolves when this process learns that the session changed hands — passed to it (`yours`),
   * released to all, or handed on by this process's own drain (`changed`) — or after `ms`: a
   * request waiting for a handover asks again at once rather than at its next poll. Resolves
   * with which came first: `'changed'` or `'timeout'`.
   */
  changeOf(sessionId: string, ms: number): Promise<'changed' | 'timeout'> {
    return new Promise<'changed' | 'timeout'>((resolve) => {
      const waiting = this.awaiting.get(sessionId) ?? new Set<() => void>();
      this.awaiting.set(sessionId, waiting);
      const finish = (why: 'changed' | 'timeout'): void => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0 && this.awaiting.get(sessionId) === waiting) this.awaiting.delete(sessionId);
        resolve(why);
      };
      const done = (): void => finish('changed');
      const timer = setTimeout(() => finish('timeout'), ms);
      waiting.add(done);
    });
  }

  /** These sessions changed hands: the requests waiting for them ask again now. */
  changed(sessionIds: readonly string[]): void {
    for (const id of sessionIds) for (const done of [...(this.awaiting.get(id) ?? [])]) done();
  }

  /** Tells every process that these sessions are free to take now. */
  async announceHandover(sessionIds: string[]): Promise<void> {
    await this.pub.publish(HANDOVER_CHANNEL, JSON.stringify({ from: this.node, sessionIds }));
  }

  private received(channel: string, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (channel === HANDOVER_CHANNEL) {
      const { from, sessionIds } = message as { from: string; sessionIds: string[] };
      if (from !== this.node) {
        this.handover?.(sessionIds, from);
        this.changed(sessionIds);
      }
      return;
    }
    const m = message as Message;
    if (m.type === 'reply') {
      this.waiting.get(m.id)?.(m.reply);
      return;
    }
    if (m.type === 'prepared') {
      this.preparing.get(m.id)?.(m.count);
      return;
    }
    if (m.type === 'ready') {
      this.readying.get(m.id)?.(m.sessionId);
      return;
    }
    if (m.type === 'yours') {
      this.handover?.(m.sessionIds, m.from);
      this.changed(m.sessionIds);
      return;
    }
    if (m.type === 'prepare') {
      const prepare = this.prepare;
      if (!prepare) return;
      const ready = (sessionId: string): void => {
        const word: Message = { type: 'ready', id: m.id, sessionId };
        this.pub.publish(nodeChannel(m.from), JSON.stringify(word)).catch(() => undefined);
      };
      void prepare(m.sessionIds, ready)
        .catch((): number => 0)
        .then((count) => {
          const answer: Message = { type: 'prepared', id: m.id, count };
          return this.pub.publish(nodeChannel(m.from), JSON.stringify(answer));
        })
        .catch(() => undefined);
      return;
    }
    const serve = this.serve;
    if (!serve) return;
    void serve(m.request)
      .catch((): ForwardedReply => ({ placed: false }))
      .then((reply) => {
        const answer: Message = { type: 'reply', id: m.id, reply };
        return this.pub.publish(nodeChannel(m.from), JSON.stringify(answer));
      })
      .catch(() => undefined);
  }
}
