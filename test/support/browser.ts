// Debian's Chromium driven by playwright-core: never a downloaded browser. Playwright gives
// each launch a fresh temporary profile.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is missing: run `apt-get install -y chromium` (npm test does it when root)');
  }
}

/** Chromium headless for the tests and benches; `extraArgs` for a caller's own switches. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  // Known to the end-to-end suites' environment, which shows its pages when a test fails
  // (`failure-environment.mjs`).
  const known = globalThis as { __ecouteBrowsers?: Browser[] };
  (known.__ecouteBrowsers ??= []).push(browser);
  browser.on('disconnected', () => {
    known.__ecouteBrowsers = known.__ecouteBrowsers?.filter((b) => b !== browser);
  });
  return browser;
}

/** The focused element as a test reads it: `tag: its text` (spaces folded), or `body`. */
function describeFocus(): string {
  const active = document.activeElement;
  if (!active || active === document.body) return 'body';
  return `${active.tagName.toLowerCase()}: ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
}

/**
 * What has the focus once it matches `expected`, or what has it after `timeoutMs` (for the
 * test's assertion to show). A page may move the focus in the render after the one that shows the
 * change a test waited for (a list's new item, then the focus on it): read at once, on a busy
 * machine, the focus would still be where the action left it.
 */
export async function settledFocus(page: Page, expected: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const focused = await page.evaluate(describeFocus);
    if (expected.test(focused) || Date.now() > deadline) return focused;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
