import { describe, expect, it } from '@jest/globals';
import { RefusalLog } from './refusal-log.js';

describe('RefusalLog', () => {
  it('logs the first refusals of a code per window, then one summary of the rest', () => {
    let now = 0;
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const log = new RefusalLog(
      (fields, message) => lines.push({ fields, message }),
      () => now,
      3,
      60_000,
    );
    for (let i = 0; i < 50; i++) log.record({ code: 'input/invalid', socket: `s${i}` });
    log.record({ code: 'auth/forbidden_role' });
    expect(lines.filter((l) => l.fields.code === 'input/invalid')).toHaveLength(3);
    expect(lines.filter((l) => l.fields.code === 'auth/forbidden_role')).toHaveLength(1);
    now = 30_000;
    log.flush();
    expect(lines).toHaveLength(4);
    now = 60_000;
    log.flush();
    expect(lines.at(-1)).toEqual({
      fields: { code: 'input/invalid', notLogged: 47, windowS: 60 },
      message: 'refusals not logged (rate bound)',
    });
    expect(lines).toHaveLength(5);
    log.record({ code: 'input/invalid' });
    expect(lines.at(-1)?.message).toBe('refused');
  });

  it('summarises a window when the next refusal of its code comes after it', () => {
    let now = 0;
    const lines: Record<string, unknown>[] = [];
    const log = new RefusalLog(
      (fields) => lines.push(fields),
      () => now,
      1,
      1_000,
    );
    log.record({ code: 'input/rate_limited' });
    log.record({ code: 'input/rate_limited' });
    now = 1_500;
    log.record({ code: 'input/rate_limited' });
    expect(lines).toEqual([
      { code: 'input/rate_limited' },
      { code: 'input/rate_limited', notLogged: 1, windowS: 1 },
      { code: 'input/rate_limited' },
    ]);
  });

  it('admits the first refusals of a code for a caller that logs them itself', () => {
    const lines: Record<string, unknown>[] = [];
    const log = new RefusalLog(
      (fields) => lines.push(fields),
      () => 0,
      2,
      1_000,
    );
    expect([1, 2, 3, 4].map(() => log.admit('http/404'))).toEqual([true, true, false, false]);
    expect(lines).toEqual([]);
  });
});
