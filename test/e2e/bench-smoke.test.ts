// The benchmark harness in smoke mode (N = 5 for 10 s), so that it keeps working: both targets
// run end to end, every input is acked and delivered, and the figures are there. Speed itself
// is not asserted here (figures are for `npm run bench`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runBench } from '../bench/bench.js';
import { workspaceRoot } from '../support/server-process.js';

describe('npm run bench -- --smoke', () => {
  it('runs the product and the bare relay, loses nothing, reports figures', async () => {
    expect(existsSync(path.join(workspaceRoot, 'test/dist/bench/load.js'))).toBe(true);
    const lines: string[] = [];
    const report = await runBench(
      { smoke: true, maxSessions: 5, durationMs: 10_000, warmupMs: 1_000, p99LimitMs: 50 },
      (line) => lines.push(line),
    );
    for (const step of [...report.product, ...report.relay]) {
      expect(step.sessions).toBe(5);
      // 5 listeners, one say every 500 ms (a move every 20th), over 10 s: about 95 each.
      expect(step.inputsSent).toBeGreaterThan(60);
      expect(step.lost).toBe(0);
      expect(step.failedAcks).toBe(0);
      expect(step.toLastObserver.count).toBe(step.inputsSent);
      expect(Number.isFinite(step.toTrainer.p99)).toBe(true);
    }
    expect(report.product[0]?.serverCpuMicrosPerInput).toBeGreaterThan(0);
    expect(report.product[0]?.eventLoopDelayP99Ms).toBeGreaterThan(0);
    // FULL durability: the server's WAL syncs were counted (null without any). About one input a
    // sync at this load; the window's edges can cut a sync from its batches, hence not ≥ 1.
    expect(report.product[0]?.appendsPerSync).toBeGreaterThan(0.5);
    for (const step of [...report.product, ...report.relay]) {
      expect(step.gcShare).not.toBeNull();
      expect(step.generatorBusy).toBeGreaterThan(0);
      expect(step.generatorBusy).toBeLessThan(1);
    }
    expect(lines.some((l) => l.startsWith('product'))).toBe(true);
  }, 300_000);
});
