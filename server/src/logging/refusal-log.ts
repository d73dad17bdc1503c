// Refusals logged at a bounded rate: a flood of bad messages (one client, or many) must not flood
// the log nor slow the server with it. The first `perWindow` refusals of each code in a window are
// logged; the rest are only counted, and one summary line per code says how many were left out.
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
    const now = this.now();
    let window = this.windows.get(fields.code);
    if (window && now - window.startedAt >= this.windowMs) {
      this.summarise(fields.code, window);
      window = undefined;
    }
    if (!window) {
      window = { startedAt: now, logged: 0, skipped: 0 };
      this.windows.set(fields.code, window);
    }
    if (window.logged < this.perWindow) {
      window.logged += 1;
      this.sink(fields, 'refused');
    } else {
      window.skipped += 1;
    }
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
