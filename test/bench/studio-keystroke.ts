// Keystroke → diagnostics in the studio's editor, for a library-size call: the largest built-in
// call (detresse-suicidaire, ~140 kB of YAML) duplicated into the organisation's library, opened
// in Chromium, then characters typed one at a time; the page records, for each lint, the time
// from the last keystroke to the diagnostics shown and the worker's share — in the first line right
// after the page opened, inside the machine, in the first line again once the page settled —; then
// characters typed in a form's field (the caller's name), each one an edit of the call. Not a test:
// figures.
//
//   node scripts/run.mjs build && npx tsc -b test && node test/dist/bench/studio-keystroke.js [--keys=20] [--profile]
import { launchChromium } from '../support/browser.js';
import { invitedMember, setupAdministrator } from '../support/accounts.js';
import { startServerProcess } from '../support/server-process.js';
import { openCallText } from '../support/studio-text.js';

const keys = Number(/--keys=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 20);
/** `--profile`: the page's main thread profiled (CDP) while typing inside the machine. */
const profiling = process.argv.includes('--profile');

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took the most of the page's thread (self time), with where they come from. */
function topSelfTime(profile: CpuProfile, count: number): string[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const file = node.callFrame.url.split('/').pop() ?? '';
    const name = `${node.callFrame.functionName || '(anonyme)'} ${file}`;
    byName.set(name, (byName.get(name) ?? 0) + (byNode.get(node.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, us]) =>
        `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(0).padStart(3)} %  ${name}`,
    );
}

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
    await page.getByText(/\d+ erreurs?,/).waitFor({ timeout: 120_000 });
    const text = await fetch(`${server.url}/api/library/calls/mesure/versions/1`, { headers: { cookie } });
    const bytes = Buffer.byteLength(((await text.json()) as { yaml: string }).yaml);
    type Timings = { __ecouteLintTimings: { samples: { total: number; worker: number; asked: number }[] } };
    const sampleCount = () =>
      page.evaluate(() => (window as unknown as Timings).__ecouteLintTimings.samples.length);
    /** Types `keys` characters where the cursor is, one lint each, and returns their samples. */
    const typeKeys = async (): Promise<{ total: number; worker: number; asked: number }[]> => {
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
    const report = (where: string, typed: { total: number; worker: number; asked: number }[]) => {
      const total = typed.map((s) => s.total);
      const worker = typed.map((s) => s.worker);
      console.log(`  ${where}:`);
      console.log(
        `    keystroke → diagnostics: p50 ${percentile(total, 50).toFixed(0)} ms, p90 ${percentile(total, 90).toFixed(0)} ms, max ${Math.max(...total).toFixed(0)} ms`,
      );
      console.log(
        `    of which the worker (lint + graph + state ranges): p50 ${percentile(worker, 50).toFixed(0)} ms, p90 ${percentile(worker, 90).toFixed(0)} ms`,
      );
      // In typing order: a tail at the first keystrokes is the page's own start, not the place.
      const order = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(' ');
      console.log(`    each keystroke in order (ms): ${order(total)}`);
      console.log(`      worker: ${order(worker)}`);
      console.log(`      keystroke → request to the worker: ${order(typed.map((s) => s.asked))}`);
    };
    console.log(
      `Studio editor, ${(bytes / 1024).toFixed(0)} kB of YAML, ${keys} keystrokes per place (lint delay included):`,
    );
    // At the end of the first line (a comment): each key is its own lint. The text, folded under
    // the forms, unfolded first.
    await openCallText(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    // Right after the page shows its count: the page's start (the graph's chunk, its layout in the
    // ELK worker and its drawing, the lint worker's first reads) still runs beside the typing.
    report('in the first line (a comment), right after the page opened', await typeKeys());
    // Inside the text of the last note of the machine (the deepest block of the document).
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    const cdp = profiling ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    report("inside the machine (the last note's text)", await typeKeys());
    // The first line again, the page settled (a second's pause: the text handed to the page and its
    // forms read again once typing paused): the top of the call itself, without the page's start.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.waitForTimeout(1000);
    report('in the first line again, once the page settled', await typeKeys());
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      console.log("  the page's thread while typing inside the machine (self time, CDP profile):");
      for (const line of topSelfTime(profile, 15)) console.log(`    ${line}`);
    }
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
