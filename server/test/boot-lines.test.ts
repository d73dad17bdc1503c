// At the default LOG_LEVEL the real app's boot writes its own lines, not Nest's ~120 wiring lines
// (one per module, route, gateway), so that the start line stays findable. In a file of its own:
// nestjs-pino builds one logger per process (per test file under Jest), from the first app's settings.
import { describe, expect, it } from '@jest/globals';
import { BOOT_CONTEXTS } from '../src/logging/boot-lines.js';
import { startServer } from './utils.js';

describe('Boot lines at LOG_LEVEL=log', () => {
  it("keeps Nest's per-module and per-route lines out, the app's own lines in, all JSON", async () => {
    let raw = '';
    const server = await startServer({
      env: { LOG_LEVEL: 'log' },
      logDestination: { write: (text: string) => (raw += text) },
    });
    try {
      const lines = raw
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { level: number; context?: string; msg?: string });
      expect(lines.some((l) => l.msg?.includes('scénario(s) chargé(s)'))).toBe(true);
      expect(lines.filter((l) => BOOT_CONTEXTS.has(l.context ?? ''))).toEqual([]);
      expect(lines.every((l) => l.level >= 30)).toBe(true);
      // A handful, not a screenful.
      expect(lines.length).toBeLessThan(20);
    } finally {
      await server.close();
    }
  }, 30_000);
});
