// The debrief page's first render with a long timeline, measured in Chromium on the built
// server: a session is seeded with N timeline entries (10,000 by default) written straight into
// the SQLite file, then the page is opened R times (a fresh browser context each) and the time
// from navigation to the lanes painted is printed (median, min, max), with the REST answer's
// share and the time one step (→) takes once loaded.
//
//   npx tsc -b test && node test/dist/bench/debrief-render.js [--entries=10000] [--runs=5]
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Input, Observation, Source } from '@ecoute/engine';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import { signedInTrainer } from '../support/accounts.js';

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction(fn: () => void): () => void;
  pragma(sql: string): unknown;
  close(): void;
}

function option(name: string, fallback: number): number {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = found ? Number(found.split('=')[1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** A plausible long call: lines, words, moves, variable and state changes, a few bookmarks. */
function syntheticRows(
  count: number,
): { t: number; source: Source; category: 'input' | 'observation'; body: Input | Observation }[] {
  const rows: { t: number; source: Source; category: 'input' | 'observation'; body: Input | Observation }[] =
    [
      { t: 1_000, source: 'listener', category: 'input', body: { kind: 'join', name: 'Camille' } },
      { t: 4_000, source: 'listener', category: 'input', body: { kind: 'pickup' } },
    ];
  const moves = ['se_presenter', 'question_ouverte', 'reformuler', 'valider_emotion', 'demander_ecran'];
  let detresse = 4;
  for (let i = rows.length; i < count - 1; i += 1) {
    const t = 4_000 + i * 350;
    switch (i % 7) {
      case 0:
      case 3:
        rows.push({
          t,
          source: 'caller',
          category: 'observation',
          body: {
            kind: 'line',
            line: 'explique',
            text: `Réplique numéro ${i} de l'appelante, assez longue pour remplir une ligne de la transcription.`,
          },
        });
        break;
      case 1:
        rows.push({
          t,
          source: 'listener',
          category: 'input',
          body: { kind: 'say', text: `Je vous entends (${i}).` },
        });
        break;
      case 2:
        rows.push({
          t,
          source: 'listener',
          category: 'input',
          body: { kind: 'move', move: moves[i % moves.length]! },
        });
        break;
      case 4: {
        const previous = detresse;
        detresse = (detresse + 3) % 11;
        rows.push({
          t,
          source: 'system',
          category: 'observation',
          body: { kind: 'variable', variable: 'detresse', value: detresse, previous },
        });
        break;
      }
      case 5:
        rows.push({
          t,
          source: 'system',
          category: 'observation',
          body: { kind: 'state', states: [i % 2 ? 'ecoute.en_ligne' : 'guidage'] },
        });
        break;
      default:
        rows.push(
          i % 70 === 6
            ? { t, source: 'trainer', category: 'input', body: { kind: 'bookmark', comment: `Repère ${i}` } }
            : { t, source: 'caller', category: 'observation', body: { kind: 'cue', cue: 'sigh' } },
        );
    }
  }
  rows.push({
    t: 4_000 + count * 350,
    source: 'system',
    category: 'observation',
    body: {
      kind: 'ending',
      ending: 'rappel',
      outcome: 'good',
      message: 'Un rappel est convenu.',
      reason: 'scenario',
    },
  });
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const entries = option('entries', 10_000);
  const runs = option('runs', 5);
  const server = await startServerProcess({ LOG_LEVEL: 'error' });
  const browser = await launchChromium();
  try {
    const created = (await (
      await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await signedInTrainer(server)) },
        body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 1 }),
      })
    ).json()) as { sessionId: string; links: Record<string, string> };
    const sessionId = created.sessionId;
    const token = decodeURIComponent(created.links.trainer?.split('#k=')[1] ?? '');

    // Straight into the file (the server's own driver, as the server has it installed).
    const require = createRequire(path.join(workspaceRoot, 'server', 'package.json'));
    const Database = require('better-sqlite3') as new (file: string) => SqliteDatabase;
    const db = new Database(server.databaseFile);
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      'INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rows = syntheticRows(entries);
    db.transaction(() => {
      rows.forEach((row, i) =>
        insert.run(
          sessionId,
          i + 1,
          row.t,
          new Date(Date.UTC(2026, 0, 1) + row.t).toISOString(),
          row.source,
          row.category,
          row.body.kind,
          JSON.stringify(row.body),
        ),
      );
    })();
    db.prepare("UPDATE sessions SET status = 'ended', ended_at = ?, outcome = 'good' WHERE id = ?").run(
      new Date().toISOString(),
      sessionId,
    );
    db.close();

    const url = `${server.url}/debrief/${sessionId}#k=${encodeURIComponent(token)}`;
    const firstRender: number[] = [];
    const restShare: number[] = [];
    const step: number[] = [];
    const clientShare: number[] = [];
    for (let run = 0; run < runs + 1; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
      const page = await context.newPage();
      // Resolves with the time (ms since navigation start) the lanes' markers were painted.
      await page.addInitScript(() => {
        const w = window as unknown as { __lanesPainted: Promise<number> };
        w.__lanesPainted = new Promise((resolve) => {
          const check = () => {
            if (document.querySelector('.lanes__marker')) {
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document, { childList: true, subtree: true });
        });
      });
      await page.goto(url);
      const painted = await page.evaluate(
        () => (window as unknown as { __lanesPainted: Promise<number> }).__lanesPainted,
      );
      const rest = await page.evaluate(() => {
        const timing = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/debrief')) as
          PerformanceResourceTiming | undefined;
        return timing
          ? { total: timing.responseEnd - timing.startTime, end: timing.responseEnd }
          : { total: NaN, end: NaN };
      });
      const entriesShown = await page.locator('.lanes__marker').count();
      const stepMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          }),
      );
      // The first run warms the server's caches and Chromium's: not counted.
      if (run > 0) {
        firstRender.push(painted);
        restShare.push(rest.total);
        clientShare.push(painted - rest.end);
        step.push(stepMs);
      } else {
        console.log(`markers drawn for ${entries} entries: ${entriesShown}`);
      }
      await context.close();
    }
    const fmt = (values: number[]) =>
      `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
    console.log(
      `debrief first render, ${entries} entries, ${runs} runs (navigation → lanes painted): ${fmt(firstRender)}`,
    );
    console.log(`  of which GET /debrief (request → last byte): ${fmt(restShare)}`);
    console.log(`  then, from its last byte to the lanes painted: ${fmt(clientShare)}`);
    console.log(`  one step (←) once loaded, to the next paint: ${fmt(step)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
