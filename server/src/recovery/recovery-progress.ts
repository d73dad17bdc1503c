// How far the background recovery of live sessions has got (DESIGN.md: the server listens first and
// rebuilds live sessions in the background; `/readyz` says when it is done).
import { Injectable } from '@nestjs/common';

@Injectable()
export class RecoveryProgress {
  private total = 0;
  private finished = 0;
  private startedAt: number | undefined;
  private endedAt: number | undefined;

  /** Recovery starts with this many live sessions to rebuild. */
  start(total: number, now: number = Date.now()): void {
    this.total = total;
    this.finished = 0;
    this.startedAt = now;
    this.endedAt = total === 0 ? now : undefined;
  }

  /** One session rebuilt (or given up on: its failure is logged where it happened). */
  sessionDone(now: number = Date.now()): void {
    this.finished += 1;
    if (this.finished >= this.total && this.endedAt === undefined) this.endedAt = now;
  }

  /** True once every live session found at boot has been rebuilt. */
  get done(): boolean {
    return this.startedAt !== undefined && this.endedAt !== undefined;
  }

  get pending(): number {
    return Math.max(0, this.total - this.finished);
  }

  /** How long recovery took, once done (ms). */
  get durationMs(): number | undefined {
    return this.startedAt !== undefined && this.endedAt !== undefined
      ? this.endedAt - this.startedAt
      : undefined;
  }
}
