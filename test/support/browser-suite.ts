// A describe's built server and Chromium: started in its `beforeAll`, closed in its `afterAll`
// with every browser context it opened. What it returns reads them inside the tests.
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startServerProcess } from './server-process.js';
import type { ServerProcess } from './server-process.js';

export interface BrowserSuite {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** A new browser context, closed with the suite. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** `env`: the server's environment (e.g. `MANUAL_CLOCK`). */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServerProcess(env);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async context(options) {
      const context = await started(browser, 'Chromium').newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
