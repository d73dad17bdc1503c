// The live consoles (listener, trainer, caller actor, observer) checked by hand-like means in a
// real Chromium through the built server (issue 19): reflow at 320 CSS px, the sticky status bar
// at 400 % zoom and never over the focused control, focus never on <body> after the actions that
// disable or remove the focused control, single keys only in the answer area, accessible names
// that contain the visible label, live regions that say what matters once, and the smaller
// points (a pause button that is a label swap, aria-label only on elements with a role).
// Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): nothing races the scenario's timers.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.js';
import { axeViolations, joinSession, seriousAxeViolations } from '../support/role-pages.js';
import { settledFocus } from '../support/browser.js';
import { signedInTrainer } from '../support/accounts.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';

type Viewport = { width: number; height: number };
const LAPTOP: Viewport = { width: 1366, height: 768 };

/** Counts what the page's live regions would say: nodes with text added, text changed. */
function countAnnouncements(): void {
  const said: string[] = [];
  const live = (node: Node | null): boolean => {
    const element = node instanceof Element ? node : node?.parentElement;
    const region = element?.closest('[aria-live], [role="log"], [role="status"], [role="alert"]');
    if (!region) return false;
    const mode = region.getAttribute('aria-live');
    return mode !== 'off';
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (live(record.target) && record.target.textContent?.trim())
          said.push(record.target.textContent.trim());
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        const text = node.textContent?.trim();
        if (text && live(node)) said.push(text);
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  (window as unknown as { said: string[] }).said = said;
}

const announcements = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...(window as unknown as { said: string[] }).said]);

describe('the live consoles by hand (RGAA / WCAG 2.2 AA)', () => {
  const suite = browserSuite(MANUAL_CLOCK);

  async function createSession(
    options: { callerActor?: boolean; hintMode?: 'free_speech'; askTrainer?: boolean } = {},
  ): Promise<Record<string, string>> {
    const created = await fetch(`${suite.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(suite.server)) },
      body: JSON.stringify({ scenarioId: 'appel-entrainement', ...options }),
    });
    expect(created.status).toBe(201);
    return ((await created.json()) as { links: Record<string, string> }).links;
  }

  async function open(
    link: string,
    viewport: Viewport,
    name: string,
    device: { hasTouch?: boolean; isMobile?: boolean } = {},
  ): Promise<Page> {
    const context = await suite.context({ locale: 'fr-FR', viewport, ...device });
    const page = await context.newPage();
    await page.addInitScript(countAnnouncements);
    await page.goto(`${suite.server.url}${link}`);
    await joinSession(page, name);
    return page;
  }

  /** A call under way: picked up, the listener introduced themself (the caller answered). */
  async function inCall(listener: Page): Promise<void> {
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await listener.getByRole('log').getByText('Allô').first().waitFor();
  }

  const horizontalOverflow = (page: Page) =>
    page.evaluate(() => {
      const root = document.documentElement;
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
    });

  const focused = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return 'body';
      return `${active.tagName.toLowerCase()}: ${(active.textContent ?? '').trim().slice(0, 40)}`;
    });

  /** The focus ring as drawn on the focused element: its outline's style and width. */
  const focusRing = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return 'body';
      const { outlineStyle, outlineWidth } = getComputedStyle(active);
      return outlineStyle === 'none' ? 'none' : `${outlineStyle} ${outlineWidth}`;
    });

  /** How many Tabs from the focus as it is to the first element that matches `selector` (at most 30). */
  const tabsTo = async (page: Page, selector: string): Promise<number> => {
    for (let tabs = 1; tabs <= 30; tabs++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return tabs;
    }
    return Infinity;
  };

  it('1. reflows at 320 CSS px: no horizontal scrolling on any console, mid-call', async () => {
    const links = await createSession({ callerActor: true });
    const narrow = { width: 320, height: 640 };
    const listener = await open(links.listener!, narrow, 'Camille');
    const trainer = await open(links.trainer!, narrow, 'Dominique');
    const actor = await open(links.callerActor!, narrow, 'Sacha');
    const observer = await open(links.observer!, narrow, 'Lou');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await actor.getByRole('button', { name: 'Dire cette réplique', exact: true }).first().waitFor();
    await actor.getByRole('button', { name: 'Dire cette réplique', exact: true }).first().click();
    await listener.getByRole('log').getByText('Allô').first().waitFor();
    for (const [role, page] of [
      ['listener', listener],
      ['trainer', trainer],
      ['callerActor', actor],
      ['observer', observer],
    ] as const) {
      const { scrollWidth, clientWidth, wide } = await horizontalOverflow(page);
      // What sticks out, named when the page scrolls sideways (clipped inside a panel is fine).
      const overflowing = scrollWidth > clientWidth ? wide : [];
      expect({ role, scrollWidth, overflowing }).toEqual({ role, scrollWidth: clientWidth, overflowing: [] });
    }
  }, 180_000);

  it('1b. on a phone (390×844) the shortcuts and « Changer les touches des actions » are reachable by keyboard in « Répondre »; the bottom bar never cuts a word (390 and 320)', async () => {
    const links = await createSession();
    const listener = await open(links.listener!, { width: 390, height: 844 }, 'Camille');
    const remap = listener.getByText('Changer les touches des actions', { exact: true });
    // Each label of the bottom bar on one line: a word cut in two spans two line boxes.
    const lines = () =>
      listener.evaluate(() =>
        Array.from(document.querySelectorAll('.phone-view-switch__button')).map((button) => {
          const range = document.createRange();
          range.selectNodeContents(button);
          const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
          return `${button.textContent}: ${tops.size}`;
        }),
      );
    // The console comes after the join (its chunk, then the session's first sync): its bar first.
    await listener.locator('.phone-view-switch__button').nth(2).waitFor();
    expect(await lines()).toEqual(['Conversation: 1', 'Répondre: 1', 'Notes: 1']);
    await listener.setViewportSize({ width: 320, height: 640 });
    expect(await lines()).toEqual(['Conversation: 1', 'Répondre: 1', 'Notes: 1']);
    await listener.setViewportSize({ width: 390, height: 844 });
    expect(await remap.isVisible()).toBe(false);
    // Keyboard only: « Répondre », the shortcuts' fold, the remap's disclosure, the first « Changer ».
    await listener.getByRole('button', { name: 'Répondre', exact: true }).focus();
    await listener.keyboard.press('Enter');
    await listener.getByRole('heading', { name: 'Raccourcis clavier' }).waitFor();
    // Folded under its heading on a phone: opened from it by keyboard.
    const fold = listener.locator('details.shortcuts__fold');
    expect(await fold.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await fold.locator('> summary').focus();
    await listener.keyboard.press('Enter');
    expect(await fold.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await remap.focus();
    await listener.keyboard.press('Enter');
    const change = listener.getByRole('button', { name: /^Changer la touche de «\s?Action proposée 1\s?»$/ });
    await change.focus();
    await change.scrollIntoViewIfNeeded();
    expect(await change.isVisible()).toBe(true);
    expect(await focused(listener)).toMatch(/^button: Changer/);
    const { scrollWidth, clientWidth } = await horizontalOverflow(listener);
    expect(scrollWidth).toBe(clientWidth);
  }, 120_000);

  it('1c. the keys beside the buttons (« Alt+C »…) are hidden on a touch phone (390×844) and shown on a laptop with a mouse (1366×768)', async () => {
    /** The keys shown beside the page's controls that take room on screen. */
    const shownBadges = (page: Page) =>
      page
        .locator('.kbd--badge')
        .evaluateAll((badges) =>
          badges.filter((badge) => badge.getClientRects().length > 0).map((badge) => badge.textContent),
        );
    const phone = await open((await createSession()).listener!, { width: 390, height: 844 }, 'Camille', {
      hasTouch: true,
      isMobile: true,
    });
    const pickup = (page: Page) => page.getByRole('button', { name: 'Décrocher', exact: true });
    await pickup(phone).waitFor();
    // The badge is there (a keyboard may still be plugged in: the help lists the keys), not shown.
    expect(await pickup(phone).locator('.kbd--badge').count()).toBe(1);
    expect(await pickup(phone).locator('.kbd--badge').isVisible()).toBe(false);
    expect(await shownBadges(phone)).toEqual([]);
    const laptop = await open((await createSession()).listener!, LAPTOP, 'Camille');
    await pickup(laptop).waitFor();
    expect(await pickup(laptop).locator('.kbd--badge').isVisible()).toBe(true);
    expect(await shownBadges(laptop)).toEqual(expect.arrayContaining(['Alt+C', 'Alt+V', 'Alt+M']));
  }, 120_000);

  it('2. the status bar shrinks at 400 % zoom (320×256) and never hides the focused control going backwards', async () => {
    const links = await createSession();
    const small = await open(links.listener!, { width: 320, height: 256 }, 'Camille');
    await inCall(small);
    const bar = await small.locator('.call-status-bar').evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      sticky: getComputedStyle(element).position === 'sticky',
    }));
    // Sticky, it takes at most a fifth of the height (it took 118 px of 256).
    expect(bar.sticky ? bar.height / 256 : 0).toBeLessThanOrEqual(0.2);

    // The same listener link on a laptop now: the small page leaves first (one seat per link).
    await small.context().close();
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await listener.getByRole('log').getByText('Allô').first().waitFor();
    for (const page of [listener, trainer]) {
      // From the end of the page, Shift+Tab back to the top: the bar never covers the focus.
      await page.locator('body').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const hidden: string[] = [];
      let steps = 0;
      await page.keyboard.press('Shift+Tab');
      while (steps++ < 200) {
        const state = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          const statusBar = document.querySelector('.call-status-bar');
          if (!active || active === document.body || !statusBar) return { done: true, covered: null };
          if (statusBar.contains(active) || active.closest('header')) return { done: false, covered: null };
          const box = active.getBoundingClientRect();
          const barBox = statusBar.getBoundingClientRect();
          const covered = box.top < barBox.bottom - 1 && box.bottom > barBox.top;
          const name = `${active.tagName.toLowerCase()} « ${(active.textContent ?? '').trim().slice(0, 30)} »`;
          return { done: false, covered: covered ? name : null };
        });
        if (state.covered) hidden.push(state.covered);
        if (state.done) break;
        const before = await focused(page);
        await page.keyboard.press('Shift+Tab');
        if ((await focused(page)) === before) break;
      }
      expect(hidden).toEqual([]);
    }
  }, 180_000);

  it('3. focus never drops to <body>: after the join form, a pause disabling the focused move, the resume, « B »', async () => {
    const links = await createSession();
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    // After « Rejoindre la séance » the page's title has focus.
    expect(await focused(trainer)).toMatch(/^h1/);
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    expect(await focused(listener)).toMatch(/^h1/);
    await inCall(listener);

    // The listener's focus is on a move when the trainer pauses: it must not fall to the page.
    const move = listener.locator('.moves button:enabled').first();
    await move.focus();
    await trainer.getByRole('button', { name: 'Suspendre la séance', exact: true }).click();
    await listener.locator('.moves button:disabled').first().waitFor();
    const rescued = await focused(listener);
    expect(rescued).not.toBe('body');
    await trainer.getByRole('button', { name: 'Reprendre la séance', exact: true }).click();
    await listener.locator('.moves button:enabled').first().waitFor();
    await listener.waitForTimeout(100);
    // Resumed: focus is back on the move (it had not moved meanwhile), and Tab goes on from there.
    expect({ rescued, resumed: await focused(listener) }).toMatchObject({
      resumed: expect.stringMatching(/^button/),
    });
    await listener.keyboard.press('Tab');
    expect(await focused(listener)).not.toBe('body');

    // « B » from the trainer's controls, a comment, Enter: focus back where it was.
    await trainer.getByRole('button', { name: 'Suspendre la séance', exact: true }).focus();
    await trainer.keyboard.press('b');
    await trainer.getByRole('textbox', { name: 'Commentaire du repère (facultatif)' }).fill('Belle écoute');
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('region', { name: 'Repères' }).getByText('Belle écoute').waitFor();
    expect(await focused(trainer)).toMatch(/^button: Suspendre la séance/);
    await trainer.keyboard.press('Tab');
    expect(await focused(trainer)).not.toBe('body');
  }, 180_000);

  it('4. a single key acts only in the answer area: focus on « Mettre en attente », 1 records nothing', async () => {
    const links = await createSession();
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await inCall(listener);
    const moves = () => listener.getByRole('log').locator('.entry--listener').count();
    const before = await moves();
    await listener.getByRole('button', { name: /Mettre en attente/ }).focus();
    await listener.keyboard.press('1');
    await listener.waitForTimeout(500);
    expect(await moves()).toBe(before);
    // In the answer area the same key plays the first move.
    await listener.locator('.moves button:enabled').first().focus();
    await listener.keyboard.press('1');
    await listener.waitForFunction(
      (n) => document.querySelectorAll('[role="log"] .entry--listener').length > n,
      before,
    );
  }, 120_000);

  it('4b. the moves’ keys are remapped from the keyboard: K plays the first move, 1 no longer does', async () => {
    const links = await createSession();
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await inCall(listener);
    const summary = listener.getByText('Changer les touches des actions', { exact: true });
    await summary.focus();
    await listener.keyboard.press('Enter');
    const change = listener.getByRole('button', { name: /^Changer la touche de «\s?Action proposée 1\s?»$/ });
    await change.focus();
    await listener.keyboard.press('Enter');
    await listener
      .getByRole('status')
      .filter({ hasText: /Appuyez sur la nouvelle touche/ })
      .waitFor();
    await listener.keyboard.press('k');
    await listener
      .getByRole('status')
      .filter({ hasText: /touche K\./ })
      .waitFor();
    const moves = () => listener.getByRole('log').locator('.entry--listener').count();
    const before = await moves();
    // The first move now says K; in the answer area K plays it, 1 does nothing.
    const first = listener.locator('.moves button:enabled').first();
    expect(await first.getAttribute('aria-keyshortcuts')).toBe('K');
    await first.focus();
    await listener.keyboard.press('1');
    await listener.waitForTimeout(500);
    expect(await moves()).toBe(before);
    await first.focus();
    await listener.keyboard.press('k');
    await listener.waitForFunction(
      (n) => document.querySelectorAll('[role="log"] .entry--listener').length > n,
      before,
    );
    // Stored for this browser: a reload keeps K.
    await listener.reload();
    await listener.locator('.moves button:enabled').first().waitFor();
    expect(await listener.locator('.moves button:enabled').first().getAttribute('aria-keyshortcuts')).toBe(
      'K',
    );
    // The panel open: no axe violation, and it reflows at 320 px.
    await listener.getByText('Changer les touches des actions', { exact: true }).click();
    expect(await axeViolations(listener)).toEqual([]);
    await listener.setViewportSize({ width: 320, height: 640 });
    const { scrollWidth, clientWidth } = await horizontalOverflow(listener);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }, 120_000);

  it('5. 6. the caller actor’s buttons carry their visible label; each line is announced once', async () => {
    const links = await createSession({ callerActor: true });
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    const actor = await open(links.callerActor!, LAPTOP, 'Sacha');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    const say = actor.getByRole('button', { name: 'Dire cette réplique', exact: true }).first();
    await say.waitFor();
    const line = (await actor.locator('.suggestion__text').first().textContent())!.trim();
    expect((await seriousAxeViolations(actor)).filter((v) => v.id === 'label-content-name-mismatch')).toEqual(
      [],
    );
    await say.click();
    await listener.getByRole('log').getByText(line.slice(0, 20)).first().waitFor();
    await actor.waitForTimeout(300);
    const onActor = (await announcements(actor)).filter((text) => text.includes(line.slice(0, 20)));
    expect(onActor).toHaveLength(1);
  }, 120_000);

  it('6. the trainer’s log announces a move and its line, not the variables; pause is said once; regions exist before content', async () => {
    const links = await createSession();
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    // Status and alert regions are in the accessibility tree before they say anything.
    for (const page of [trainer, listener]) {
      const hiddenRegions = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[role="status"], [role="alert"]'))
          .filter((element) => getComputedStyle(element).display === 'none')
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(hiddenRegions).toEqual([]);
    }
    await inCall(listener);
    await trainer.getByRole('log').getByText('Allô').first().waitFor();
    await trainer.waitForTimeout(300);
    const before = (await announcements(trainer)).length;
    await listener.getByRole('button', { name: /Se présenter/ }).click();
    await trainer
      .getByRole('log')
      .getByText(/soulag|merci|ouf/i)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await trainer.waitForTimeout(500);
    const oneMove = (await announcements(trainer)).slice(before);
    // The move and the caller's lines (her answer, then what she explains on entering the next
    // state): no variable and no state (a move gave 6 announcements before).
    expect(oneMove.length).toBeGreaterThanOrEqual(2);
    expect(oneMove.length).toBeLessThanOrEqual(3);
    expect(oneMove.filter((text) => /Détresse|Confiance|État/.test(text))).toEqual([]);

    const listenerBefore = (await announcements(listener)).length;
    await trainer.getByRole('button', { name: 'Suspendre la séance', exact: true }).click();
    await listener.getByText('Séance suspendue par le ou la formateur·rice').waitFor();
    await listener.waitForTimeout(300);
    const pause = (await announcements(listener))
      .slice(listenerBefore)
      .filter((text) => /suspendu/i.test(text));
    expect(pause).toHaveLength(1);
  }, 120_000);

  it('11. the pause button is a label swap (no aria-pressed); aria-label only on elements with a role', async () => {
    const links = await createSession({ callerActor: true });
    const pages = [
      await open(links.trainer!, LAPTOP, 'Dominique'),
      await open(links.listener!, LAPTOP, 'Camille'),
      await open(links.callerActor!, LAPTOP, 'Sacha'),
      await open(links.observer!, LAPTOP, 'Lou'),
    ];
    const pause = pages[0]!.getByRole('button', { name: 'Suspendre la séance', exact: true });
    expect(await pause.getAttribute('aria-pressed')).toBeNull();
    // The state graph is drawn (its zoom panel, a named group) before the check, so it covers it.
    await pages[0]!.getByRole('group', { name: 'Zoom du graphe', exact: true }).waitFor();
    for (const page of pages) {
      const roleless = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[aria-label], [aria-labelledby]'))
          .filter((element) => element.matches('div:not([role]), span:not([role]), p:not([role])'))
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(roleless).toEqual([]);
    }
  }, 120_000);

  it('8. the live curves: a direct label at the end of each line, the table in call time; forced colours and deuteranopia keep them apart', async () => {
    const links = await createSession();
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    // The phone rings 20 s; 25 s after the pickup her silence timer (20 s) raised the distress.
    await advanceClock(suite.server.url, 20_000);
    await inCall(listener);
    await advanceClock(suite.server.url, 25_000);
    await trainer
      .locator('.variable__value', { hasText: /^5 sur 10/ })
      .first()
      .waitFor();
    await trainer.getByRole('tab', { name: 'Courbes', exact: true }).click();
    const names = trainer.locator('.variable-curves__label');
    await names.nth(1).waitFor();

    const read = () =>
      trainer.evaluate(() => {
        const over = document.querySelector('.variable-curves .u-over')!.getBoundingClientRect();
        const figure = document.querySelector('.variable-curves')!.getBoundingClientRect();
        const labels = Array.from(document.querySelectorAll<HTMLElement>('.variable-curves__label')).map(
          (label) => {
            const box = label.getBoundingClientRect();
            return {
              text: label.textContent ?? '',
              colour: getComputedStyle(label).color,
              left: box.left,
              right: box.right,
              top: box.top,
              bottom: box.bottom,
            };
          },
        );
        const legend = Array.from(document.querySelectorAll('.variable-curves__legend li')).map((item) => ({
          // The name (its range, beside it in the legend, is not repeated at the line's end).
          text: item.querySelector('.series-name')?.textContent?.trim() ?? '',
          range: item.querySelector('.series-range')?.textContent?.trim() ?? '',
          colour: getComputedStyle(item.querySelector('.series-key')!).color,
        }));
        // The canvas's pixels: how many are coloured (a channel spread over 60), how many inked.
        const canvas = document.querySelector<HTMLCanvasElement>('.variable-curves canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let coloured = 0;
        let inked = 0;
        for (let p = 0; p < data.length; p += 4) {
          if (data[p + 3]! < 200) continue;
          inked += 1;
          const rgb = [data[p]!, data[p + 1]!, data[p + 2]!];
          if (Math.max(...rgb) - Math.min(...rgb) > 60) coloured += 1;
        }
        return {
          overRight: over.right,
          figureRight: figure.right,
          labels,
          legend,
          coloured,
          inked,
          text: getComputedStyle(document.body).color,
        };
      });

    const normal = await read();
    // One name per series, the legend's own words, in its series' colour.
    expect(normal.labels.map((label) => label.text)).toEqual(normal.legend.map((item) => item.text));
    expect(normal.labels.map((label) => label.colour)).toEqual(normal.legend.map((item) => item.colour));
    // Each variable's declared range in the legend (the curves are drawn on it).
    expect(normal.legend.every((item) => /^\(-?[\d.]+–-?[\d.]+\)$/.test(item.range))).toBe(true);
    for (const label of normal.labels) {
      // At the end of the lines (past the plot's right edge), inside the figure.
      expect(label.left).toBeGreaterThanOrEqual(normal.overRight);
      expect(label.right).toBeLessThanOrEqual(normal.figureRight + 1);
    }
    // Two lines ending at one height: their names do not overlap.
    for (let i = 0; i < normal.labels.length; i += 1)
      for (let j = i + 1; j < normal.labels.length; j += 1) {
        const [a, b] = [normal.labels[i]!, normal.labels[j]!];
        expect(a.bottom <= b.top + 1 || b.bottom <= a.top + 1).toBe(true);
      }
    expect(normal.coloured).toBeGreaterThan(0);

    // The data table reads call time: the distress rose 20 s after the pickup (session time 0:40).
    await trainer.getByText('Les variables en tableau').click();
    const times = await trainer
      .locator('.curves-table tbody th')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(times).toContain('0:20');
    expect(times).not.toContain('0:40');

    // Forced colours: the canvas is drawn again in the text's one colour, names in it too.
    await trainer.emulateMedia({ forcedColors: 'active' });
    await trainer.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.variable-curves canvas');
      if (!canvas) return false;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let p = 0; p < data.length; p += 4)
        if (
          data[p + 3]! >= 200 &&
          Math.max(data[p]!, data[p + 1]!, data[p + 2]!) - Math.min(data[p]!, data[p + 1]!, data[p + 2]!) > 60
        )
          return false;
      return true;
    });
    const forced = await read();
    expect(forced.coloured).toBe(0);
    expect(forced.inked).toBeGreaterThan(100);
    expect(forced.labels.map((label) => label.text)).toEqual(normal.labels.map((label) => label.text));
    expect(new Set(forced.labels.map((label) => label.colour))).toEqual(new Set([forced.text]));
    await trainer.emulateMedia({ forcedColors: 'none' });

    // Simulated deuteranopia: the legend's keys still differ in shape (their dashes), pixel by pixel.
    const keys = trainer.locator('.variable-curves__legend .series-key');
    const cdp = await trainer.context().newCDPSession(trainer);
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
    try {
      const shots: string[] = [];
      for (let i = 0; i < (await keys.count()); i += 1)
        shots.push((await keys.nth(i).screenshot()).toString('base64'));
      const inks = await trainer.evaluate(async (pngs) => {
        const inkOf = async (png: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(image, 0, 0);
          const { data } = ctx.getImageData(0, 0, image.width, image.height);
          const ink: boolean[] = [];
          for (let p = 0; p < data.length; p += 4)
            ink.push([0, 1, 2].some((c) => Math.abs(data[p + c]! - data[c]!) > 60));
          return ink;
        };
        return Promise.all(pngs.map(inkOf));
      }, shots);
      expect(inks.length).toBeGreaterThan(1);
      for (let i = 0; i < inks.length; i += 1)
        for (let j = i + 1; j < inks.length; j += 1) {
          const differ = inks[i]!.filter((on, p) => on !== inks[j]![p]).length;
          expect({ keys: [i, j], differ: differ >= 4 }).toEqual({ keys: [i, j], differ: true });
        }
    } finally {
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
      await cdp.detach();
    }
  }, 180_000);

  it('12. the state graph shows the active state with its neighbours, its labels clear of the states, after a resize and at the end (1366×768, 390×844)', async () => {
    const links = await createSession();
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await inCall(listener);
    // Into « Elle explique son problème », a group: its ways out labelled beside its title.
    await listener.getByRole('button', { name: /^Se présenter/ }).click();
    await trainer.getByRole('group', { name: 'Zoom du graphe', exact: true }).waitFor();
    await trainer
      .locator('.state-graph .state-node--active.state-node--leaf', { hasText: 'En ligne' })
      .waitFor();
    // What the drawing shows, on screen: the active (leaf) states and the path inside the pane
    // (8 px in), the states one transition away (the ends of the labelled edges) in it, and
    // no edge label over a state or a group's title.
    const look = () =>
      trainer.evaluate(() => {
        // The drawing's box on screen (the drawing scrolls inside it).
        const pane = document.querySelector('.state-graph .state-graph__scroll')!.getBoundingClientRect();
        const inside = (r: DOMRect) =>
          r.left >= pane.left + 8 &&
          r.right <= pane.right - 8 &&
          r.top >= pane.top + 8 &&
          r.bottom <= pane.bottom - 8;
        const boxes = (selector: string) =>
          Array.from(document.querySelectorAll(`.state-graph ${selector}`), (e) => e.getBoundingClientRect());
        const crosses = (a: DOMRect, b: DOMRect) =>
          a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        const active = boxes('.state-node--active.state-node--leaf');
        const labels = boxes('.react-flow__edge-textwrapper');
        const states = [...boxes('.state-node--leaf'), ...boxes('.state-node--group > .state-node__label')];
        const path = boxes('.state-node--visited.state-node--leaf');
        const activeGroupTitles = boxes('.state-node--active.state-node--group > .state-node__label');
        // The states the labelled edges out of the active (leaf) states lead to: one transition away.
        const nodes = Array.from(document.querySelectorAll('.state-graph .react-flow__node'));
        const from = Array.from(
          document.querySelectorAll('.state-graph .state-node--active .state-node__label'),
          (node) => node.textContent?.trim() ?? '',
        );
        const next = Array.from(document.querySelectorAll('.state-graph .react-flow__edge'))
          .filter((edge) => edge.querySelector('.react-flow__edge-textwrapper'))
          .map((edge) =>
            /^Transition de «\s*(.*?)\s*» vers «\s*(.*?)\s*»/.exec(edge.getAttribute('aria-label') ?? ''),
          )
          .filter((names) => names && from.includes(names[1]!))
          .map((names) => names![2])
          .map((to) => nodes.find((node) => node.getAttribute('aria-label')?.startsWith(`${to}`)))
          .map((node) => node?.getBoundingClientRect());
        // xyflow shows a node, and draws its edges, once it has measured it.
        const measured = nodes.every((node) => getComputedStyle(node).visibility !== 'hidden');
        return {
          measured,
          next: next.length,
          nextShown: next.filter((box) => box && inside(box)).length,
          nextSeen: next.filter((box) => box && box.top < pane.bottom && box.bottom > pane.top).length,
          active: active.length > 0 && active.every(inside),
          // The title of the group the active state is in, read whole (not cut at the view's edge).
          groupTitle: activeGroupTitles.length > 0 && activeGroupTitles.every(inside),
          labels: labels.length,
          labelsShown: labels.filter(inside).length,
          covered: labels.filter((label) => states.some((state) => crosses(label, state))).length,
          path: path.every(inside),
        };
      });
    const settled = async () => {
      // The view is set once the drawing is laid out and every node measured: wait for that, then
      // for the same look three times in a row (a busy machine lays out and fits slowly: two
      // looks 150 ms apart once caught a drawing between two layouts, one label of four).
      let last = '';
      let same = 0;
      for (let i = 0; i < 80; i += 1) {
        const seen = await look();
        const now = JSON.stringify(seen);
        same = seen.measured && now === last ? same + 1 : 0;
        if (same === 2) return seen;
        last = now;
        await trainer.waitForTimeout(200);
      }
      return JSON.parse(last) as Awaited<ReturnType<typeof look>>;
    };
    const laptop = await settled();
    expect(laptop.active).toBe(true);
    // The ways out of « En ligne » and of its group are labelled, no label over a state; states
    // one transition away in view with it, as many as fit at a readable zoom (the pane is 417 px
    // high here: « Guidage pas à pas » below the group; fitted on « En ligne » alone, none was).
    expect(laptop.groupTitle).toBe(true);
    expect(laptop.labels).toBe(4);
    expect(laptop.covered).toBe(0);
    expect(laptop.next).toBe(4);
    expect(laptop.nextShown).toBeGreaterThanOrEqual(2);
    // Wider, the same drawing (not drawn again): the view follows the new size.
    await trainer.evaluate(() => {
      (document.querySelector('.state-graph .react-flow') as HTMLElement).dataset.before = 'resize';
    });
    await trainer.setViewportSize({ width: 1920, height: 1080 });
    const wide = await settled();
    expect(wide.active).toBe(true);
    expect(await trainer.locator('.state-graph .react-flow[data-before="resize"]').count()).toBe(1);
    // Narrower (a phone held upright: the views in tabs): the active state in view, not at its edge.
    await trainer.setViewportSize({ width: 390, height: 844 });
    await trainer.getByRole('tab', { name: 'Graphe', exact: true }).click();
    const phone = await settled();
    expect(phone.active).toBe(true);
    expect(phone.groupTitle).toBe(true);
    expect(phone.covered).toBe(0);
    // At the end of the call, the whole path taken is in view.
    await trainer.setViewportSize(LAPTOP);
    await listener.getByRole('button', { name: 'Raccrocher', exact: true }).click();
    await trainer.getByText('Terminé', { exact: true }).first().waitFor();
    const ended = await settled();
    expect(ended.active).toBe(true);
    expect(ended.path).toBe(true);
    expect(ended.covered).toBe(0);
  }, 120_000);

  it('13. after the end the trainer’s next step is « Ouvrir le débriefing », the primary button, in view; the focus on « Issue de l’appel » after « Oui, terminer l’appel »; no ad-lib nor whisper field (1366×768, 390×844)', async () => {
    const PHONE = { width: 390, height: 844 };
    const links = await createSession();
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    const trainer = await open(links.trainer!, LAPTOP, 'Dominique');
    const phone = await open(links.trainer!, PHONE, 'Dominique');
    await inCall(listener);
    const debrief = (page: Page) => page.getByRole('link', { name: 'Ouvrir le débriefing', exact: true });
    const looks = (page: Page) =>
      debrief(page).evaluate((link) => {
        const style = getComputedStyle(link);
        return { background: style.backgroundColor, color: style.color };
      });
    // During the call the trainer's link is a secondary one, as before.
    const during = await looks(trainer);

    // The trainer ends the call by keyboard.
    await trainer.getByRole('button', { name: "Terminer l'appel", exact: true }).focus();
    await trainer.keyboard.press('Enter');
    expect(await focused(trainer)).toMatch(/^button: Oui, terminer l'appel/);
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('heading', { name: "Issue de l'appel", exact: true }).waitFor();
    await listener.getByRole('heading', { name: "Issue de l'appel", exact: true }).waitFor();
    await phone.getByRole('heading', { name: "Issue de l'appel", exact: true }).waitFor();
    await trainer.waitForTimeout(200);
    // The focus on the outcome's heading (not the projector switch after the disabled button), the
    // debrief link next.
    expect(await focused(trainer)).toBe("h2: Issue de l'appel");
    await trainer.keyboard.press('Tab');
    expect(await focused(trainer)).toBe('a: Ouvrir le débriefing');

    // The same look as the listener's « Ouvrir le débriefing » (the primary button), not as before.
    const listenerLook = await looks(listener);
    expect(await looks(trainer)).toEqual(listenerLook);
    expect(await looks(phone)).toEqual(listenerLook);
    expect(during).not.toEqual(listenerLook);

    // In view without scrolling on the phone's first screen past the phone panel, and inside its
    // column on the laptop (the columns scroll inside).
    const shown = (page: Page) =>
      debrief(page).evaluate((link) => {
        const box = link.getBoundingClientRect();
        const column = link.closest('.trainer-console__col');
        const clip =
          column && getComputedStyle(column).overflowY === 'auto' ? column.getBoundingClientRect() : null;
        const bottom = Math.min(window.innerHeight, clip?.bottom ?? Infinity);
        return box.top >= 0 && box.bottom <= bottom;
      });
    expect(await shown(trainer)).toBe(true);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone
      .getByRole('heading', { name: "Issue de l'appel", exact: true })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    expect(await shown(phone)).toBe(true);

    // No ad-lib line nor whisper offered once the call is over: a line says so instead.
    for (const page of [trainer, phone]) {
      expect(await page.getByRole('textbox', { name: "Réplique improvisée de l'appelant·e" }).count()).toBe(
        0,
      );
      expect(await page.getByRole('textbox', { name: "Message chuchoté à l'écoutant·e" }).count()).toBe(0);
      await page
        .getByText(/^Appel terminé\s: plus de réplique improvisée ni de message chuchoté\.$/)
        .waitFor();
    }
    // « Pilotage de la séance »: nothing left to pause nor end (the server refuses both once ended),
    // no button left disabled for good; the projector switch stays and still works.
    for (const page of [trainer, phone]) {
      const controls = page.getByRole('region', { name: 'Pilotage de la séance', exact: true });
      expect(await controls.getByRole('button').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Suspendre la séance', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: "Terminer l'appel", exact: true }).count()).toBe(0);
      expect(
        await controls.getByRole('switch', { name: 'Vue projection pour les observateur·rices' }).isEnabled(),
      ).toBe(true);
    }
    await trainer
      .getByRole('region', { name: 'Pilotage de la séance', exact: true })
      .getByRole('switch', { name: 'Vue projection pour les observateur·rices' })
      .click();
    // Recorded by the server after the end: both consoles show it on once its update comes back.
    for (const page of [trainer, phone])
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>('.projector-switch input[role="switch"]')?.checked ===
          true,
      );
    expect(await seriousAxeViolations(trainer)).toEqual([]);
  }, 180_000);

  it('16. the listener by keyboard alone (390×844, 1366×768): Alt+C from the title the join focused, the first move one Tab on; a turn that took the focused move keeps the focus on the moves’ heading; hold and resume keep it; Alt+R, the outcome, « Ouvrir le débriefing » one Tab on; the caller’s line once in what a screen reader reads', async () => {
    /** The focused element as its place on the console (class names, not words: the catalogue's). */
    const focusPlace = (page: Page) =>
      page.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return 'body';
        if (active.matches('.moves h2')) return 'moves heading';
        if (active.matches('.moves button')) return 'move';
        if (active.matches('#outcome-heading')) return 'outcome heading';
        if (active.matches('.role-page--listener h1')) return 'title';
        return `${active.tagName.toLowerCase()}.${active.className}`;
      });
    const settledPlace = async (page: Page, expected: string): Promise<string> => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const place = await focusPlace(page);
        if (place === expected || Date.now() > deadline) return place;
        await page.waitForTimeout(50);
      }
    };
    const entries = (page: Page) => page.locator('[role="log"] .entry').count();

    for (const viewport of [{ width: 390, height: 844 }, LAPTOP]) {
      const size = `${viewport.width}×${viewport.height}`;
      const listener = await open((await createSession()).listener!, viewport, 'Camille');
      // The join leaves the focus on the page's title; the phone rings; Alt+C picks up from there
      // (it had left the focus on the title: 7 Tabs to the first move at 390×844, 9 at 1366×768).
      expect(await focusPlace(listener)).toBe('title');
      await listener.locator('.button--pickup:enabled').waitFor();
      await listener.keyboard.press('Alt+KeyC');
      await listener.locator('[role="log"] .entry--caller').first().waitFor();
      expect({ size, focus: await settledPlace(listener, 'moves heading') }).toEqual({
        size,
        focus: 'moves heading',
      });
      // Drawn where it went: Chromium's :focus-visible does not match after Alt+C (no ring before).
      expect({ size, ring: await focusRing(listener) }).toEqual({ size, ring: 'solid 2px' });
      expect({ size, tabs: await tabsTo(listener, '.moves button:enabled') }).toEqual({ size, tabs: 1 });

      // A turn: the first move (« Se présenter ») goes once played; the focus stays on the moves'
      // heading, not on <body>, and the next move is one Tab on.
      const played = (await listener.evaluate(() => document.activeElement?.textContent)) ?? '';
      const before = await entries(listener);
      const announced = (await announcements(listener)).length;
      await listener.keyboard.press('Enter');
      await listener.waitForFunction(
        (n) => document.querySelectorAll('[role="log"] .entry--caller').length > n,
        1,
      );
      expect(await listener.locator('.moves button', { hasText: played }).count()).toBe(0);
      expect({ size, focus: await settledPlace(listener, 'moves heading') }).toEqual({
        size,
        focus: 'moves heading',
      });
      expect({ size, tabs: await tabsTo(listener, '.moves button:enabled') }).toEqual({ size, tabs: 1 });

      if (viewport.width === 390) {
        // The caller's answer: said once by the live regions; once said, it leaves the announcer and
        // a screen reader reading the page line by line meets it once, in the log (twice before).
        const line = (await listener
          .locator('[role="log"] .entry--caller .entry__text')
          .nth(1)
          .textContent())!;
        const start = line.slice(0, 12);
        expect(
          (await announcements(listener)).slice(announced).filter((text) => text.includes(start)),
        ).toHaveLength(1);
        await listener
          .waitForFunction(
            () => document.querySelector('.transcript__announcer')?.childElementCount === 0,
            null,
            {
              timeout: 20_000,
            },
          )
          .catch(() => undefined);
        const tree = await listener.locator('main').ariaSnapshot();
        expect({ start, times: tree.split(start).length - 1 }).toEqual({ start, times: 1 });
        expect(await entries(listener)).toBeGreaterThan(before);
      }

      // Hold and resume by their key: the focus stays where it was, on a move.
      await listener.keyboard.press('Alt+KeyA');
      await listener.locator('.phone--hold').waitFor({ state: 'attached' });
      expect(await focusPlace(listener)).toBe('move');
      await listener.keyboard.press('Alt+KeyA');
      await listener.locator('.phone--connected:not(.phone--hold)').waitFor({ state: 'attached' });
      expect(await focusPlace(listener)).toBe('move');

      // Hung up by its key: the outcome's heading, then « Ouvrir le débriefing » one Tab on.
      await listener.keyboard.press('Alt+KeyR');
      expect({ size, focus: await settledPlace(listener, 'outcome heading') }).toEqual({
        size,
        focus: 'outcome heading',
      });
      expect({ size, tabs: await tabsTo(listener, '.debrief-link a') }).toEqual({ size, tabs: 1 });
      expect(await listener.locator('.debrief-link a').isVisible()).toBe(true);
      await listener.context().close();
    }
  }, 180_000);

  it('16b. free speech, by keyboard on a phone (390×844): Enter on « Décrocher » puts the focus in « Ce que je dis », where it stays after the words are said', async () => {
    const listener = await open(
      (await createSession({ hintMode: 'free_speech' })).listener!,
      { width: 390, height: 844 },
      'Camille',
    );
    const pickup = listener.locator('.button--pickup:enabled');
    await pickup.focus();
    await listener.keyboard.press('Enter');
    await listener.locator('[role="log"] .entry--caller').first().waitFor();
    // The field itself (two Tabs away before: the last lines' heading had the focus, the log next).
    const say = listener.locator('.answer-area textarea');
    const inSay = () => say.evaluate((field) => document.activeElement === field);
    await listener
      .waitForFunction(() => document.activeElement?.matches('.answer-area textarea') ?? false, null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    expect(await inSay()).toBe(true);
    await listener.keyboard.type('Bonjour, je suis Camille, je vous écoute.');
    await listener.keyboard.press('Enter');
    await listener.locator('[role="log"] .entry--listener', { hasText: 'je vous écoute' }).waitFor();
    await listener.waitForFunction(
      () => document.querySelector<HTMLTextAreaElement>('.answer-area textarea')?.value === '',
    );
    expect(await inSay()).toBe(true);
    expect(await settledFocus(listener, /^textarea/)).toMatch(/^textarea/);
  }, 120_000);

  it('16c. the listener on a phone (390×844): « Décrocher » two Tabs from the title, the bottom bar after the console; a click draws no ring, Alt+R after a click does; a reload mid-call opens on the answers, one after the end on the outcome', async () => {
    const phone = { width: 390, height: 844 };
    const listener = await open((await createSession()).listener!, phone, 'Camille', {});
    const shown = () => listener.locator('[data-phone-view]').getAttribute('data-phone-view');
    const rejoined = async () => {
      await listener.reload();
      await listener.getByText('Vous : Camille.').waitFor();
    };
    // From the title the join focused: « Changer de nom », then « Décrocher » (the bar's three
    // buttons came between: five Tabs); the bar comes after the console's parts.
    await listener.locator('.button--pickup:enabled').waitFor();
    expect(await tabsTo(listener, '.button--pickup')).toBe(2);
    expect(await tabsTo(listener, '.phone-view-switch button')).toBeGreaterThan(1);

    // Picked up with a click: the moves' heading has the focus, no ring drawn.
    await inCall(listener);
    await listener.waitForFunction(() => document.activeElement?.matches('.moves h2') ?? false);
    expect(await focusRing(listener)).toBe('none');

    // Reloaded during the call: the answers, the moves in sight (the conversation, moves hidden, before).
    await rejoined();
    await listener.locator('.moves button').first().waitFor({ state: 'attached' });
    expect({ view: await shown(), moves: await listener.locator('.moves').isVisible() }).toEqual({
      view: 'answer',
      moves: true,
    });

    // A move clicked, then hung up by Alt+R: the outcome's heading has the focus and its ring.
    await listener.locator('.moves button').first().click();
    await listener.waitForFunction(() => document.querySelectorAll('[role="log"] .entry--caller').length > 1);
    await listener.keyboard.press('Alt+KeyR');
    await listener.waitForFunction(() => document.activeElement?.matches('#outcome-heading') ?? false);
    expect(await focusRing(listener)).toBe('solid 2px');

    // Reloaded once ended: the conversation, the outcome and « Ouvrir le débriefing » in it.
    await rejoined();
    await listener.locator('.debrief-link a').waitFor();
    expect({
      view: await shown(),
      outcome: await listener.locator('.outcome').isVisible(),
      debrief: await listener.locator('.debrief-link a').isVisible(),
    }).toEqual({ view: 'call', outcome: true, debrief: true });
    await listener.context().close();
  }, 120_000);

  it('16d. free speech, « Me demander de choisir », on a phone (390×844): the request for a sentence not understood is in the first screen, said once, chosen by keyboard; a trainer typing a whisper keeps the focus, the next Tab goes to the choice, and back after it', async () => {
    const PHONE = { width: 390, height: 844 };
    const links = await createSession({ hintMode: 'free_speech', askTrainer: true });
    const trainer = await open(links.trainer!, PHONE, 'Formatrice', { hasTouch: true, isMobile: true });
    const listener = await open(links.listener!, LAPTOP, 'Camille');
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await listener.locator('[role="log"] .entry--caller').first().waitFor();
    const field = listener.getByRole('textbox', { name: 'Ce que je dis' });
    const say = async (text: string): Promise<void> => {
      await field.fill(text);
      await field.press('Enter');
    };
    const request = trainer.locator('.pick-request');
    const choice = request.getByRole('combobox', { name: 'Action à appliquer' });
    const focusIsOn = (page: Page, selector: string) =>
      page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    /** The request's box, in the viewport's coordinates. */
    const inView = () =>
      request.evaluate((box) => {
        const rect = box.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      });

    // The trainer's page at its top, the focus nowhere (a tap on the page's text).
    await trainer.evaluate(() => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await say('Bof.');
    await request.getByRole('heading', { name: 'Phrase non comprise\u00a0: «\u00a0Bof.\u00a0»' }).waitFor();
    // In the first screen, no scrolling (it was 2,940 px down a 7,770 px page), its countdown shown.
    expect(await trainer.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView()).toBe(true);
    const countdown = request.getByText(
      /^Choisissez l'action\u00a0: \d+ s avant «\u00a0Pardon\u202f\?\u00a0»$/,
    );
    await countdown.waitFor();
    const seconds = async () => Number(/(\d+) s/.exec((await countdown.textContent()) ?? '')?.[1]);
    // Focus was nowhere: on the choice.
    expect(await focusIsOn(trainer, '.pick-request select')).toBe(true);
    // Said once (not each second of the countdown): read once the countdown has moved on.
    const before = await seconds();
    await advanceClock(suite.server.url, 3_000);
    await trainer.waitForFunction(
      (limit) =>
        Number(/(\d+) s/.exec(document.querySelector('.pick-request__countdown')?.textContent ?? '')?.[1]) <=
        limit,
      before - 3,
    );
    const pickSaid = (await announcements(trainer)).filter((text) => text.startsWith('Phrase non comprise'));
    expect(pickSaid).toHaveLength(1);
    // Chosen by keyboard: another move with the arrow, Tab to « Appliquer cette action », Enter.
    const first = await choice.inputValue();
    await trainer.keyboard.press('ArrowDown');
    const chosen = await choice.evaluate(
      (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '',
    );
    expect(await choice.inputValue()).not.toBe(first);
    await trainer.keyboard.press('Tab');
    expect(await focusIsOn(trainer, '.pick-request button[type="submit"]')).toBe(true);
    await trainer.keyboard.press('Enter');
    await request.waitFor({ state: 'detached' });
    await trainer
      .getByRole('region', { name: 'Interprétations' })
      .getByText(`Corrigée en\u00a0: ${chosen} (appliquée)`)
      .waitFor();

    // A trainer typing a whisper, down the page: the focus and the words stay; the request is in
    // sight all the same (it stays under the status bar); the next Tab goes to the choice.
    const whisper = trainer.getByRole('textbox', { name: "Message chuchoté à l'écoutant·e" });
    await whisper.focus();
    await trainer.keyboard.type('Reformu');
    await say('Bof.');
    await request.waitFor();
    expect(await focusIsOn(trainer, '.whisper-form textarea')).toBe(true);
    expect(await trainer.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await inView()).toBe(true);
    await trainer.keyboard.type('le.');
    expect(await whisper.inputValue()).toBe('Reformule.');
    await trainer.keyboard.press('Tab');
    expect(await focusIsOn(trainer, '.pick-request select')).toBe(true);
    // Unanswered: at its time the caller asks « Pardon ? » and the request goes; the focus goes
    // back to the whisper, its words kept.
    await advanceClock(suite.server.url, 20_000);
    await request.waitFor({ state: 'detached' });
    expect(await focusIsOn(trainer, '.whisper-form textarea')).toBe(true);
    expect(await whisper.inputValue()).toBe('Reformule.');
    expect(await seriousAxeViolations(trainer)).toEqual([]);
    await trainer.context().close();
    await listener.context().close();
  }, 120_000);

  it('14. the join page names the call (its version to the trainer only) and the role taken before asking the name (1366×768, 390×844)', async () => {
    const links = await createSession();
    // The version the library lists the call at (the home page's picker reads the same list).
    const library = (await (await fetch(`${suite.server.url}/api/scenarios`)).json()) as {
      id: string;
      title: string;
      version: number;
    }[];
    const call = library.find((scenario) => scenario.id === 'appel-entrainement')!;
    for (const viewport of [LAPTOP, { width: 390, height: 844 }]) {
      for (const [role, roleName, does] of [
        ['listener', 'Écoutant·e', "Vous répondez à l'appel."],
        ['observer', 'Observateur·rice', "Vous suivez l'appel sans y prendre part."],
      ] as const) {
        const context = await suite.context({ locale: 'fr-FR', viewport });
        const page = await context.newPage();
        await page.goto(`${suite.server.url}${links[role]!}`);
        await page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).waitFor();
        const terms = page.getByRole('term');
        await terms.first().waitFor();
        expect(await terms.allTextContents()).toEqual(['Appel', 'Votre rôle']);
        // The lines hold their place from the first render (« Chargement de l'appel… » until the
        // session's first sync names the call): wait for the sync, not for the render.
        await page.getByRole('definition').filter({ hasText: call.title }).waitFor();
        // The library's title of the call, never its id; its version is the trainer's only.
        expect(await page.getByRole('definition').allTextContents()).toEqual([
          call.title,
          `${roleName} ${does}`,
        ]);
        expect(await page.locator('main').textContent()).not.toContain('appel-entrainement');
        // The field keeps the focus (the one thing to do), nothing sticks out of a phone's width.
        expect(await focused(page)).toBe('input: ');
        const { scrollWidth, clientWidth } = await horizontalOverflow(page);
        expect(scrollWidth).toBe(clientWidth);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await context.close();
      }
    }
  }, 180_000);

  it('15. the join page keeps its form in place when the first sync names the call, the field keeping the focus and the typing (1366×768, 390×844)', async () => {
    const links = await createSession();
    for (const viewport of [LAPTOP, { width: 390, height: 844 }]) {
      const context = await suite.context({ locale: 'fr-FR', viewport });
      const page = await context.newPage();
      // The server's messages held back until the test lets them through: the page as on a slow
      // network, before its first sync.
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((message) => void released.then(() => ws.send(message)));
      });
      await page.goto(`${suite.server.url}${links.listener!}`);
      const field = page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' });
      await field.waitFor();
      const callPlace = page.getByRole('definition').first();
      expect(await callPlace.getAttribute('aria-busy')).toBe('true');
      expect(await callPlace.textContent()).toBe("Chargement de l'appel…");
      await page.keyboard.type('Cam');
      const before = (await field.boundingBox())!;
      release();
      await page.waitForFunction(() => !document.querySelector('.join__call [aria-busy]'));
      expect(await callPlace.textContent()).toBe("Appel d'entraînement");
      const after = (await field.boundingBox())!;
      expect({ viewport, y: after.y }).toEqual({ viewport, y: before.y });
      expect(await focused(page)).toBe('input: ');
      expect(await field.inputValue()).toBe('Cam');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    }
  }, 180_000);

  it('17. the live consoles as a screen reader browses them (1366×768, 390×844): each caller line once in the tree while the announcer says it, two live regions at the top, no empty named region, the keys in aria-keyshortcuts; axe clean', async () => {
    /** The live regions above the console's parts (the status bar's, the pause's, the keys'…), by role. */
    const topRegions = (page: Page) =>
      page.evaluate(() => {
        const console = document.querySelector('.role-layout, .trainer-console__grid');
        return Array.from(document.querySelectorAll('[role="status"], [role="alert"], [aria-live]'))
          .filter((region) => region.getAttribute('aria-live') !== 'off')
          .filter(
            (region) => console && region.compareDocumentPosition(console) & Node.DOCUMENT_POSITION_FOLLOWING,
          )
          .map((region) => region.getAttribute('role') ?? `live ${region.getAttribute('aria-live')}`);
      });
    /** Landmarks and named groups with nothing in them, as the aria snapshot writes them (no children: no colon). */
    const emptyNamed = (tree: string) =>
      tree
        .split('\n')
        .filter((line) =>
          /^\s*- (region|navigation|complementary|main|banner|contentinfo|form|search|group|status|alert|log) "[^"]*"\s*$/.test(
            line,
          ),
        );

    for (const viewport of [LAPTOP, { width: 390, height: 844 }]) {
      const size = `${viewport.width}×${viewport.height}`;
      const links = await createSession();
      const listener = await open(links.listener!, viewport, 'Camille');
      const trainer = await open(links.trainer!, viewport, 'Dominique');
      const observer = await open(links.observer!, viewport, 'Lou');
      const pages = [
        ['listener', listener],
        ['trainer', trainer],
        ['observer', observer],
      ] as const;
      // The pages' own clocks, driven: the announcers keep their lines (10 s of the page's time)
      // until the trees are read, however slow the machine (nothing races the real clock).
      for (const [, page] of pages) await page.context().clock.install();
      await listener.locator('.button--pickup:enabled').waitFor();
      await listener.keyboard.press('Alt+KeyC');
      await listener.locator('[role="log"] .entry--caller').first().waitFor();
      // The first move, by its key: the caller answers (a second line).
      const first = listener.locator('.moves button:enabled').first();
      const key = await first.getAttribute('aria-keyshortcuts');
      expect({ size, key }).toEqual({ size, key: '1' });
      for (const [, page] of pages)
        await page.context().clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
      await first.press(key!);
      // First the three trees, while the announcers hold the newest lines; axe's checks come after.
      const trees = [];
      for (const [role, page] of pages) {
        await page.waitForFunction(
          () => document.querySelectorAll('[role="log"] .entry--caller').length > 1,
          undefined,
          {
            polling: 100,
          },
        );
        // The announcer holds the newest lines: the moment they were in the tree twice.
        const announcing = (await page.locator('.transcript__announcer p').count()) > 0;
        trees.push({
          role,
          announcing,
          // Spaces as one (the lines' narrow no-break spaces before « ? » are plain ones in the snapshot).
          tree: (await page.locator('body').ariaSnapshot()).replace(/\s+/g, ' '),
          lines: (await page.locator('[role="log"] .entry--caller .entry__text').allTextContents()).map(
            (line) => line.replace(/\s+/g, ' ').trim().slice(0, 16),
          ),
        });
      }
      // Read: the pages' time flows again (axe's own timers, the announcers' ends).
      for (const [, page] of pages) await page.context().clock.resume();
      for (const { role, announcing, tree, lines } of trees) {
        expect({ size, role, announcing }).toEqual({ size, role, announcing: true });
        for (const start of lines) {
          expect({ size, role, start, times: tree.split(start).length - 1 }).toEqual({
            size,
            role,
            start,
            times: lines.filter((line) => line === start).length,
          });
        }
      }
      for (const [role, page] of pages) {
        expect({ size, role, regions: await topRegions(page) }).toEqual({
          size,
          role,
          regions: ['status', 'alert'],
        });
        expect({ size, role, empty: emptyNamed(await page.locator('body').ariaSnapshot()) }).toEqual({
          size,
          role,
          empty: [],
        });
        if (role === 'listener') {
          // The moves named by their label alone (the key shown beside it is hidden from the name),
          // their key given by aria-keyshortcuts, as Chromium hands it to a screen reader.
          const cdp = await listener.context().newCDPSession(listener);
          const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
            nodes: {
              role?: { value?: string };
              name?: { value?: string };
              properties?: { name: string; value: { value?: unknown } }[];
            }[];
          };
          const keyed = nodes
            .filter((node) => node.role?.value === 'button')
            .map((node) => ({
              name: node.name?.value,
              key: node.properties?.find((property) => property.name === 'keyshortcuts')?.value.value,
            }))
            .filter((button) => button.key !== undefined);
          expect({ size, keyed }).toEqual({
            size,
            // On a phone the phone's part is hidden while the answers show (its buttons out of the tree).
            keyed: expect.arrayContaining([
              { name: 'Reformuler', key: '2' },
              ...(viewport === LAPTOP ? [{ name: 'Raccrocher', key: 'Alt+R' }] : []),
            ]) as unknown,
          });
          await cdp.detach();
        }
        expect({ size, role, axe: await seriousAxeViolations(page) }).toEqual({ size, role, axe: [] });
      }
      for (const page of [listener, trainer, observer]) await page.context().close();
    }
  }, 240_000);
});
