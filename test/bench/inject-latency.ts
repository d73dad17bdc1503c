// Measures, in a real Chromium, the latency from a trainer's inject click to the listener's screen
// update: p50 and p99 over N injects (200 by default). Not a test: it prints the figures.
//
//   npx tsc -b test && node test/dist/bench/inject-latency.js [--count=200] [--inject=<label>]
//
// The built server runs as its own process (session time slowed 10×, so that no caller timer
// ends the call during the run); the listener has picked up. The trainer page clicks the generic
// « Grésillements sur la ligne » event (or a scenario inject that stays available, by its label,
// with --inject=<label>) and notes the time; a MutationObserver in the listener page notes when the
// transcript shows the new entry. Both pages run in the same browser on the same machine, and
// both times are `performance.timeOrigin + performance.now()`: one clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { joinSession } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import { signedInTrainer } from '../support/accounts.js';
import { distribution, ms } from './stats.js';

interface Options {
  count: number;
  scenario: string;
  /** A scenario inject's label to click instead of the generic crackle. */
  inject: string | null;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  return {
    count: Number(value('count') ?? 200),
    scenario: value('scenario') ?? 'detresse-suicidaire',
    inject: value('inject') ?? null,
  };
}

const CRACKLE_BUTTON = 'Grésillements sur la ligne';
const CRACKLE_TEXT = '(grésillements)';

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const server = await startServerProcess({ ECOUTE_CLOCK_RATE: '0.1', LOG_LEVEL: 'error' });
  const browser = await launchChromium();
  try {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: options.scenario }),
    });
    if (!created.ok) throw new Error(`session not created: ${created.status} ${await created.text()}`);
    const { links } = (await created.json()) as { links: Record<string, string> };
    const open = async (link: string, name: string): Promise<Page> => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${link}`);
      await joinSession(page, name);
      return page;
    };
    const trainer = await open(links.trainer!, 'Formateur·rice');
    const listener = await open(links.listener!, 'Écoutant·e');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await listener.getByRole('button', { name: 'Raccrocher', exact: true }).waitFor();

    const button = options.inject ?? CRACKLE_BUTTON;
    await trainer.getByRole('button', { name: button, exact: true }).waitFor();
    // What the listener's screen shows for each click: a new transcript entry (the crackle's cue,
    // or for a scenario inject whatever entry it causes).
    await listener.evaluate(
      (expected) => {
        const marks: number[] = [];
        (window as unknown as { __marks: number[] }).__marks = marks;
        const log = document.querySelector('[role="log"] ol');
        if (!log) throw new Error('no transcript');
        new MutationObserver((mutations) => {
          const now = performance.timeOrigin + performance.now();
          for (const mutation of mutations)
            for (const node of Array.from(mutation.addedNodes))
              if (
                node instanceof HTMLElement &&
                (expected === null || node.textContent?.includes(expected))
              ) {
                marks.push(now);
                return;
              }
        }).observe(log, { childList: true });
      },
      options.inject ? null : CRACKLE_TEXT,
    );

    const latencies: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const clickedAt = await trainer.evaluate((name) => {
        const target = Array.from(document.querySelectorAll('button')).find(
          (candidate) => candidate.textContent?.trim() === name,
        );
        if (!target || target.disabled) throw new Error(`button « ${name} » unavailable`);
        const at = performance.timeOrigin + performance.now();
        target.click();
        return at;
      }, button);
      await listener.waitForFunction(
        (n) => (window as unknown as { __marks: number[] }).__marks.length >= n,
        i + 1,
        { timeout: 10_000, polling: 'raf' },
      );
      const shownAt = await listener.evaluate(
        (n) => (window as unknown as { __marks: number[] }).__marks[n]!,
        i,
      );
      latencies.push(shownAt - clickedAt);
      // Under the server's rate limit (20 inputs/s per socket), with room to spare.
      await trainer.waitForTimeout(60);
    }

    const figures = distribution(latencies);
    const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
    console.log(
      `Inject → listener screen, ${figures.count} injects (${button}), Chromium ${browser.version()}`,
    );
    console.log(
      `  p50 ${ms(figures.p50)}   p99 ${ms(figures.p99)}   mean ${ms(mean)}   max ${ms(figures.max)}`,
    );
    const dir = path.join(workspaceRoot, 'test', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `inject-latency-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ button, figures, mean, latencies }, null, 2));
    console.log(`  raw figures: ${path.relative(workspaceRoot, file)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
