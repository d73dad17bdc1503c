// The end-to-end suites' Jest environment: Node's, and when a test or a hook fails, what every
// page still open in the suite's Chromium shows — its address (without the fragment, where the
// role links' tokens are), its visible text, and a screenshot in `test/artifacts/failures/`. A
// failure seen once on a busy CI machine then says what the page showed instead of only what the
// test waited for. The browsers are the ones `launchChromium` started (`support/browser.ts`).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestEnvironment } from 'jest-environment-node';

const failures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'failures');
const TEXT_LIMIT = 1500;
const READ_TIMEOUT_MS = 5_000;

/** A page's answer, or null when it gives none within the time (a hung or crashed tab). */
function within(promise) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS);
  });
  return Promise.race([promise.catch(() => null), late]).finally(() => clearTimeout(timer));
}

function fileName(testName, index) {
  const slug = testName
    .normalize('NFD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return path.join(failures, `${slug}-${index}.png`);
}

export default class FailureEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const browsers = this.global.__ecouteBrowsers ?? [];
    const pages = browsers.flatMap((browser) =>
      browser.isConnected() ? browser.contexts().flatMap((context) => context.pages()) : [],
    );
    if (pages.length === 0) return;
    const testName = event.test?.name ?? event.hook?.type ?? 'hook';
    mkdirSync(failures, { recursive: true });
    const lines = [`[failure] ${testName}: ${pages.length} page(s) open`];
    for (const [index, page] of pages.entries()) {
      const url = page.url().split('#')[0];
      const text = await within(page.evaluate(() => globalThis.document.body?.innerText ?? ''));
      const shot = fileName(testName, index);
      const saved = await within(page.screenshot({ path: shot, fullPage: true }).then(() => true));
      lines.push(
        `--- page ${index + 1}: ${url}${saved ? ` (screenshot: ${path.relative(process.cwd(), shot)})` : ''}`,
        text === null ? '(no answer from the page)' : text.replace(/\n{2,}/g, '\n').slice(0, TEXT_LIMIT),
      );
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}
