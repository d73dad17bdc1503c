// The debrief in a real Chromium, on the built server: a short tutorial call is played by
// socket.io clients (session time moved by the test: `ECOUTE_TEST_CLOCK=manual`), then the trainer opens the debrief, jumps to the
// moment that proves a criterion, picks a moment on the lanes, steps back, plays back at 4×,
// annotates, judges a criterion and exports the JSON; the learner goes through the transcript by
// keyboard (one Tab stop, ↑ ↓ Début Fin within it) on a laptop and a phone, self-assesses and only
// then sees the trainer's judgment; the sessions list shows the session.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ClientEvent, PROTOCOL_VERSION } from '@ecoute/protocol';
import type { Debrief, InputAck, SessionExport } from '@ecoute/protocol';
import { launchChromium, settledFocus } from '../support/browser.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import { signInContext, signedInTrainer } from '../support/accounts.js';
import type { ServerProcess } from '../support/server-process.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

// A duration as the French catalogue writes it (`debrief.span.*`), not as a clock reading.
function span(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [minutes, seconds] = [Math.floor(total / 60), total % 60];
  if (minutes === 0) return `${seconds}\u00a0s`;
  return seconds === 0
    ? `${minutes}\u00a0min`
    : `${minutes}\u00a0min ${String(seconds).padStart(2, '0')}\u00a0s`;
}

function connect(url: string, sessionId: string, token: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { sessionId, token, protocolVersion: PROTOCOL_VERSION },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function send(socket: Socket, input: Record<string, unknown>): Promise<void> {
  const ack = (await socket.timeout(20_000).emitWithAck(ClientEvent.Input, input)) as InputAck;
  if (!ack.ok) throw new Error(`${JSON.stringify(input)} refused: ${ack.code}`);
}

describe('the debrief in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let sessionId: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ ...MANUAL_CLOCK });
    browser = await launchChromium();
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 42 }),
    });
    const created = (await response.json()) as { sessionId: string; links: Record<string, string> };
    sessionId = created.sessionId;
    tokens = Object.fromEntries(
      Object.entries(created.links).map(([role, link]) => [
        role,
        decodeURIComponent(link.split('#k=')[1] ?? ''),
      ]),
    );
    // The call: about 16 s of session time, each pause moved on by the test.
    const pause = (ms: number) => advanceClock(server.url, ms);
    const listener = await connect(server.url, sessionId, tokens.listener!);
    const trainer = await connect(server.url, sessionId, tokens.trainer!);
    await send(listener, { kind: 'join', name: 'Camille' });
    await send(trainer, { kind: 'join', name: 'Dominique' });
    await pause(2_000);
    await send(listener, { kind: 'pickup' });
    await pause(3_000);
    await send(listener, { kind: 'move', move: 'se_presenter' });
    await pause(2_000);
    await send(trainer, { kind: 'bookmark', comment: 'Bonne présentation' });
    await send(listener, { kind: 'say', text: 'Je vous écoute, dites-moi ce qui se passe.' });
    await pause(3_000);
    await send(listener, { kind: 'move', move: 'reformuler' });
    for (const _ of [1, 2, 3]) {
      await pause(1_500);
      await send(listener, { kind: 'move', move: 'guider_pas_a_pas' });
    }
    await pause(1_500);
    listener.close();
    trainer.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(url);
    return page;
  }

  async function api(token: string): Promise<Debrief> {
    const response = await fetch(`${server.url}/api/sessions/${sessionId}/debrief`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as Debrief;
  }

  const momentHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^À \d+:\d\d$/ });

  it('lets the trainer review the call: jump, pick, step, play back, annotate, judge, export', async () => {
    const recorded = await api(tokens.trainer!);
    expect(recorded.callOver).toBe(true);
    // One clock: the debrief counts from the pickup, as the transcript and the status bar do.
    const pickupAt = recorded.entries.find((e) => e.kind === 'input' && e.input.kind === 'pickup')!.t;
    expect(pickupAt).toBeGreaterThan(0);
    const callClock = (t: number) => clock(t - pickupAt);
    const page = await open(`${server.url}/debrief/${sessionId}#k=${tokens.trainer}`);
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await expect(momentHeading(page).textContent()).resolves.toBe(
      `À ${callClock(recorded.session.durationMs)}`,
    );
    await expect(page.locator('.debrief__facts').textContent()).resolves.toContain(
      `Durée${span(recorded.session.durationMs - pickupAt)}`,
    );

    // « Voir le moment » of a criterion: the moment that proves it.
    const presented = recorded.rubric.find((c) => c.criterion === 'se_presente');
    expect(presented?.met).toBe(true);
    await page.getByRole('button', { name: /Voir le moment.*Se présenter dans la première minute/ }).click();
    await expect(momentHeading(page).textContent()).resolves.toBe(`À ${callClock(presented!.evidence!.t)}`);
    // Scrolled to and focused: the moment's heading has the focus and is on screen.
    await expect(
      page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        const box = focused.getBoundingClientRect();
        return {
          tag: focused.tagName,
          text: focused.textContent,
          inView: box.top >= 0 && box.bottom <= innerHeight,
        };
      }),
    ).resolves.toEqual({ tag: 'H2', text: `À ${callClock(presented!.evidence!.t)}`, inView: true });
    await expect(page.locator('.debrief__current').textContent()).resolves.toContain('Se présenter');

    // A moment picked on the lanes, then one step back with the keyboard.
    const lanes = page.getByTestId('lanes-view');
    const box = await lanes.boundingBox();
    await lanes.click({ position: { x: (box?.width ?? 800) * 0.85, y: 200 } });
    const picked = await momentHeading(page).textContent();
    expect(picked).not.toBe(`À ${callClock(presented!.evidence!.t)}`);
    const current = page.locator('.moment-transcript__row--current');
    const before = await current.textContent();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await current.textContent()).not.toBe(before);

    // Play back at 4×: from the start to the end.
    await page.getByRole('radio', { name: '4×' }).check();
    await page.getByRole('button', { name: 'Moment suivant →' }).click();
    await page.getByRole('button', { name: 'Rejouer' }).click();
    await page.getByRole('button', { name: 'Arrêter' }).waitFor();
    await page.getByRole('button', { name: 'Rejouer' }).waitFor({ timeout: 20_000 });
    await expect(momentHeading(page).textContent()).resolves.toBe(
      `À ${callClock(recorded.session.durationMs)}`,
    );

    // Annotate the moment of the bookmark; edit the bookmark's comment.
    const marks = page.getByRole('region', { name: 'Repères et annotations' });
    await marks
      .getByRole('button', { name: /^Voir le moment/ })
      .first()
      .click();
    await marks.getByRole('textbox', { name: /Nouvelle annotation à/ }).fill('Ici, laisser un silence');
    await marks.getByRole('button', { name: "Ajouter l'annotation" }).click();
    await marks.getByText('Ici, laisser un silence').waitFor();
    // The focus goes to the annotation just added (read out), not to the page.
    const onAdded = /^li: .*Ici, laisser un silence/;
    expect(await settledFocus(page, onAdded)).toMatch(onAdded);
    await marks
      .getByRole('button', { name: /^Modifier/ })
      .first()
      .click();
    await marks.getByRole('textbox', { name: /Commentaire du repère/ }).fill('Présentation claire');
    await marks.getByRole('button', { name: 'Enregistrer' }).click();
    await marks.getByText("Pendant l'appel : « Bonne présentation »").waitFor();
    // Saved, the form gives way to « Modifier », which has the focus back.
    expect(await settledFocus(page, /^button: Modifier/)).toMatch(/^button: Modifier/);

    // Score a judged criterion.
    const judgment = page.getByRole('group', { name: 'Votre jugement : Ton posé, rythme adapté' });
    await judgment.getByRole('radio', { name: 'en partie' }).check();
    await judgment.getByRole('textbox', { name: 'Commentaire' }).fill('Un peu rapide au début');
    await judgment.getByRole('button', { name: 'Enregistrer le jugement' }).click();
    await judgment.getByText('Enregistré.').waitFor();
    // The focus stays on the button (it does not disable itself while saving).
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Enregistrer le jugement',
    );
    await page.screenshot({ path: path.join(artifacts, 'debrief-trainer.png'), fullPage: true });

    const saved = await api(tokens.trainer!);
    expect(saved.judgments).toEqual([expect.objectContaining({ criterion: 'ton_pose', rating: 'partly' })]);
    expect(saved.marks?.map((m) => m.comment).sort()).toEqual([
      'Ici, laisser un silence',
      'Présentation claire',
    ]);

    // Export the JSON: the file holds the timeline and the judgment.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: "Télécharger l'appel enregistré (JSON)" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as SessionExport & Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain('ton_pose');
    expect(JSON.stringify(exported)).toContain('se_presenter');

    // On paper: the report, without the way back nor the page's footer (links a sheet cannot follow).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.debrief__back').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.context().close();
  }, 90_000);

  it("opens a debrief link with the debrief's own entry and its language only; English on demand; the way back leaves for the app", async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const scripts = (name: string) =>
      asked.filter((p) => new RegExp(`^/assets/${name}-[\\w-]+\\.js$`).test(p));
    await page.goto(`${server.url}/debrief/${sessionId}#k=${tokens.trainer}`);
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await momentHeading(page).waitFor();
    expect(scripts('debrief')).toHaveLength(1);
    expect(scripts('fr')).toHaveLength(1);
    // Not the whole app's entry, not the English catalogue, no live connection.
    expect(scripts('index')).toEqual([]);
    expect(scripts('en')).toEqual([]);
    expect(asked.filter((p) => p.startsWith('/socket.io'))).toEqual([]);
    // English when chosen: its catalogue loads then, and the page speaks it.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: "Debrief — Appel d'entraînement" }).waitFor();
    expect(scripts('en')).toHaveLength(1);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    // The scenario's words stay French and say so, for a screen reader: the title in the heading,
    // the caller's lines in the transcript; the page's own words are English.
    await expect(page.locator('h1 [lang="fr"]').textContent()).resolves.toBe("Appel d'entraînement");
    const transcript = page.getByRole('group', { name: 'Transcript up to this moment' });
    await expect(transcript.locator('.entry__speaker').first().getAttribute('lang')).resolves.toBeNull();
    expect(await transcript.locator('.moment-transcript__text[lang="fr"]').count()).toBeGreaterThan(0);
    // The way back to the sessions list: the whole app, by a full load, in English still.
    await page.getByRole('link', { name: "← Back to the organisation's sessions" }).click();
    await page.waitForURL(`${server.url}/sessions`);
    await page.waitForFunction(() => document.querySelector('h1') !== null);
    expect(scripts('index')).toHaveLength(1);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    // And after a reload, on the sessions list, where the calls' titles are French.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sessions of the organisation' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await context.close();
  });

  it('opens in English for a browser that asks for English, until French is chosen', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}/debrief/${sessionId}#k=${tokens.listener}`);
    await page.getByRole('heading', { level: 1, name: "Debrief — Appel d'entraînement" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    // The person's choice wins over the browser's, and is kept.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await context.close();
  });

  it('takes the learner through the transcript in one Tab stop, moved within by the arrow keys, at 1366×768 and 390×844', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ locale: 'fr-FR', viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(`${server.url}/debrief/${sessionId}#k=${tokens.listener}`);
      const transcript = page.getByRole('group', { name: "Transcription jusqu'à ce moment" });
      await transcript.getByRole('button').first().waitFor();
      // The graph drawn (a lazy chunk): the page as it stays, and every Tab stop in it.
      await page.locator('figure.state-graph').waitFor();
      await page.screenshot({
        path: path.join(artifacts, `debrief-keyboard-${viewport.width}.png`),
        fullPage: true,
      });
      // Where the focus is: its row of the transcript (1 = the call's first), or the side panels.
      const focus = () =>
        page.evaluate(() => {
          const active = document.activeElement;
          const row = active?.closest('.moment-transcript__row');
          const side = document.querySelector('.debrief__side');
          const first = side?.querySelector('input, button, a[href], textarea, select, [tabindex="0"]');
          return {
            row: row ? Number(row.getAttribute('aria-posinset')) : null,
            rows: row ? Number(row.getAttribute('aria-setsize')) : null,
            current: !!row?.classList.contains('moment-transcript__row--current'),
            firstOfSide: !!first && first === active,
          };
        });
      // From the moment's heading, Tab by Tab: the transcript is met once, on the moment's row.
      await momentHeading(page).focus();
      let met = await focus();
      for (let tabs = 0; met.row === null && tabs < 60; tabs += 1) {
        await page.keyboard.press('Tab');
        met = await focus();
      }
      const rows = met.rows ?? 0;
      expect(rows).toBeGreaterThan(3);
      expect(met).toEqual({ row: rows, rows, current: true, firstOfSide: false });
      await expect(
        transcript.evaluate(
          (group) => group.querySelectorAll('[tabindex="0"], button:not([tabindex])').length,
        ),
      ).resolves.toBe(1);
      // ↑ ↓ Début Fin move within it.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(focus()).resolves.toMatchObject({ row: rows - 2, rows });
      await page.screenshot({ path: path.join(artifacts, `debrief-keyboard-${viewport.width}-rows.png`) });
      await page.keyboard.press('Home');
      await expect(focus()).resolves.toMatchObject({ row: 1, rows });
      await page.keyboard.press('End');
      await expect(focus()).resolves.toMatchObject({ row: rows, rows });
      await page.keyboard.press('Home');
      // The next Tab leaves it for what follows (the self-assessment), Shift+Tab comes back there.
      await page.keyboard.press('Tab');
      await expect(focus()).resolves.toMatchObject({ row: null, firstOfSide: true });
      await page.keyboard.press('Shift+Tab');
      await expect(focus()).resolves.toMatchObject({ row: 1, rows });
      // Entrée on a row goes to its moment: the transcript ends there, the focus stays on it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(focus()).resolves.toEqual({ row: 2, rows: 2, current: true, firstOfSide: false });
      // The lanes' → still steps the moment; the focus follows it.
      await page.keyboard.press('ArrowRight');
      await expect(focus()).resolves.toEqual({ row: 3, rows: 3, current: true, firstOfSide: false });
      await context.close();
    }
  }, 90_000);

  it("asks the learner's self-assessment before showing the trainer's judgment", async () => {
    // From the listener's page: the ending panel links to the debrief.
    const page = await open(`${server.url}/ecoute/${sessionId}#k=${tokens.listener}`);
    await page.getByLabel('Votre prénom ou un pseudonyme').fill('Camille');
    await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
    await page.getByRole('link', { name: 'Ouvrir le débriefing' }).click();
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await page
      .getByText('Le jugement du ou de la formateur·rice sera visible après votre auto-évaluation.')
      .first()
      .waitFor();
    await expect(page.getByText('Un peu rapide au début').count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: "Télécharger l'appel enregistré (JSON)" }).count(),
    ).resolves.toBe(0);
    const self = page.getByRole('region', { name: 'Mon auto-évaluation' });
    await self
      .getByRole('radiogroup', { name: 'Ton posé, rythme adapté' })
      .getByRole('radio', { name: 'rempli', exact: true })
      .check();
    await self.getByRole('textbox', { name: "Ce que je retiens de l'appel" }).fill('Reformuler plus tôt.');
    await self.getByRole('button', { name: "Envoyer l'auto-évaluation" }).click();
    await self.getByRole('button', { name: 'Oui, envoyer' }).click();
    await page.getByText('Formateur·rice : en partie — Un peu rapide au début').waitFor();
    await page.getByText('Auto-évaluation : rempli').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'debrief-learner.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('lists the session for the signed-in trainer and opens its debrief', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
    await signInContext(context, server);
    const page = await context.newPage();
    await page.goto(`${server.url}/sessions`);
    const row = page.getByRole('row', { name: /Camille/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Appel d'entraînement");
    await row.getByRole('link', { name: /Débriefing/ }).click();
    await page.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();
    await page.context().close();
  }, 60_000);
});
