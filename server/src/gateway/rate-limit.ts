// A token bucket per socket: a person clicking fast is fine, a script flooding a session is
// answered `input/rate_limited` before any parsing or database work.
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

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** 20 messages a second sustained, bursts of 40: far above a person, far below a flood. */
export const RATE_LIMIT = { capacity: 40, perSecond: 20 };
