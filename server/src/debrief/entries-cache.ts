// The timeline part of the debrief's answer (the JSON of thousands of entries), built once per
// session, viewer's variant and last seq, and kept in memory for the next debriefs of the same
// call: a debrief is opened again and again (the trainer, the learner, a reload, the group).
// Bounded by size (least recently used first out); a timeline that grew is built again. A
// restart starts empty: the first debrief of each call after it builds it again.

/** Kept at most, in bytes (UTF-8, as sent). */
const MAX_KEPT = 64 * 1024 * 1024;

export class EntriesCache {
  private readonly kept = new Map<string, { lastSeq: number; json: Buffer }>();
  private size = 0;

  constructor(private readonly max = MAX_KEPT) {}

  get(sessionId: string, variant: string, lastSeq: number): Buffer | undefined {
    const key = `${sessionId}|${variant}`;
    const found = this.kept.get(key);
    if (!found || found.lastSeq !== lastSeq) return undefined;
    // Most recently used last.
    this.kept.delete(key);
    this.kept.set(key, found);
    return found.json;
  }

  set(sessionId: string, variant: string, lastSeq: number, json: Buffer): void {
    const key = `${sessionId}|${variant}`;
    this.remove(key);
    if (json.length > this.max) return;
    this.kept.set(key, { lastSeq, json });
    this.size += json.length;
    for (const [oldest] of this.kept) {
      if (this.size <= this.max) break;
      this.remove(oldest);
    }
  }

  /** Forgets every variant of a session (deleted). */
  forget(sessionId: string): void {
    for (const key of [...this.kept.keys()]) if (key.startsWith(`${sessionId}|`)) this.remove(key);
  }

  private remove(key: string): void {
    const found = this.kept.get(key);
    if (!found) return;
    this.size -= found.json.length;
    this.kept.delete(key);
  }
}
