// A debrief link's lanes drawn by the server into the page's HTML (`server/src/debrief/
// early-lanes.ts`), in a real Chromium on the built server: a session of a few hundred entries
// is written into the SQLite file; its trainer, signed in, opens the debrief link. The HTML holds
// the drawing before any script ran (a context with JavaScript off shows it); React then replaces
// it with its own lanes at the same box (1366×768, 390×844, 1024×768, 800×1000, 360×740), which
// the keyboard reaches and steps through. A visit with the link alone (its `#k=` token never
// reaches the server) and an account without access to the session get the page without any
// drawing: nothing of the debrief in their HTML.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { TRAINER_NAME, addAccountCookie, invitedMember, setupAdministrator } from '../support/accounts.js';
import { startServerProcess, workspaceRoot, type ServerProcess } from '../support/server-process.js';

interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  close(): void;
}

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

type Box = { x: number; y: number; width: number; height: number };

/** A call of `count` entries written straight into the file (the server's own driver). */
function seed(databaseFile: string, sessionId: string, count: number): void {
  const require = createRequire(path.join(workspaceRoot, 'server', 'package.json'));
  const Database = require('better-sqlite3') as new (file: string) => SqliteDatabase;
  const db = new Database(databaseFile);
  const insert = db.prepare(
    'INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rows: [number, string, 'input' | 'observation', { kind: string } & Record<string, unknown>][] = [
    [1_000, 'listener', 'input', { kind: 'join', name: 'Camille' }],
    [4_000, 'listener', 'input', { kind: 'pickup' }],
  ];
  for (let i = 1; i < count; i += 1) {
    const t = 4_000 + i * 900;
    rows.push(
      i % 4 === 0
        ? [t, 'system', 'observation', { kind: 'variable', variable: 'detresse', value: i % 11, previous: 4 }]
        : i % 4 === 1
          ? [t, 'caller', 'observation', { kind: 'line', line: 'explique', text: `Réplique ${i}` }]
          : i % 4 === 2
            ? [t, 'listener', 'input', { kind: 'say', text: `Je vous entends (${i}).` }]
            : [t, 'trainer', 'input', { kind: 'bookmark', comment: `Repère ${i}` }],
    );
  }
  rows.push([
    4_000 + count * 900,
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
        sessionId,
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
    sessionId,
  );
  db.close();
}

describe("a debrief link's lanes drawn by the server", () => {
  let server: ServerProcess;
  let browser: Browser;
  let sessionId: string;
  let token: string;
  let trainer: Record<string, string>;
  let otherTrainer: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ LOG_LEVEL: 'error' });
    browser = await launchChromium();
    const admin = await setupAdministrator(server);
    trainer = await invitedMember(server, admin, {
      email: 'formatrice@example.org',
      role: 'trainer',
      name: TRAINER_NAME,
    });
    // Of the same organisation, but not this session's trainer: the debrief is not theirs.
    otherTrainer = await invitedMember(server, admin, {
      email: 'autre@example.org',
      role: 'trainer',
      name: 'Sacha',
    });
    const created = (await (
      await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...trainer },
        body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 7 }),
      })
    ).json()) as { sessionId: string; links: Record<string, string> };
    sessionId = created.sessionId;
    token = decodeURIComponent(created.links.trainer?.split('#k=')[1] ?? '');
    seed(server.databaseFile, sessionId, 400);
    // Written behind the server's back, the call's timeline is not prepared yet (a call that
    // ends through the server is, `keepResults`): the HTML never waits for it, so the first
    // opening's HTML has no drawing; its `GET` keeps the timeline for the next ones.
    const cold = await (
      await fetch(`${server.url}/debrief/${sessionId}`, { headers: { cookie: trainer['cookie'] ?? '' } })
    ).text();
    expect(cold).not.toContain('lanes-early');
    const answer = await fetch(`${server.url}/api/sessions/${sessionId}/debrief?timeline=columns`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    await answer.arrayBuffer();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pagePath = () => `/debrief/${sessionId}`;
  const html = async (headers: Record<string, string> = {}) =>
    (await fetch(`${server.url}${pagePath()}`, { headers: { cookie: headers['cookie'] ?? '' } })).text();

  it("writes the drawing into the signed-in trainer's HTML, and into nobody else's", async () => {
    const drawn = await html(trainer);
    expect(drawn).toContain('data-lanes-painted="server"');
    const svg = /<svg class="lanes-early__svg"[\s\S]*<\/svg>/.exec(drawn)?.[0] ?? '';
    // The curve's name, the ruler's call times, markers on the lanes.
    expect(svg).toContain('>Détresse<');
    expect(svg).toMatch(/>0:00</);
    // The markers: a stroke each (`M<x> <top>v<height>`), on the four lanes.
    expect((svg.match(/M[\d.]+ [\d.]+v1[789]/g) ?? []).length).toBeGreaterThan(100);
    // Still the page's strict CSP: no inline script, no style attribute.
    expect(drawn).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(drawn).not.toMatch(/\sstyle=/);

    // The link alone (a learner's or the trainer's, its token in the fragment), a trainer
    // without access: the page as it is, nothing of the debrief in it.
    const plain = await html();
    expect(plain).not.toContain('lanes-early');
    // Only the drawn page keeps the blocks' reserved place (its <body> says so).
    expect(drawn).toContain('<body class="lanes-drawn">');
    expect(plain).not.toContain('lanes-drawn');
    expect(plain).not.toContain('Détresse');
    const other = await html(otherTrainer);
    expect(other).toBe(plain);
    // Without the cookie, the token alone in a header the page never sends for its HTML.
    const withToken = await (
      await fetch(`${server.url}${pagePath()}`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(withToken).toBe(plain);
    // A debrief link whose id is not even a well-formed path part: the plain page, no error.
    const malformed = await fetch(`${server.url}/debrief/%E0%A4%A`, {
      headers: { cookie: trainer['cookie'] ?? '' },
    });
    expect(malformed.status).toBe(200);
    expect(await malformed.text()).not.toContain('lanes-early');
  });

  async function signedIn(options: { javaScriptEnabled?: boolean; width: number; height: number }) {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: options.width, height: options.height },
      locale: 'fr-FR',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    await addAccountCookie(context, server, trainer);
    return context;
  }

  it.each([
    [1366, 768],
    [390, 844],
    [1024, 768],
    [800, 1000],
    [360, 740],
  ])(
    'shows the drawing before any script, then React draws its lanes at the same box (%i×%i)',
    async (width, height) => {
      const url = `${server.url}${pagePath()}#k=${encodeURIComponent(token)}`;
      // No script at all: the document alone.
      const still = await signedIn({ javaScriptEnabled: false, width, height });
      let early: Box;
      try {
        const page = await still.newPage();
        await page.goto(url);
        const svg = page.locator('.lanes-early[data-lanes-painted="server"] svg.lanes-early__svg');
        expect(await svg.count()).toBe(1);
        expect(await page.locator('.lanes-early').getAttribute('aria-hidden')).toBe('true');
        early = await svg.evaluate((e) => {
          const box = e.getBoundingClientRect();
          return { x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height };
        });
        expect(early.width).toBeGreaterThan(150);
        expect(early.height).toBe(260);
        // The ruler's times shown never run into each other, whatever the width (a phone's shows
        // one in four of the 1,200 px layout's).
        const times = await page.locator('.lanes-early__tick').evaluateAll((texts) =>
          texts
            .map((text) => text.getBoundingClientRect())
            .filter((box) => box.width > 0)
            .map((box) => ({ left: box.left, right: box.right })),
        );
        expect(times.length).toBeGreaterThan(1);
        for (let i = 1; i < times.length; i++) expect(times[i]!.left).toBeGreaterThan(times[i - 1]!.right);
        // For a person to look at: the drawing before any script (and React's lanes below).
        await svg.screenshot({ path: path.join(artifacts, `debrief-server-lanes-${width}-early.png`) });
        if (width === 1366 || width === 390)
          await page.screenshot({ path: path.join(artifacts, `debrief-server-page-${width}-early.png`) });
      } finally {
        await still.close();
      }

      const context = await signedIn({ width, height });
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => {
          throw error;
        });
        // React's first commit of its lanes: where its canvas is then.
        await page.addInitScript(() => {
          const w = window as unknown as { __reactFirst: Promise<Box> };
          w.__reactFirst = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              const canvas = document.querySelector('.lanes__scroller[role="group"] canvas');
              if (!canvas) return;
              observer.disconnect();
              const box = canvas.getBoundingClientRect();
              resolve({ x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height });
            });
            observer.observe(document, { childList: true, subtree: true });
          });
        });
        await page.goto(url);
        const first = await page.evaluate(
          () => (window as unknown as { __reactFirst: Promise<Box> }).__reactFirst,
        );
        expect(first).toEqual(early);
        // The drawing is gone with React's first render: one set of lanes on the page.
        await page.locator('.lanes__view[data-lanes-painted="true"]').waitFor();
        expect(await page.locator('.lanes-early').count()).toBe(0);
        // Nor do the header's facts, which come after the first paint, move them: the header
        // had reserved their place.
        await page.getByRole('heading', { name: 'Transcription' }).waitFor();
        expect(await page.locator('.debrief__facts').count()).toBe(1);
        const settled = await page.locator('.lanes__scroller[role="group"] canvas').evaluate((e) => {
          const box = e.getBoundingClientRect();
          return { x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height };
        });
        expect(settled).toEqual(early);
        await page
          .locator('.lanes__scroller[role="group"] canvas')
          .screenshot({ path: path.join(artifacts, `debrief-server-lanes-${width}-react.png`) });
        if (width === 1366 || width === 390)
          await page.screenshot({ path: path.join(artifacts, `debrief-server-page-${width}-react.png`) });

        // The keyboard reaches React's lanes and steps through the moments.
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
          (was) => document.querySelector('.playback__time')?.textContent !== was,
          before,
        );
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it("keeps the page's own heights for a visit with the link alone (no place reserved for a drawing)", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${pagePath()}#k=${encodeURIComponent(token)}`);
      await page.locator('.lanes__view[data-lanes-painted="true"]').waitFor();
      await page.getByRole('heading', { name: 'Transcription' }).waitFor();
      const minHeights = await page.evaluate(() =>
        ['.debrief__header', '.debrief .playback', '.debrief .lanes__toolbar'].map(
          (selector) => getComputedStyle(document.querySelector(selector)!).minHeight,
        ),
      );
      expect(minHeights).toEqual(['0px', '0px', '0px']);
    } finally {
      await context.close();
    }
  }, 90_000);
});
