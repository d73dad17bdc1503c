// The debrief page with a long timeline, measured in Chromium on the built server: a session is
// seeded with N timeline entries (10,000 by default) written straight into the SQLite file, then
// the page is opened R times (a fresh browser context each; one more first, to warm caches, not
// counted), by the session's trainer signed in (the server draws the lanes into the debrief
// link's HTML: `server/src/debrief/early-lanes.ts`; `--link-only` opens it with the link alone,
// as before), and every figure of issue 17's targets is printed (median, min, max over the runs):
// navigation → lanes painted, navigation → lanes reachable by keyboard (a debrief link paints the
// lanes before React, inert until React took the page over), `GET /debrief?timeline=columns`, as
// the page asks it (in the browser, and from Node with its size on the
// wire), one step ← and → to the next paint, and the frames dropped while playing back at 4×.
//
//   npx tsc -b test && node test/dist/bench/debrief-render.js [--entries=10000] [--runs=5]
//     [--profile=<dir>]  the server's CPU profile (node --cpu-prof), a Chromium performance
//                        trace and the page's JavaScript profile of the last run (its load, steps and playback apart), with a summary
//                        of where the time went
//     [--trace=<dir>]    each run's Chromium trace of the load (navigation → lanes painted), to
//                        open in DevTools › Performance (`load-<run>.json`, run 0 the warm-up)
//     [--link-only]      the page opened with the link alone (no account's cookie: the server
//                        draws nothing into its HTML), as a learner opens it; by default the
//                        session's trainer is signed in and the lanes come drawn in the HTML
//     [--settle=<ms>]    the wait between a new context's page and its navigation (1500 by default)
//
// What a load measures, and what it does not: each load opens a fresh context (no cache, as a
// first visit), whose new window starts Chromium's own top-chrome WebUI renderer (the omnibox
// popup), measured burning 20–40 % of a core for ~2 s: a trainer's browser window is already
// open, so the navigation waits `--settle` first. The headline figures come from a load without
// tracing; a second, traced load of the same run gives the page's CPU cut at the paint (and
// shows what tracing itself costs). The floor: the same harness opening a trivial document of the
// same server (`/healthz`) and the app's home page, each to its first contentful paint. And the
// debrief opened where the app was opened before (a trainer's browser after the call: the HTTP
// cache holds the chunks the app and the debrief share).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Input, Observation, Source } from '@ecoute/engine';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import { addAccountCookie, signedInTrainer } from '../support/accounts.js';

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction(fn: () => void): () => void;
  pragma(sql: string): unknown;
  close(): void;
}

function textOption(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
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

/** The CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a `.cpuprofile`, one line each. */
function topSelfTime(profile: CpuProfile, count = 12): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, msSelf]) =>
        `    ${msSelf.toFixed(1).padStart(8)} ms  ${((100 * msSelf) / total).toFixed(1).padStart(5)} %  ${key}`,
    );
}

/** The functions with the most total time (self and what they called) in a `.cpuprofile`. */
function topTotalTime(profile: CpuProfile, count = 12): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    // Each function counted once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let node = byNode.get(id); node; node = byNode.get(parent.get(node.id) ?? -1)) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (!url) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, ms]) =>
        `    ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / all).toFixed(1).padStart(5)} %  ${key}`,
    );
}

/** Stops the page's profiler, saves the phase's profile and prints where its time went. */
async function profilePhase(
  cdp: { send(method: string, params?: object): Promise<unknown> },
  dir: string,
  name: string,
  what: string,
): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  writeFileSync(path.join(dir, `page-${name}.cpuprofile`), JSON.stringify(profile));
  console.log(`  the page, ${what} (page-${name}.cpuprofile), self time:`);
  console.log(topSelfTime(profile).join('\n'));
  console.log('    total time (with what they called):');
  console.log(topTotalTime(profile).join('\n'));
}

const PAINT_PROBE = () => {
  const w = window as unknown as {
    __lanesPainted: Promise<number>;
    __lanesReachable: Promise<number>;
    __firstContentfulPaint: Promise<number>;
  };
  // The document's first contentful paint (the floor pages are timed by it).
  w.__firstContentfulPaint = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  // When the keyboard and screen readers reach the lanes: React's focusable group (a debrief
  // link paints the lanes before React, inert until React took the page over).
  w.__lanesReachable = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('.lanes__scroller[role="group"]')) {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  });
  w.__lanesPainted = new Promise((resolve) => {
    // The lanes are painted once their view says so (`data-lanes-painted="true"`, set after
    // React's canvas drew), or once the server's drawing is in the document (a signed-in
    // trainer's debrief link: `data-lanes-painted="server"` around its SVG). Which came first is
    // kept (`__lanesPaintedBy`).
    const check = () => {
      const found = document.querySelector(
        '[data-lanes-painted="true"], [data-lanes-painted="server"] svg, .lanes__marker',
      );
      if (found) {
        (w as unknown as { __lanesPaintedBy: string }).__lanesPaintedBy = found.closest(
          '[data-lanes-painted="server"]',
        )
          ? 'server'
          : 'react';
        observer.disconnect();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            // Where the trace cuts: the page's own CPU up to here (`cpuUntilMark`).
            performance.mark('lanes-painted');
            resolve(performance.now());
          }),
        );
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The CPU time (ms) of the page's main thread up to a `performance.mark`, from a Chromium trace:
 * the thread time (`tdur`) of its top-level tasks that started before the mark. The CDP metrics
 * are read only once the page answered Node, after the work that follows the paint: this cut is
 * the paint itself.
 */
function cpuUntilMark(trace: Buffer, mark: string): number {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const at = events.find((e) => e.name === mark && e.ph !== 'M');
  if (!at) return NaN;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === at.pid && e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? at.tid;
  let micros = 0;
  for (const e of events) {
    if (e.pid !== at.pid || e.tid !== tid || e.ph !== 'X' || e.name !== 'RunTask' || e.ts >= at.ts) continue;
    const thread = e.tdur ?? e.dur ?? 0;
    // A task still running at the mark counts up to it (its share of thread time by wall time).
    const end = e.ts + (e.dur ?? 0);
    micros += end <= at.ts || !e.dur ? thread : (thread * (at.ts - e.ts)) / e.dur;
  }
  return micros / 1000;
}

/** Keys pressed one at a time, each timed from the keydown to the paint that follows. */
function stepTimes({ key, count }: { key: 'ArrowLeft' | 'ArrowRight'; count: number }): Promise<number[]> {
  return new Promise((resolve) => {
    const times: number[] = [];
    const one = () => {
      const start = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key }));
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          times.push(performance.now() - start);
          if (times.length < count) setTimeout(one, 20);
          else resolve(times);
        }),
      );
    };
    one();
  });
}

/** Frames seen while the playback runs for `ms`: a frame is dropped when its interval is over 1.5 vsync. */
function playbackFrames(ms: number): Promise<{ frames: number; dropped: number; longest: number }> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const end = performance.now() + ms;
    const tick = (now: number) => {
      stamps.push(now);
      if (now < end) requestAnimationFrame(tick);
      else {
        const intervals = stamps.slice(1).map((s, i) => s - stamps[i]!);
        const vsync = 1000 / 60;
        resolve({
          frames: intervals.length,
          dropped: intervals.reduce((n, d) => n + Math.max(0, Math.round(d / vsync) - 1), 0),
          longest: Math.max(0, ...intervals),
        });
      }
    };
    requestAnimationFrame(tick);
  });
}

/**
 * A fresh context's page (no cache: a first visit), with the paint probes, once its new window
 * settled (`settle` ms: Chromium's own UI renderer of a new window loads meanwhile, which a
 * trainer's open browser has long done).
 */
async function settledPage(
  browser: Browser,
  settle: number,
  account?: Record<string, string>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
  // The trainer signed in (their cookie, as after a sign-in): the server draws the lanes into
  // the debrief link's HTML.
  if (account) await addAccountCookie(context, { url: new URL(account['origin'] ?? '').origin }, account);
  const page = await context.newPage();
  await page.addInitScript(PAINT_PROBE);
  if (settle > 0) await page.waitForTimeout(settle);
  return { context, page };
}

/** Navigation → first contentful paint of `url` in a fresh settled page. */
async function firstContentfulPaint(browser: Browser, settle: number, url: string): Promise<number> {
  const { context, page } = await settledPage(browser, settle);
  try {
    await page.goto(url);
    return await page.evaluate(
      () => (window as unknown as { __firstContentfulPaint: Promise<number> }).__firstContentfulPaint,
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const entries = option('entries', 10_000);
  const runs = option('runs', 5);
  const profileDir = textOption('profile');
  const traceDir = textOption('trace');
  const settle = Number(textOption('settle') ?? 1_500);
  if (!Number.isInteger(settle) || settle < 0)
    throw new Error('--settle must be a whole number of ms, 0 or more');
  if (traceDir) mkdirSync(traceDir, { recursive: true });
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServerProcess({
    LOG_LEVEL: 'error',
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` } : {}),
  });
  const browser = await launchChromium();
  const figures = {
    firstPaint: [] as number[],
    paintedBy: [] as string[],
    firstContentful: [] as number[],
    reachable: [] as number[],
    firstPaintTraced: [] as number[],
    firstPaintWarm: [] as number[],
    floorTrivial: [] as number[],
    floorHome: [] as number[],
    restBrowser: [] as number[],
    afterRest: [] as number[],
    restAsked: [] as number[],
    entryIn: [] as number[],
    chunkAsked: [] as number[],
    chunkIn: [] as number[],
    stepBack: [] as number[],
    stepForward: [] as number[],
    stepWorst: [] as number[],
    dropped: [] as number[],
    frames: [] as number[],
    longestFrame: [] as number[],
    restNode: [] as number[],
    busyToPaint: [] as number[],
    busyPerStep: [] as number[],
    busyPlayback: [] as number[],
    cpuToPaint: [] as number[],
    cpuAtPaint: [] as number[],
    cpuPerStep: [] as number[],
    cpuPlayback: [] as number[],
  };
  let wire = { encoded: 0, decoded: 0, encoding: '' };
  let firstGet: number;
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
    // The session's trainer signed in (the server draws the lanes into the page's HTML), unless
    // `--link-only`: the link alone, as a learner or a trainer without an account opens it.
    const account = process.argv.includes('--link-only') ? undefined : await signedInTrainer(server);
    // The page's HTML from Node, with the trainer's cookie and without: what the drawing adds
    // to that response (the server's caches warm: the drawing is kept per kept answer).
    const pageHtml = async (cookie: string | undefined) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 21; i += 1) {
        const started = performance.now();
        const response = await fetch(`${server.url}/debrief/${sessionId}`, {
          headers: cookie ? { cookie } : {},
        });
        bytes = (await response.arrayBuffer()).byteLength;
        if (i > 0) times.push(performance.now() - started);
      }
      return { median: median(times), bytes };
    };
    // The first opening since the server started: nothing kept (the timeline was written
    // behind the server's back), so no drawing and no wait; its GET keeps the timeline.
    const firstDrawing = performance.now();
    await fetch(`${server.url}/debrief/${sessionId}`, {
      headers: { cookie: (await signedInTrainer(server))['cookie'] ?? '' },
    }).then((r) => r.arrayBuffer());
    const firstDrawingMs = performance.now() - firstDrawing;
    // The call's first GET since the server started (as a browser asks it): it keeps the answer.
    const firstStarted = performance.now();
    await (
      await fetch(`${server.url}/api/sessions/${sessionId}/debrief?timeline=columns`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
      })
    ).arrayBuffer();
    firstGet = performance.now() - firstStarted;
    const htmlDrawn = await pageHtml((await signedInTrainer(server))['cookie']);
    const htmlPlain = await pageHtml(undefined);
    for (let run = 0; run < runs + 1; run += 1) {
      // From Node: request → last byte, as a browser asks it (compression accepted).
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/sessions/${sessionId}/debrief?timeline=columns`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
      });
      await answer.arrayBuffer();
      const restNode = performance.now() - started;
      const { context, page } = await settledPage(browser, settle, account);
      const last = run === runs && profileDir !== undefined;
      const cdp = last ? await context.newCDPSession(page) : undefined;
      // The main thread's busy time (CDP Performance metrics: TaskDuration, wall-clock time in
      // tasks) and its CPU time (ThreadTime): what the page itself costs. A busy machine
      // lengthens the first (a task waits for a core); the second hardly moves with the load.
      const metrics = await context.newCDPSession(page);
      await metrics.send('Performance.enable');
      const busy = async () => {
        const { metrics: list } = (await metrics.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        const metric = (name: string) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000;
        return { task: metric('TaskDuration'), cpu: metric('ThreadTime') };
      };
      if (last && profileDir) {
        await browser.startTracing(page, {
          path: path.join(profileDir, 'chromium-trace.json'),
          screenshots: false,
        });
        await cdp!.send('Profiler.enable');
        await cdp!.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp!.send('Profiler.start');
      }
      await page.goto(url);
      const probed = await page.evaluate(
        () => (window as unknown as { __lanesPainted: Promise<number> }).__lanesPainted,
      );
      const paintedBy = await page.evaluate(
        () => (window as unknown as { __lanesPaintedBy: string }).__lanesPaintedBy,
      );
      const reachable = await page.evaluate(
        () => (window as unknown as { __lanesReachable: Promise<number> }).__lanesReachable,
      );
      const fcp = await page.evaluate(
        () => (window as unknown as { __firstContentfulPaint: Promise<number> }).__firstContentfulPaint,
      );
      // The server's drawing is in the document: it shows with the document's first paint, not
      // before (the probe's frames may run before the stylesheets let the page paint).
      const painted = paintedBy === 'server' ? Math.max(probed, fcp) : probed;
      if (last && profileDir) await profilePhase(cdp!, profileDir, 'load', 'navigation → lanes painted');
      const rest = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const timing = resources.find((e) => new URL(e.name).pathname.endsWith('/debrief'));
        // When the page's critical requests were asked and in, from the navigation's start.
        const script = (name: string) =>
          resources.find((e) => new RegExp(`/assets/${name}-[^/]*\\.js$`).test(new URL(e.name).pathname));
        return {
          ...(timing
            ? {
                total: timing.responseEnd - timing.startTime,
                start: timing.startTime,
                end: timing.responseEnd,
                encoded: timing.encodedBodySize,
                decoded: timing.decodedBodySize,
              }
            : { total: NaN, start: NaN, end: NaN, encoded: NaN, decoded: NaN }),
          entryIn: script('(?:index|debrief)')?.responseEnd ?? NaN,
          chunkAsked: script('DebriefPage')?.startTime ?? NaN,
          chunkIn: script('DebriefPage')?.responseEnd ?? NaN,
        };
      });
      const busyPainted = await busy();
      // Steps once the page is settled (the graph laid out): what a step costs, not what it waits for.
      await page.waitForTimeout(1_500);
      const busyBeforeSteps = await busy();
      if (last && profileDir) await cdp!.send('Profiler.start');
      const back = await page.evaluate(stepTimes, { key: 'ArrowLeft', count: 10 } as const);
      const forward = await page.evaluate(stepTimes, { key: 'ArrowRight', count: 10 } as const);
      const busyAfterSteps = await busy();
      if (last && profileDir) await profilePhase(cdp!, profileDir, 'steps', '20 steps ← then →');
      // Playback at 4× from the start (the moment is the last one: play starts over).
      await page.getByRole('radio', { name: '4×' }).check();
      if (last && profileDir) await cdp!.send('Profiler.start');
      // Measured once it plays: on a busy machine the click alone can take seconds.
      await page.getByRole('button', { name: 'Rejouer' }).click();
      await page.getByRole('button', { name: 'Arrêter' }).waitFor();
      const busyBeforePlay = await busy();
      const seen = await page.evaluate(playbackFrames, 3_000);
      const busyAfterPlay = await busy();
      await page.getByRole('button', { name: 'Arrêter' }).click();
      if (last && profileDir) {
        await profilePhase(cdp!, profileDir, 'playback', 'playing at 4× for 3 s');
        await browser.stopTracing();
      }
      await context.close();
      // The same load once more, traced: the page's CPU cut at the paint itself, and what the
      // tracing costs (its paint against the untraced one's).
      const tracedLoad = await settledPage(browser, settle, account);
      await browser.startTracing(tracedLoad.page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
      await tracedLoad.page.goto(url);
      const paintedTraced = await tracedLoad.page.evaluate(
        () => (window as unknown as { __lanesPainted: Promise<number> }).__lanesPainted,
      );
      const loadTrace = await browser.stopTracing();
      const cpuAtPaint = cpuUntilMark(loadTrace, 'lanes-painted');
      if (traceDir) writeFileSync(path.join(traceDir, `load-${run}.json`), loadTrace);
      await tracedLoad.context.close();
      // The floor, in the same harness: a trivial document of the same server, the app's home page.
      const floorTrivial = await firstContentfulPaint(browser, settle, `${server.url}/healthz`);
      const floorHome = await firstContentfulPaint(browser, settle, `${server.url}/`);
      // A trainer's browser: the app opened before in the same context (its HTTP cache holds the
      // shared chunks, as after the live call), then the debrief link.
      const warm = await settledPage(browser, settle, account);
      await warm.page.goto(`${server.url}/`);
      await warm.page.evaluate(
        () => (window as unknown as { __firstContentfulPaint: Promise<number> }).__firstContentfulPaint,
      );
      await warm.page.waitForTimeout(settle);
      await warm.page.goto(url);
      const paintedWarm = await warm.page.evaluate(
        () => (window as unknown as { __lanesPainted: Promise<number> }).__lanesPainted,
      );
      await warm.context.close();
      // The first run warms Chromium's caches: not counted (the call's first GET, nothing kept
      // yet, was asked before the runs and is printed on its own: `firstGet`).
      if (run > 0) {
        figures.firstPaint.push(painted);
        figures.paintedBy.push(paintedBy);
        figures.firstContentful.push(fcp);
        figures.reachable.push(reachable);
        figures.firstPaintTraced.push(paintedTraced);
        figures.firstPaintWarm.push(paintedWarm);
        figures.floorTrivial.push(floorTrivial);
        figures.floorHome.push(floorHome);
        figures.restBrowser.push(rest.total);
        figures.afterRest.push(painted - rest.end);
        figures.restAsked.push(rest.start);
        figures.entryIn.push(rest.entryIn);
        figures.chunkAsked.push(rest.chunkAsked);
        figures.chunkIn.push(rest.chunkIn);
        figures.stepBack.push(median(back));
        figures.stepForward.push(median(forward));
        figures.stepWorst.push(Math.max(...back, ...forward));
        figures.dropped.push(seen.dropped);
        figures.frames.push(seen.frames);
        figures.longestFrame.push(seen.longest);
        figures.restNode.push(restNode);
        figures.busyToPaint.push(busyPainted.task);
        figures.busyPerStep.push((busyAfterSteps.task - busyBeforeSteps.task) / 20);
        figures.busyPlayback.push((100 * (busyAfterPlay.task - busyBeforePlay.task)) / 3_000);
        figures.cpuToPaint.push(busyPainted.cpu);
        figures.cpuAtPaint.push(cpuAtPaint);
        figures.cpuPerStep.push((busyAfterSteps.cpu - busyBeforeSteps.cpu) / 20);
        figures.cpuPlayback.push((100 * (busyAfterPlay.cpu - busyBeforePlay.cpu)) / 3_000);
        wire = {
          encoded: rest.encoded,
          decoded: rest.decoded,
          encoding: answer.headers.get('content-encoding') ?? 'identity',
        };
      }
    }
    // The server's own CPU per answer, which the machine's load does not lengthen (as it does
    // the wall-clock figures on a busy machine): 20 GETs in a row.
    const cpuBefore = cpuMs(server.pid);
    for (let i = 0; i < 20; i += 1) {
      const answer = await fetch(`${server.url}/api/sessions/${sessionId}/debrief?timeline=columns`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
      });
      await answer.arrayBuffer();
    }
    const cpuPerGet = (cpuMs(server.pid) - cpuBefore) / 20;
    const fmt = (values: number[], unit = 'ms') =>
      `median ${median(values).toFixed(0)} ${unit} (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
    console.log(`debrief, ${entries} entries, ${runs} runs (each figure: median over the runs, min, max)`);
    const byServer = figures.paintedBy.filter((by) => by === 'server').length;
    console.log(
      `  the page opened ${account ? "signed in as the session's trainer" : 'with the link alone (--link-only)'}: painted first, the server's drawing in ${byServer} of ${figures.paintedBy.length} runs, React's lanes in ${figures.paintedBy.length - byServer}`,
    );
    console.log(`  navigation → lanes painted:                 ${fmt(figures.firstPaint)}`);
    console.log(
      `    the page's HTML from Node (median of 20): ${htmlDrawn.median.toFixed(1)} ms with the drawing (${(htmlDrawn.bytes / 1024).toFixed(0)} KiB), ${htmlPlain.median.toFixed(1)} ms without (${(htmlPlain.bytes / 1024).toFixed(0)} KiB); the first since the server started (nothing kept: not drawn, not waited for): ${firstDrawingMs.toFixed(0)} ms`,
    );
    console.log(`    its first contentful paint:               ${fmt(figures.firstContentful)}`);
    console.log(
      `  navigation → lanes reachable by keyboard (React's lanes, painted): ${fmt(figures.reachable)}`,
    );
    console.log(`    the same load traced (what tracing costs): ${fmt(figures.firstPaintTraced)}`);
    console.log(
      `    after the app's home page in the same context (its cache warm): ${fmt(figures.firstPaintWarm)}`,
    );
    console.log(`  the floor, navigation → first contentful paint, same harness (settle ${settle} ms):`);
    console.log(`    a trivial document of the server (/healthz): ${fmt(figures.floorTrivial)}`);
    console.log(`    the app's home page (/):                   ${fmt(figures.floorHome)}`);
    console.log(
      `  from the navigation's start, the page's entry script (index or debrief) in: ${fmt(figures.entryIn)}`,
    );
    console.log(`    the debrief's chunk asked: ${fmt(figures.chunkAsked)}; in: ${fmt(figures.chunkIn)}`);
    console.log(`    GET /debrief asked:        ${fmt(figures.restAsked)}`);
    console.log(`  GET /debrief in the page (request → last byte): ${fmt(figures.restBrowser)}`);
    console.log(`    then, from its last byte to the lanes painted: ${fmt(figures.afterRest)}`);
    console.log(`  GET /debrief from Node (request → last byte):   ${fmt(figures.restNode)}`);
    console.log(`    the first GET of the call since the server started: ${firstGet.toFixed(0)} ms`);
    console.log(`    the server's CPU time per GET (20 in a row, from /proc): ${cpuPerGet.toFixed(1)} ms`);
    console.log(
      `    on the wire: ${(wire.encoded / 1024).toFixed(0)} KiB (${wire.encoding}), ${(wire.decoded / 1024).toFixed(0)} KiB decoded`,
    );
    console.log(`  one step ← to the next paint (median of 10): ${fmt(figures.stepBack)}`);
    console.log(`  one step → to the next paint (median of 10): ${fmt(figures.stepForward)}`);
    console.log(`    the slowest of the 20 steps:               ${fmt(figures.stepWorst)}`);
    console.log(`  main thread busy (CDP TaskDuration), navigation → painted: ${fmt(figures.busyToPaint)}`);
    console.log(`    per step (20 steps, after the page settled 1.5 s):    ${fmt(figures.busyPerStep)}`);
    console.log(`    while playing at 4× (share of the 3 s):              ${fmt(figures.busyPlayback, '%')}`);
    console.log(`  main thread CPU (CDP ThreadTime), navigation → painted:   ${fmt(figures.cpuToPaint)}`);
    if (figures.cpuAtPaint.length > 0) {
      console.log(
        `    cut at the paint itself (trace, tasks' thread time): ${fmt(figures.cpuAtPaint)} (the line above is read once the page answered Node, after the work that follows the paint)`,
      );
    }
    console.log(`    per step (20 steps):                                  ${fmt(figures.cpuPerStep)}`);
    console.log(`    while playing at 4× (share of the 3 s):              ${fmt(figures.cpuPlayback, '%')}`);
    console.log(
      `  playback at 4×, 3 s: frames dropped ${fmt(figures.dropped, '')} of ${median(figures.frames)}; longest frame ${fmt(figures.longestFrame)}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
  if (profileDir) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile') && !f.startsWith('page'));
    if (file) {
      const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
      console.log(`  the server (node --cpu-prof, self time, every request of the runs): ${file}`);
      console.log(topSelfTime(profile).join('\n'));
    }
    console.log(
      `  Chromium trace: ${path.join(profileDir, 'chromium-trace.json')} (open in DevTools › Performance)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
