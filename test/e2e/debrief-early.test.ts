// A debrief link's lanes painted before React, in a real Chromium on the built server: a session
// of a few hundred entries is written into the SQLite file, the debrief link is opened with
// React's chunk held back (so the page stays as the early paint left it), then let go.
// The lanes are on screen before React (`earlyLanes.ts`), out of the keyboard's way; React then
// takes the page whole and draws the same pixels at the same place; the lanes are reachable and
// step with the keyboard as before.
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { signedInTrainer } from '../support/accounts.js';
import { startServerProcess, workspaceRoot, type ServerProcess } from '../support/server-process.js';

interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  close(): void;
}

interface CanvasSnapshot {
  box: { x: number; y: number; width: number; height: number };
  size: number[];
  image: string;
  inked: number;
}

/**
 * Installs in the page `__snapshot(canvas)` (where the lanes' canvas is, its pixels) and
 * `__reactFirst`: that snapshot taken as React's first commit put its lanes in (a microtask after
 * it, its layout effects run: the canvas painted), before the panels that follow the first paint.
 */
function watchReact(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __snapshot: (canvas: HTMLCanvasElement) => CanvasSnapshot;
      __reactFirst: Promise<CanvasSnapshot>;
    };
    w.__snapshot = (canvas) => {
      const box = canvas.getBoundingClientRect();
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) inked += 1;
      return {
        box: { x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height },
        size: [canvas.width, canvas.height],
        image: canvas.toDataURL(),
        inked,
      };
    };
    w.__reactFirst = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('.lanes__scroller[role="group"] canvas');
        if (!canvas) return;
        observer.disconnect();
        resolve(w.__snapshot(canvas));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  });
}

function snapshot(page: Page, selector: string): Promise<CanvasSnapshot | null> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(selector);
    const w = window as unknown as { __snapshot: (canvas: HTMLCanvasElement) => CanvasSnapshot };
    return canvas ? w.__snapshot(canvas) : null;
  }, selector);
}

describe("a debrief link's lanes painted before React", () => {
  let server: ServerProcess;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await startServerProcess({ LOG_LEVEL: 'error' });
    browser = await launchChromium();
    const created = (await (
      await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await signedInTrainer(server)) },
        body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 7 }),
      })
    ).json()) as { sessionId: string; links: Record<string, string> };
    const token = decodeURIComponent(created.links.trainer?.split('#k=')[1] ?? '');
    // A call of 400 entries written straight into the file (the server's own driver).
    const require = createRequire(path.join(workspaceRoot, 'server', 'package.json'));
    const Database = require('better-sqlite3') as new (file: string) => SqliteDatabase;
    const db = new Database(server.databaseFile);
    const insert = db.prepare(
      'INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rows: [number, string, 'input' | 'observation', { kind: string } & Record<string, unknown>][] = [
      [1_000, 'listener', 'input', { kind: 'join', name: 'Camille' }],
      [4_000, 'listener', 'input', { kind: 'pickup' }],
    ];
    for (let i = 1; i < 400; i += 1) {
      const t = 4_000 + i * 900;
      rows.push(
        i % 4 === 0
          ? [
              t,
              'system',
              'observation',
              { kind: 'variable', variable: 'detresse', value: i % 11, previous: 4 },
            ]
          : i % 4 === 1
            ? [t, 'caller', 'observation', { kind: 'line', line: 'explique', text: `Réplique ${i}` }]
            : i % 4 === 2
              ? [t, 'listener', 'input', { kind: 'say', text: `Je vous entends (${i}).` }]
              : [t, 'trainer', 'input', { kind: 'bookmark', comment: `Repère ${i}` }],
      );
    }
    rows.push([
      4_000 + 400 * 900,
      'system',
      'observation',
      {
        kind: 'ending',
        ending: 'rappel',
        outcome: 'good',
        message: 'Un rappel est convenu.',
        reason: 'scenario',
      },
    ]);
    db.transaction(() => {
      rows.forEach(([t, source, category, body], i) =>
        insert.run(
          created.sessionId,
          i + 1,
          t,
          new Date(Date.UTC(2026, 0, 1) + t).toISOString(),
          source,
          category,
          body.kind,
          JSON.stringify(body),
        ),
      );
    })();
    db.prepare("UPDATE sessions SET status = 'ended', ended_at = ?, outcome = 'good' WHERE id = ?").run(
      new Date().toISOString(),
      created.sessionId,
    );
    db.close();
    url = `${server.url}/debrief/${created.sessionId}#k=${encodeURIComponent(token)}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    [1366, 768],
    [390, 844],
  ])(
    'paints the lanes before React, then React draws the same pixels at the same place (%i×%i)',
    async (width, height) => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
      const page = await context.newPage();
      // React and the page (`debriefMount`, asked once the answer is in, mounted once the lanes
      // are painted) held back until the early paint was looked at.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/debriefMount-[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(url, { waitUntil: 'commit' });
        await page.locator('[data-early="true"][data-lanes-painted="true"]').waitFor();
        // React is not there: no lanes group, no moment heading; the early screen is.
        expect(await page.locator('.lanes__scroller[role="group"]').count()).toBe(0);
        expect(await page.locator('h1').textContent()).toBe("Débriefing — Appel d'entraînement");
        expect(await page.title()).toBe("Débriefing — Appel d'entraînement · Écoute");
        await watchReact(page);
        const early = await snapshot(page, '[data-early] canvas');
        expect(early).not.toBeNull();
        expect(early!.inked).toBeGreaterThan(1_000);
        expect(early!.box.width).toBeGreaterThan(100);
        // Out of the keyboard's way until React took over (its buttons would do nothing yet).
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

        release();
        // React's first commit: its lanes where the early ones were, the same pixels.
        const first = await page.evaluate(
          () => (window as unknown as { __reactFirst: Promise<CanvasSnapshot> }).__reactFirst,
        );
        expect(await page.locator('[data-early]').count()).toBe(0);
        expect(first.box).toEqual(early!.box);
        expect(first.size).toEqual(early!.size);
        expect(first.image === early!.image).toBe(true);
        // The panels after the lanes (the header's facts above them move them down, a scrollbar
        // they bring would narrow them: the same drawing still, the same width).
        await page.getByRole('heading', { name: 'Transcription' }).waitFor();
        const drawn = await snapshot(page, '.lanes__view[data-lanes-painted="true"] canvas');
        expect(drawn!.box.width).toBe(early!.box.width);
        expect(drawn!.image === early!.image).toBe(true);

        // The keyboard reaches the lanes and steps through the moments, as before.
        let reached = false;
        for (let i = 0; i < 40 && !reached; i += 1) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(
            () => document.activeElement?.matches('.lanes__scroller[role="group"]') ?? false,
          );
        }
        expect(reached).toBe(true);
        const time = page.locator('.playback__time');
        const before = await time.textContent();
        await page.keyboard.press('ArrowLeft');
        await page.waitForFunction(
          (before) => document.querySelector('.playback__time')?.textContent !== before,
          before,
        );
        expect(await time.textContent()).not.toBe(before);
      } finally {
        release();
        await context.close();
      }
    },
    120_000,
  );
});
