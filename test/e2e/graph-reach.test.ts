// The state graph on a phone, in a real Chromium through the built server: at 390×844 the
// trainer's console and the debrief drew « Escalade de détresse » (parallel regions side by side,
// four times the screen's width) panned inside a box of the page's width, and the states left and
// right of the view could not be reached — no keyboard panning, a touch drag fighting the page's
// scroll. Now every state can be brought into view inside the graph's own box (the page never
// wider than the screen), by the keyboard too (the box takes the focus, the arrow keys scroll it);
// « Agrandir », « Réduire » and « Tout afficher » still work; at 1366×768 the labels of the states
// and of the edges read at 12 px or more on screen.
// Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): nothing races the scenario's timers.
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.js';
import { signedInTrainer } from '../support/accounts.js';
import { joinSession } from '../support/role-pages.js';
import { workspaceRoot } from '../support/server-process.js';
import { MANUAL_CLOCK } from '../support/test-clock.js';

type Viewport = { width: number; height: number };
const PHONE: Viewport = { width: 390, height: 844 };
const LAPTOP: Viewport = { width: 1366, height: 768 };
const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

/** What the graph looks like once its view is set: the same reading three times in a row. */
async function settled<T>(page: Page, read: () => Promise<T>): Promise<T> {
  let last = '';
  let same = 0;
  let seen = await read();
  for (let i = 0; i < 80 && same < 2; i += 1) {
    await page.waitForTimeout(150);
    seen = await read();
    const now = JSON.stringify(seen);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return seen;
}

/** Where the graph's drawing is, its zoom, and the page's width. */
const drawing = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector('.state-graph__view')!.getBoundingClientRect();
    const transform = getComputedStyle(
      document.querySelector('.state-graph .react-flow__viewport')!,
    ).transform;
    return {
      view: { left: view.left, right: view.right },
      zoom: new DOMMatrix(transform).a,
      nodes: document.querySelectorAll('.state-graph .react-flow__node').length,
      page: {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      },
    };
  });

/**
 * Every state brought into view as the browser does it for a link or a search (`scrollIntoView`
 * on its name): those whose name is not then wholly inside both the graph's frame and the screen,
 * and the page's width and sideways scroll after it all.
 */
const unreachable = (page: Page) =>
  page.evaluate(async () => {
    const frame = () => {
      const view = document.querySelector('.state-graph__view')!.getBoundingClientRect();
      return {
        left: Math.max(view.left, 0),
        right: Math.min(view.right, document.documentElement.clientWidth),
        top: Math.max(view.top, 0),
        bottom: Math.min(view.bottom, window.innerHeight),
      };
    };
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const names = Array.from(document.querySelectorAll<HTMLElement>('.state-graph .state-node__label'));
    const missed: string[] = [];
    for (const name of names) {
      // The name's text itself (a group's title spans its whole box, its text at the start).
      const text = document.createRange();
      text.selectNodeContents(name);
      name.scrollIntoView({ block: 'center', inline: 'start' });
      await frames();
      const box = text.getBoundingClientRect();
      const seen = frame();
      const inside =
        box.width > 0 &&
        box.left >= seen.left - 1 &&
        box.right <= seen.right + 1 &&
        box.top >= seen.top - 1 &&
        box.bottom <= seen.bottom + 1;
      if (!inside) missed.push((name.textContent ?? '').replace('✓', '').trim());
    }
    return {
      states: names.length,
      missed,
      scrollX: window.scrollX,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });

/** The states whose box lies wholly inside the graph's frame and the screen, as they stand. */
const statesShown = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector('.state-graph__view')!.getBoundingClientRect();
    const left = Math.max(view.left, 0);
    const right = Math.min(view.right, document.documentElement.clientWidth);
    const top = Math.max(view.top, 0);
    const bottom = Math.min(view.bottom, window.innerHeight);
    return Array.from(document.querySelectorAll('.state-graph .state-node--leaf'))
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return (
          box.left >= left - 1 && box.right <= right + 1 && box.top >= top - 1 && box.bottom <= bottom + 1
        );
      })
      .map((node) => (node.textContent ?? '').replace('✓', '').trim());
  });

/** The arrow key that brings this (leaf) state towards the graph's frame, or null once it is in it. */
const keyTowards = (page: Page, name: string) =>
  page.evaluate((name) => {
    const node = Array.from(document.querySelectorAll('.state-graph .state-node--leaf')).find(
      (leaf) => (leaf.textContent ?? '').replace('✓', '').trim() === name,
    )!;
    const box = node.getBoundingClientRect();
    const view = document.querySelector('.state-graph__view')!.getBoundingClientRect();
    if (box.left < Math.max(view.left, 0) - 1) return 'ArrowLeft';
    if (box.right > Math.min(view.right, document.documentElement.clientWidth) + 1) return 'ArrowRight';
    if (box.top < view.top - 1) return 'ArrowUp';
    if (box.bottom > view.bottom + 1) return 'ArrowDown';
    return null;
  }, name);

/** The leaf states drawn furthest left and furthest right. */
const outermost = (page: Page) =>
  page.evaluate(() => {
    const leaves = Array.from(document.querySelectorAll('.state-graph .state-node--leaf')).map((node) => ({
      name: (node.textContent ?? '').replace('✓', '').trim(),
      box: node.getBoundingClientRect(),
    }));
    const byLeft = [...leaves].sort((a, b) => a.box.left - b.box.left);
    const byRight = [...leaves].sort((a, b) => b.box.right - a.box.right);
    return { left: byLeft[0]!.name, right: byRight[0]!.name };
  });

/** The smallest label, on screen (its font size times the drawing's zoom), of states and of edges. */
const smallestLabels = (page: Page) =>
  page.evaluate(() => {
    const onScreen = (selector: string) =>
      Math.min(
        ...Array.from(document.querySelectorAll<Element>(selector))
          .filter((label) => label.getBoundingClientRect().height > 0)
          .map((label) => {
            const viewport = label.closest('.react-flow__viewport');
            const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
            return parseFloat(getComputedStyle(label).fontSize) * zoom;
          }),
      );
    return {
      states: onScreen('.state-graph .state-node__label'),
      edges: onScreen('.state-graph .react-flow__edge-text'),
      edgeLabels: document.querySelectorAll('.state-graph .react-flow__edge-text').length,
    };
  });

describe('the state graph on a phone: every state within reach, the page no wider than the screen', () => {
  const suite = browserSuite(MANUAL_CLOCK);

  async function open(link: string, viewport: Viewport, name?: string): Promise<Page> {
    const context = await suite.context({ locale: 'fr-FR', viewport });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}${link}`);
    if (name) await joinSession(page, name);
    return page;
  }

  /** The page's graph on screen, its view set; the tab « Graphe » first on a phone's console. */
  async function graphShown(page: Page): Promise<void> {
    const tab = page.getByRole('tab', { name: 'Graphe', exact: true });
    if (await tab.isVisible().catch(() => false)) await tab.click();
    await page.locator('.state-graph .react-flow__node').first().waitFor({ timeout: 30_000 });
    await page.locator('.state-graph').scrollIntoViewIfNeeded();
    await settled(page, () => drawing(page));
  }

  /** At 390 px: every state reached, by the page's scrolling and by the keyboard; the zoom buttons. */
  async function reachableOnPhone(page: Page, shot: string): Promise<void> {
    const before = await drawing(page);
    expect(before.page.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    // Readable as it opens (not shrunk to fit a drawing four screens wide).
    expect(before.zoom).toBeGreaterThanOrEqual(0.9);
    await page.screenshot({ path: path.join(artifacts, `graph-reach-${shot}-390x844.png`) });

    const reached = await unreachable(page);
    expect(reached.states).toBeGreaterThan(20);
    expect(reached.missed).toEqual([]);
    expect(reached.scrollX).toBe(0);
    expect(reached.scrollWidth).toBeLessThanOrEqual(PHONE.width);

    // By the keyboard alone: the drawing's box is in the tab order just before « Agrandir », and
    // the arrow keys bring the leftmost and the rightmost states into view.
    const zoomIn = page.getByRole('button', { name: 'Agrandir', exact: true });
    await zoomIn.focus();
    await page.keyboard.press('Shift+Tab');
    // The focus on a box of the graph that scrolls sideways.
    const focusedBox = await page.evaluate(() => {
      const focused = document.activeElement;
      return (
        focused instanceof HTMLElement &&
        focused.closest('.state-graph') !== null &&
        focused.scrollWidth > focused.clientWidth
      );
    });
    expect(focusedBox).toBe(true);
    const ends = await outermost(page);
    for (const end of [ends.left, ends.right]) {
      // Chromium scrolls 40 px a press, smoothly: two presses (less than the box's size less a
      // state's), then a look once it has moved, until the state is wholly in view.
      for (let round = 0; round < 150; round += 1) {
        const key = await keyTowards(page, end);
        if (!key) break;
        await page.keyboard.press(key);
        await page.keyboard.press(key);
        await page.waitForTimeout(200);
      }
      await page.locator('.state-graph__view').scrollIntoViewIfNeeded();
      expect({ end, shown: (await statesShown(page)).includes(end) }).toEqual({ end, shown: true });
    }
    expect((await drawing(page)).page.scrollWidth).toBeLessThanOrEqual(PHONE.width);

    // « Agrandir » and « Réduire » change the drawing's zoom; « Tout afficher » shows every state.
    const zoom = async () => (await settled(page, () => drawing(page))).zoom;
    const start = await zoom();
    await zoomIn.click();
    expect(await zoom()).toBeGreaterThan(start);
    await page.getByRole('button', { name: 'Réduire', exact: true }).click();
    await page.getByRole('button', { name: 'Réduire', exact: true }).click();
    expect(await zoom()).toBeLessThan(start);
    await page.getByRole('button', { name: 'Tout afficher', exact: true }).click();
    await page.locator('.state-graph__view').scrollIntoViewIfNeeded();
    const leaves = await page.locator('.state-graph .state-node--leaf').count();
    expect((await settled(page, () => statesShown(page))).length).toBe(leaves);
    expect((await drawing(page)).page.scrollWidth).toBeLessThanOrEqual(PHONE.width);
  }

  it('the trainer’s console and the debrief at 390×844, then their labels at 1366×768', async () => {
    const created = await fetch(`${suite.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(suite.server)) },
      body: JSON.stringify({ scenarioId: 'detresse-suicidaire' }),
    });
    expect(created.status).toBe(201);
    const links = ((await created.json()) as { links: Record<string, string> }).links;

    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    const trainer = await open(links.trainer!, PHONE, 'Dominique');
    await trainer.getByText('En communication').first().waitFor();
    await graphShown(trainer);
    await reachableOnPhone(trainer, 'console');

    // At 1366×768 the console opens readable: states and the ways out labelled at 12 px or more.
    await trainer.setViewportSize(LAPTOP);
    await trainer.reload();
    await graphShown(trainer);
    const consoleLabels = await settled(trainer, () => smallestLabels(trainer));
    expect(consoleLabels.edgeLabels).toBeGreaterThan(0);
    expect(consoleLabels.states).toBeGreaterThanOrEqual(12);
    expect(consoleLabels.edges).toBeGreaterThanOrEqual(12);

    await listener.getByRole('button', { name: 'Raccrocher', exact: true }).click();
    await trainer.getByText('Terminé', { exact: true }).first().waitFor();
    const debriefLink = links.trainer!.replace('/animation/', '/debrief/');
    const debrief = await open(debriefLink, PHONE);
    await graphShown(debrief);
    await reachableOnPhone(debrief, 'debrief');

    const wide = await open(debriefLink, LAPTOP);
    await graphShown(wide);
    const debriefLabels = await settled(wide, () => smallestLabels(wide));
    expect(debriefLabels.edgeLabels).toBeGreaterThan(0);
    expect(debriefLabels.states).toBeGreaterThanOrEqual(12);
    expect(debriefLabels.edges).toBeGreaterThanOrEqual(12);
  }, 240_000);
});
