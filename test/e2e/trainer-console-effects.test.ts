// What newcomers playing the tutorial call (« Appel d'entraînement ») missed on the trainer's
// console, in a real Chromium through the built server, at 1366×768 and 390×844:
// - before any listener had joined, the phone said « Le téléphone sonne… » and the trainer thought
//   the learner let it ring: now it says the call waits for the listener, until one joins;
// - pressing « On sonne à la porte », the caller's line it caused was out of sight (a short,
//   maybe scrolled transcript on a laptop, screens below on a phone): now under the inject buttons;
// - on a phone the graph, « En ligne » active, cut « Perdue, elle raccroche » at its box's side:
//   now the states are also a list there, each name whole.
// Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): nothing races the scenario's timers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { parseScenario } from '@ecoute/engine';
import { browserSuite } from '../support/browser-suite.js';
import { signedInTrainer } from '../support/accounts.js';
import { joinSession, seriousAxeViolations } from '../support/role-pages.js';
import { workspaceRoot } from '../support/server-process.js';
import { MANUAL_CLOCK } from '../support/test-clock.js';

type Viewport = { width: number; height: number };
const PHONE: Viewport = { width: 390, height: 844 };
const LAPTOP: Viewport = { width: 1366, height: 768 };
const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

const scenario = (() => {
  const text = readFileSync(path.join(workspaceRoot, 'scenarios', 'appel-entrainement.yaml'), 'utf8');
  const parsed = parseScenario(text, 'appel-entrainement');
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.scenario;
})();
const doorbell = scenario.injects.sonnette!.label;
/** The start of the doorbell's line, as a page shows its text (no-break spaces as spaces). */
const doorbellLine = scenario.lines.sonnette!.text.slice(0, 30);
/** The ending « Perdue, elle raccroche », by its label in the machine. */
const lostLabel = (scenario.machine as { states: Record<string, { label?: string }> }).states.perdue!.label!;

/**
 * Whether some element whose own text starts with `text` can be read whole: the page scrolled
 * (the page only, never a box inside it) to bring it to the screen's upper third, it lies inside
 * the window and inside every box that clips it.
 */
async function readableWhole(page: Page, text: string): Promise<boolean> {
  const count = await page.evaluate((text) => {
    const own = (element: Element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    const found = Array.from(document.querySelectorAll('body *')).filter((element) =>
      own(element).startsWith(text),
    );
    found.forEach((element, i) => element.setAttribute('data-readable-candidate', String(i)));
    return found.length;
  }, text);
  for (let i = 0; i < count; i += 1) {
    const whole = await page.evaluate((i) => {
      const element = document.querySelector(`[data-readable-candidate="${i}"]`)!;
      const first = element.getBoundingClientRect();
      if (first.width === 0 || first.height === 0) return false;
      window.scrollBy(0, first.top - window.innerHeight / 3);
      const box = element.getBoundingClientRect();
      const inside = (outer: { left: number; right: number; top: number; bottom: number }) =>
        box.left >= outer.left - 1 &&
        box.right <= outer.right + 1 &&
        box.top >= outer.top - 1 &&
        box.bottom <= outer.bottom + 1;
      if (!inside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) return false;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
        if (clips && parent !== document.body && parent !== document.documentElement)
          if (!inside(parent.getBoundingClientRect())) return false;
      }
      return true;
    }, i);
    if (whole) return true;
  }
  return false;
}

/** Whether a line starting with `text` is on screen now, as the page stands (nothing scrolled). */
async function inSight(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => {
    const own = (element: Element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    return Array.from(document.querySelectorAll('body *')).some((element) => {
      if (!own(element).startsWith(text)) return false;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      if (box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > window.innerWidth)
        return false;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        if (parent === document.body || parent === document.documentElement) continue;
        const outer = parent.getBoundingClientRect();
        if (box.top < outer.top - 1 || box.bottom > outer.bottom + 1) return false;
      }
      return true;
    });
  }, text);
}

describe('the trainer’s console as a newcomer plays the tutorial call', () => {
  const suite = browserSuite(MANUAL_CLOCK);

  async function open(link: string, viewport: Viewport, name: string): Promise<Page> {
    const context = await suite.context({ locale: 'fr-FR', viewport });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}${link}`);
    await joinSession(page, name);
    return page;
  }

  it('waits for the listener, then rings; shows what an inject caused where it was pressed; lists the states on a phone', async () => {
    const created = await fetch(`${suite.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(suite.server)) },
      body: JSON.stringify({ scenarioId: 'appel-entrainement' }),
    });
    expect(created.status).toBe(201);
    const links = ((await created.json()) as { links: Record<string, string> }).links;

    // No listener yet: the call waits for one, the phone is not said to ring.
    const laptop = await open(links.trainer!, LAPTOP, 'Dominique');
    const phoneOf = (page: Page) => page.getByRole('region', { name: 'Téléphone', exact: true });
    await phoneOf(laptop).getByText("En attente de l'écoutant·e", { exact: false }).waitFor();
    expect(await phoneOf(laptop).getByText('Le téléphone sonne…').count()).toBe(0);
    expect(await laptop.getByRole('group', { name: "État de l'appel" }).textContent()).toContain(
      "En attente de l'écoutant·e",
    );
    await laptop.screenshot({ path: path.join(artifacts, 'trainer-waiting-listener-1366x768.png') });

    // The listener joins: now it rings.
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await phoneOf(laptop).getByText('Le téléphone sonne…').waitFor();
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await laptop.getByText('En communication').first().waitFor();
    await listener.getByRole('button', { name: scenario.moves.se_presenter!.label, exact: true }).click();
    await laptop
      .getByRole('button', { name: doorbell, exact: true })
      .and(laptop.locator(':enabled'))
      .waitFor();

    // At 1366×768 the line the inject caused is in sight, the page and its columns as they stand.
    await laptop.getByRole('button', { name: doorbell, exact: true }).click();
    const effect = (page: Page) => page.getByRole('region', { name: `Effet de « ${doorbell} »` });
    await effect(laptop).getByText(doorbellLine, { exact: false }).waitFor();
    expect(await inSight(laptop, doorbellLine)).toBe(true);
    expect(await seriousAxeViolations(laptop)).toEqual([]);
    await laptop.screenshot({ path: path.join(artifacts, 'trainer-inject-effect-1366x768.png') });

    // At 390×844 too: the trainer opens the console on a phone as well and presses it again.
    const phone = await open(links.trainer!, PHONE, 'Dominique');
    const injectOnPhone = phone.getByRole('button', { name: doorbell, exact: true });
    await injectOnPhone.and(phone.locator(':enabled')).waitFor();
    const before = await phone.getByText(doorbellLine, { exact: false }).count();
    await injectOnPhone.click();
    await phone.getByText(doorbellLine, { exact: false }).nth(before).waitFor();
    expect(await inSight(phone, doorbellLine)).toBe(true);
    await phone.screenshot({ path: path.join(artifacts, 'trainer-inject-effect-390x844.png') });

    // « En ligne » active: on a phone « Perdue, elle raccroche » reads whole, in the graph's view.
    await phone.getByRole('tab', { name: 'Graphe', exact: true }).click();
    await phone.locator('.state-graph .react-flow__node').first().waitFor({ timeout: 30_000 });
    await phone.waitForTimeout(1_500);
    expect(await readableWhole(phone, lostLabel)).toBe(true);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(artifacts, 'trainer-state-list-390x844.png') });
    // On a laptop the drawing reads whole: no list there.
    await laptop.getByRole('tab', { name: 'Graphe', exact: true }).click();
    expect(await laptop.getByRole('region', { name: 'Les états du scénario, en liste' }).isVisible()).toBe(
      false,
    );
  }, 240_000);
});
