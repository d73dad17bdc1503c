// Between processes over Redis pub/sub: an input or a sync that lands on a process that does not
// own the session is forwarded to the owner's own channel and answered from there; a draining
// process announces the sessions it hands over. PUBLISH tells how many processes received a
// message: 0 on the owner's channel means the owner is gone (its connection closed), so the
// sender waits for its lease to expire and takes the session over, instead of waiting for a
// reply that will never come.
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
  | { type: 'reply'; id: string; reply: ForwardedReply };

const nodeChannel = (node: string): string => `ecoute:node:${node}`;
const HANDOVER_CHANNEL = 'ecoute:handover';

export class OwnerLink {
  private readonly waiting = new Map<string, (reply: ForwardedReply) => void>();
  private serve: ((request: ForwardedRequest) => Promise<ForwardedReply>) | undefined;
  private handover: ((sessionIds: string[], from: string) => void) | undefined;

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
      if (from !== this.node) this.handover?.(sessionIds, from);
      return;
    }
    const m = message as Message;
    if (m.type === 'reply') {
      this.waiting.get(m.id)?.(m.reply);
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
