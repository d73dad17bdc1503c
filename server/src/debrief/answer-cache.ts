// The debriefs' answers kept in memory, per session, while its timeline's last seq is the same
// (the timeline is append-only: the rows up to a seq never change): the few rows the answer's
// head reads (joins, bookmarks, notes, the ending) and, per viewer's variant, the last answer
// sent with its head's JSON text — given back only for the same head, so a judgment, a mark,
// a self-assessment or scores kept anew make a new answer. Bounded by size (least recently
// used session first out); a restart starts empty.
import type { TimelineRow } from './debrief-store.js';
import type { EncodedAnswer } from './encoded-answer.js';

/** Kept at most, in bytes (the answers' JSON and their encodings). */
const MAX_KEPT = 96 * 1024 * 1024;

interface KeptSession {
  lastSeq: number;
  rows: readonly TimelineRow[];
  answers: Map<string, { head: string; answer: EncodedAnswer }>;
}

export class AnswerCache {
  private readonly kept = new Map<string, KeptSession>();

  constructor(private readonly max = MAX_KEPT) {}

  /** The head's rows of the session at this last seq, if kept. */
  rows(sessionId: string, lastSeq: number): readonly TimelineRow[] | undefined {
    return this.session(sessionId, lastSeq)?.rows;
  }

  /** Keeps the head's rows at this last seq (what was kept for another seq goes). */
  setRows(sessionId: string, lastSeq: number, rows: readonly TimelineRow[]): void {
    if (this.session(sessionId, lastSeq)) return;
    this.kept.set(sessionId, { lastSeq, rows, answers: new Map() });
    this.bound();
  }

  /** The answer kept for this variant, last seq and head (its JSON text), if any. */
  answer(sessionId: string, lastSeq: number, variant: string, head: string): EncodedAnswer | undefined {
    const found = this.session(sessionId, lastSeq)?.answers.get(variant);
    return found?.head === head ? found.answer : undefined;
  }

  setAnswer(sessionId: string, lastSeq: number, variant: string, head: string, answer: EncodedAnswer): void {
    const found = this.session(sessionId, lastSeq);
    if (!found) return;
    found.answers.set(variant, { head, answer });
    this.bound();
  }

  /** Forgets a session (deleted). */
  forget(sessionId: string): void {
    this.kept.delete(sessionId);
  }

  /** The session's kept entry at this last seq, made the most recently used. */
  private session(sessionId: string, lastSeq: number): KeptSession | undefined {
    const found = this.kept.get(sessionId);
    if (!found || found.lastSeq !== lastSeq) return undefined;
    this.kept.delete(sessionId);
    this.kept.set(sessionId, found);
    return found;
  }

  /** Drops the least recently used sessions while over the size (encodings count once done). */
  private bound(): void {
    let size = 0;
    for (const session of this.kept.values())
      for (const { answer } of session.answers.values()) size += answer.bytes;
    for (const [id, session] of this.kept) {
      if (size <= this.max || this.kept.size <= 1) break;
      for (const { answer } of session.answers.values()) size -= answer.bytes;
      this.kept.delete(id);
    }
  }
}
