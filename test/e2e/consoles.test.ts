// The consoles as people read them, in a real Chromium through the built server: the trainer's
// console fits a 1366×768 laptop screen without scrolling the page and shows no internal id of
// the library calls; the listener's console at 390×844 (a phone) mid-call and at the end, with
// the outcome and the debrief link in view. Screenshots go to test/artifacts/; axe on each page.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseScenario, stateLabels, type Scenario } from '@ecoute/engine';
import { launchChromium } from '../support/browser.js';
import { joinSession, seriousAxeViolations } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';
import { signedInTrainer } from '../support/accounts.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const LIBRARY = [
  'renouvellement-mutuelle',
  'detresse-suicidaire',
  'etudiante-crous',
  'hameconnage-carte-vitale',
];

function loadScenario(id: string): Scenario {
  const text = readFileSync(path.join(workspaceRoot, 'scenarios', `${id}.yaml`), 'utf8');
  const parsed = parseScenario(text, id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return parsed.scenario;
}

/** The internal ids a person must never read: state paths and names, flag ids (with a `_` or a dot). */
function internalIds(scenario: Scenario): string[] {
  const states = Object.keys(stateLabels(scenario)).flatMap((path) => [path, ...path.split('.')]);
  const flags = Object.keys(scenario.flags);
  return [...new Set([...states, ...flags])].filter((id) => id.includes('_') || id.includes('.'));
}

describe('the consoles at a glance', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ ECOUTE_CLOCK_RATE: '1' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function page(viewport: { width: number; height: number }, url: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport });
    contexts.push(context);
    const opened = await context.newPage();
    await opened.goto(url);
    return opened;
  }

  async function createSession(scenarioId: string): Promise<Record<string, string>> {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      // Creation needs a signed-in trainer (their cookie and the app's origin).
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId }),
    });
    expect(created.status).toBe(201);
    const { links } = (await created.json()) as { links: Record<string, string> };
    return links;
  }

  const noPageScroll = (p: Page) =>
    p.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight);

  /** Everything the trainer can read: each tab of the views in turn. */
  async function trainerText(trainer: Page): Promise<string> {
    const texts = [await trainer.locator('body').innerText()];
    for (const tab of ['Étapes', 'Courbes', 'Appelant·e', 'Liens et présents', 'Graphe']) {
      await trainer.getByRole('tab', { name: tab }).click();
      texts.push(await trainer.locator('body').innerText());
    }
    return texts.join('\n');
  }

  it('the trainer’s console fits 1366×768 without page scroll and names no state by its id', async () => {
    for (const scenarioId of LIBRARY) {
      const scenario = loadScenario(scenarioId);
      const links = await createSession(scenarioId);
      const trainer = await page({ width: 1366, height: 768 }, `${server.url}${links.trainer}`);
      const listener = await page({ width: 390, height: 844 }, `${server.url}${links.listener}`);
      await joinSession(trainer, 'Dominique');
      await joinSession(listener, 'Camille');
      await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
      // A first move (the answers, on the phone): states change, injects get their reasons.
      await listener.getByRole('button', { name: 'Répondre', exact: true }).click();
      const first = listener.locator('.moves button:enabled').first();
      await first.waitFor();
      await first.click();
      // One state (« État : … »), or parallel regions, each named with its part of the call.
      await trainer
        .getByRole('log')
        .getByText(/État(\s:| de chaque partie de l'appel —)/)
        .first()
        .waitFor();
      await trainer.getByRole('tab', { name: 'Graphe' }).click();
      await trainer.locator('.state-graph .react-flow__node').first().waitFor();

      if (scenarioId === 'renouvellement-mutuelle')
        await trainer.screenshot({ path: path.join(artifacts, 'console-trainer-1366x768.png') });
      const heights = await trainer.evaluate(() => [
        document.scrollingElement!.scrollHeight,
        window.innerHeight,
        ...Array.from(
          document.querySelectorAll('.trainer-console, .trainer-console__grid, .app-main, #root'),
        ).map((e) => (e as HTMLElement).offsetHeight),
      ]);
      expect({ scenarioId, fits: await noPageScroll(trainer), heights }).toMatchObject({
        scenarioId,
        fits: true,
      });
      const text = await trainerText(trainer);
      const shown = internalIds(scenario).filter((id) => text.includes(id));
      expect({ scenarioId, shown }).toEqual({ scenarioId, shown: [] });
      // The graph opens readable: labels of at least 12 px on screen.
      const smallest = await trainer.locator('.state-graph .state-node__label').evaluateAll((labels) =>
        Math.min(
          ...labels
            .filter((label) => label.getBoundingClientRect().height > 0)
            .map((label) => {
              const size = parseFloat(getComputedStyle(label).fontSize);
              const viewport = label.closest('.react-flow__viewport') as HTMLElement | null;
              const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
              return size * zoom;
            }),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(12);
      if (scenarioId === 'renouvellement-mutuelle') {
        expect(await seriousAxeViolations(trainer)).toEqual([]);
      }
      await trainer.context().close();
      await listener.context().close();
    }
  }, 240_000);

  it('the listener on a phone: conversation and answers share the screen; the end in view', async () => {
    const links = await createSession('appel-entrainement');
    const listener = await page({ width: 390, height: 844 }, `${server.url}${links.listener}`);
    await joinSession(listener, 'Camille');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await listener.getByRole('log').getByText('Allô').first().waitFor();

    // The answers: one tap away, with the last lines above them.
    await listener.getByRole('button', { name: 'Répondre', exact: true }).click();
    const present = listener.getByRole('button', { name: /Se présenter/ });
    await present.waitFor();
    expect(await present.isVisible()).toBe(true);
    expect(await listener.getByRole('log').isVisible()).toBe(true);
    await present.click();
    await listener.screenshot({ path: path.join(artifacts, 'console-listener-390x844-mid-call.png') });
    expect(await seriousAxeViolations(listener)).toEqual([]);
    await listener.screenshot({
      path: path.join(artifacts, 'console-listener-390x844-mid-call-full.png'),
      fullPage: true,
    });
    // The page is no longer thousands of pixels tall.
    expect(await listener.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThan(3 * 844);

    // Back to the conversation (the phone is there) to hang up.
    await listener.getByRole('button', { name: 'Conversation', exact: true }).click();
    await listener.getByRole('button', { name: 'Raccrocher', exact: true }).click();
    const outcome = listener.getByRole('region', { name: "Issue de l'appel" });
    await outcome.waitFor();
    await listener.waitForTimeout(500);
    await listener.screenshot({ path: path.join(artifacts, 'console-listener-390x844-end.png') });
    expect(await outcome.isVisible()).toBe(true);
    const inView = async (selector: string) =>
      listener
        .locator(selector)
        .first()
        .evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        });
    expect(await inView('.role-page--listener .outcome')).toBe(true);
    expect(await inView('.role-page--listener .debrief-link a')).toBe(true);
    expect(await seriousAxeViolations(listener)).toEqual([]);
  }, 120_000);
});
