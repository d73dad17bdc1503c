// Keystroke → diagnostics in the studio's editor, for a library-size call: the largest built-in
// call (detresse-suicidaire, ~140 kB of YAML) duplicated into the organisation's library, opened
// in Chromium, then characters typed one at a time; the page records, for each lint, the time
// from the last keystroke to the diagnostics shown and the worker's share; then characters typed in
// a form's field (the caller's name), each one an edit of the call. Not a test: figures.
//
//   node scripts/run.mjs build && npx tsc -b test && node test/dist/bench/studio-keystroke.js [--keys=20]
import { launchChromium } from '../support/browser.js';
import { invitedMember, setupAdministrator } from '../support/accounts.js';
import { startServerProcess } from '../support/server-process.js';

const keys = Number(/--keys=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 20);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const server = await startServerProcess({ LOG_LEVEL: 'error' });
  const browser = await launchChromium();
  try {
    const admin = await setupAdministrator(server);
    const author = await invitedMember(server, admin, {
      email: 'autrice@example.org',
      role: 'author',
      name: 'Ada',
    });
    const cookie = author.cookie ?? '';
    const copy = await fetch(`${server.url}/api/library/calls`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ duplicate: 'detresse-suicidaire', id: 'mesure' }),
    });
    if (copy.status !== 201) throw new Error(`duplicate: ${copy.status}`);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/bibliotheque/mesure`);
    await page.getByText(/\d+ erreur\(s\)/).waitFor({ timeout: 120_000 });
    const text = await fetch(`${server.url}/api/library/calls/mesure/versions/1`, { headers: { cookie } });
    const bytes = Buffer.byteLength(((await text.json()) as { yaml: string }).yaml);
    type Timings = { __ecouteLintTimings: { samples: { total: number; worker: number }[] } };
    const sampleCount = () =>
      page.evaluate(() => (window as unknown as Timings).__ecouteLintTimings.samples.length);
    /** Types `keys` characters where the cursor is, one lint each, and returns their samples. */
    const typeKeys = async (): Promise<{ total: number; worker: number }[]> => {
      const before = await sampleCount();
      for (let i = 0; i < keys; i++) {
        await page.keyboard.type('x');
        await page.waitForFunction(
          (n) => (window as unknown as Timings).__ecouteLintTimings.samples.length >= n,
          before + i + 1,
          { timeout: 60_000 },
        );
      }
      const samples = await page.evaluate(() => (window as unknown as Timings).__ecouteLintTimings.samples);
      return samples.slice(before);
    };
    const report = (where: string, typed: { total: number; worker: number }[]) => {
      const total = typed.map((s) => s.total);
      const worker = typed.map((s) => s.worker);
      console.log(`  ${where}:`);
      console.log(
        `    keystroke → diagnostics: p50 ${percentile(total, 50).toFixed(0)} ms, p90 ${percentile(total, 90).toFixed(0)} ms, max ${Math.max(...total).toFixed(0)} ms`,
      );
      console.log(
        `    of which the worker (lint + graph + state ranges): p50 ${percentile(worker, 50).toFixed(0)} ms, p90 ${percentile(worker, 90).toFixed(0)} ms`,
      );
    };
    console.log(
      `Studio editor, ${(bytes / 1024).toFixed(0)} kB of YAML, ${keys} keystrokes per place (lint delay included):`,
    );
    // At the end of the first line (a comment): each key is its own lint.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    report('in the first line (a comment)', await typeKeys());
    // Inside the text of the last note of the machine (the deepest block of the document).
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    report("inside the machine (the last note's text)", await typeKeys());
    // A form's edit: characters typed in the caller's name, each one an edit of the whole call
    // through yaml's Document API, written back into the editor. The first one after typing in
    // the text parses it; the next ones reuse the document the last edit made.
    type EditTimings = { __ecouteEditTimings?: { samples: number[] } };
    const editCount = () =>
      page.evaluate(() => (window as unknown as EditTimings).__ecouteEditTimings?.samples.length ?? 0);
    const name = page.getByLabel('Prénom et nom', { exact: true });
    await name.click();
    await page.keyboard.press('End');
    const editsBefore = await editCount();
    for (let i = 0; i < Math.max(2, Math.min(keys, 10)); i++) {
      await page.keyboard.type('y');
      await page.waitForFunction(
        (n) => ((window as unknown as EditTimings).__ecouteEditTimings?.samples.length ?? 0) >= n,
        editsBefore + i + 1,
        { timeout: 120_000 },
      );
    }
    const edits = (
      await page.evaluate(() => (window as unknown as EditTimings).__ecouteEditTimings?.samples ?? [])
    ).slice(editsBefore);
    const [first = NaN, ...next] = edits;
    console.log(`  a form's edit (the caller's name, ${edits.length} characters), until the next frame:`);
    console.log(
      `    first after typing in the text (parses it): ${first.toFixed(0)} ms; the next ones: p50 ${percentile(next, 50).toFixed(0)} ms, max ${Math.max(...next).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
