// Token buckets: per socket, per role link (token), per session and per address, each for
// messages and for the bytes the server sends back. A person clicking fast is fine; a script
// flooding a session, or opening fifty sockets on one link, is answered `input/rate_limited`
// before any parsing or database work; a client that asks for big answers pays their size.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Takes `cost` tokens if there are that many. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether some budget is left (a cost known only afterwards is `spend`-ed then). */
  available(): boolean {
    this.refill();
    return this.tokens > 0;
  }

  /** Spends `cost` even beyond what is left: the debt delays the next `take` or `available`. */
  spend(cost: number): void {
    this.refill();
    this.tokens -= cost;
  }

  /** Back at capacity: as good as a new bucket (the keyed maps drop those). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}

/** A bucket size: `perSecond` sustained, bursts of `capacity`. */
export interface Rate {
  capacity: number;
  perSecond: number;
}

/** Every limit of the gateway (`GATEWAY_LIMITS`; tests may override some). */
export interface GatewayLimits {
  /** Messages of one socket (20 a second sustained, bursts of 40: far above a person). */
  socketMessages: Rate;
  /** Messages of every socket of one role link together. */
  tokenMessages: Rate;
  /** Messages of every socket of one session together. */
  sessionMessages: Rate;
  /** Messages from one address (a training room behind one NAT shares it); null: no limit. */
  addressMessages: Rate | null;
  /** Bytes answered to one socket (sync answers), to one link, to one address. */
  socketBytes: Rate;
  tokenBytes: Rate;
  addressBytes: Rate | null;
  /** A socket with more bytes than this waiting to be sent is disconnected (a slow reader). */
  maxUnsentBytes: number;
  /** A sync answer holds at most this many bytes of entries (then `more`: ask the next page). */
  syncPageBytes: number;
  /** … and at most this many entries. */
  syncPageEntries: number;
}

const MB = 1024 * 1024;

/** The defaults; `addressMessagesPerSecond` 0 turns the address limits off. */
export function gatewayLimits(addressMessagesPerSecond: number): GatewayLimits {
  const perAddress = addressMessagesPerSecond > 0;
  return {
    socketMessages: { capacity: 40, perSecond: 20 },
    tokenMessages: { capacity: 60, perSecond: 30 },
    sessionMessages: { capacity: 200, perSecond: 100 },
    addressMessages: perAddress
      ? { capacity: 2 * addressMessagesPerSecond, perSecond: addressMessagesPerSecond }
      : null,
    socketBytes: { capacity: 4 * MB, perSecond: 1 * MB },
    tokenBytes: { capacity: 8 * MB, perSecond: 2 * MB },
    addressBytes: perAddress ? { capacity: 32 * MB, perSecond: 8 * MB } : null,
    maxUnsentBytes: 2 * MB,
    syncPageBytes: 256 * 1024,
    syncPageEntries: 1000,
  };
}

/** Injection token of the gateway's limits. */
export const GATEWAY_LIMITS = Symbol('GATEWAY_LIMITS');

/** Buckets by key, dropped once refilled so that the map stays as small as the live abuse. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 10_000,
  ) {}

  get(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune();
      bucket = new TokenBucket(this.rate.capacity, this.rate.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops the full buckets (a new one would be the same). */
  prune(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
  }
}

/** Who sends: the keys a message is counted under. */
export interface Sender {
  /** The socket itself (its buckets live as long as it does). */
  socket: object;
  sessionId: string;
  /** The role link: one token per role per session. */
  token: string;
  address: string;
}

/** The limits of the gateway, as one object: `admit` a message, `mayAnswer` / `paid` its bytes. */
export class RateLimiter {
  private readonly socketMessages = new WeakMap<object, TokenBucket>();
  private readonly socketBytes = new WeakMap<object, TokenBucket>();
  private readonly tokenMessages: KeyedBuckets;
  private readonly sessionMessages: KeyedBuckets;
  private readonly addressMessages: KeyedBuckets | null;
  private readonly tokenBytes: KeyedBuckets;
  private readonly addressBytes: KeyedBuckets | null;

  constructor(
    readonly limits: GatewayLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokenMessages = new KeyedBuckets(limits.tokenMessages, now);
    this.sessionMessages = new KeyedBuckets(limits.sessionMessages, now);
    this.addressMessages = limits.addressMessages ? new KeyedBuckets(limits.addressMessages, now) : null;
    this.tokenBytes = new KeyedBuckets(limits.tokenBytes, now);
    this.addressBytes = limits.addressBytes ? new KeyedBuckets(limits.addressBytes, now) : null;
  }

  private own(map: WeakMap<object, TokenBucket>, socket: object, rate: Rate): TokenBucket {
    let bucket = map.get(socket);
    if (!bucket) {
      bucket = new TokenBucket(rate.capacity, rate.perSecond, this.now);
      map.set(socket, bucket);
    }
    return bucket;
  }

  /** Whether one more message from `sender` is admitted now (per socket, link, session, address). */
  admit(sender: Sender): boolean {
    return (
      this.own(this.socketMessages, sender.socket, this.limits.socketMessages).take() &&
      this.tokenMessages.get(sender.token).take() &&
      this.sessionMessages.get(sender.sessionId).take() &&
      (this.addressMessages?.get(sender.address).take() ?? true)
    );
  }

  /** Whether `sender` has some byte budget left for an answer. */
  mayAnswer(sender: Sender): boolean {
    return (
      this.own(this.socketBytes, sender.socket, this.limits.socketBytes).available() &&
      this.tokenBytes.get(sender.token).available() &&
      (this.addressBytes?.get(sender.address).available() ?? true)
    );
  }

  /** Counts the bytes of an answer sent to `sender`. */
  paid(sender: Sender, bytes: number): void {
    this.own(this.socketBytes, sender.socket, this.limits.socketBytes).spend(bytes);
    this.tokenBytes.get(sender.token).spend(bytes);
    this.addressBytes?.get(sender.address).spend(bytes);
  }
}
