// Refusals logged at a bounded rate: a flood of bad messages or requests (one client, or many)
// must not flood the log nor slow the server with it. The first `perWindow` refusals of each code
// in a window are logged; the rest are only counted, and one summary line per code says how many
// were left out. One per app (logging.module.ts): the gateway's refusals and HTTP 4xx answers.
export interface RefusalFields {
  code: string;
  [field: string]: unknown;
}

export type RefusalSink = (fields: Record<string, unknown>, message: string) => void;

interface Window {
  startedAt: number;
  logged: number;
  skipped: number;
}

export class RefusalLog {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly sink: RefusalSink,
    private readonly now: () => number = Date.now,
    readonly perWindow = 10,
    readonly windowMs = 60_000,
  ) {}

  record(fields: RefusalFields): void {
    if (this.admit(fields.code)) this.sink(fields, 'refused');
  }

  /**
   * Whether one more refusal of `code` may be logged now (the caller logs it); when not, it is
   * counted for the summary.
   */
  admit(code: string): boolean {
    const now = this.now();
    let window = this.windows.get(code);
    if (window && now - window.startedAt >= this.windowMs) {
      this.summarise(code, window);
      window = undefined;
    }
    if (!window) {
      window = { startedAt: now, logged: 0, skipped: 0 };
      this.windows.set(code, window);
    }
    if (window.logged < this.perWindow) {
      window.logged += 1;
      return true;
    }
    window.skipped += 1;
    return false;
  }

  /** Closes the windows that are over, with their summaries (run every window by a timer). */
  flush(): void {
    const now = this.now();
    for (const [code, window] of this.windows) {
      if (now - window.startedAt < this.windowMs) continue;
      this.summarise(code, window);
      this.windows.delete(code);
    }
  }

  private summarise(code: string, window: Window): void {
    if (window.skipped === 0) return;
    this.sink(
      { code, notLogged: window.skipped, windowS: this.windowMs / 1000 },
      'refusals not logged (rate bound)',
    );
  }
}
