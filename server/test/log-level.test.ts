// LOG_LEVEL with the JSON logs, in a file of its own: nestjs-pino builds one logger per process
// (per test file under Jest), from the first app's settings.
import { describe, expect, it } from '@jest/globals';
import { startServer } from './utils.js';

/** Waits until `ready` holds (at most 5 s): a request's line follows its response. */
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('LOG_LEVEL', () => {
  it('keeps lines under its level out (warn: no request or boot lines, refusals in)', async () => {
    let raw = '';
    const server = await startServer({
      env: { LOG_LEVEL: 'warn' },
      logDestination: { write: (text: string) => (raw += text) },
    });
    try {
      expect((await fetch(`${server.url}/api/scenarios`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/sessions`)).status).toBe(401);
      await until(() => raw.includes('"statusCode":401'));
      const levels = raw
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { level: number }).level);
      expect(levels.length).toBeGreaterThan(0);
      expect(levels.every((level) => level >= 40)).toBe(true);
    } finally {
      await server.close();
    }
  }, 30_000);
});
