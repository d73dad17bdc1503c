// « Tester l'appel » as a trainer writing a first call meets it: the tutorial call (a built-in,
// read only, opened in the studio) played to an ending with the keyboard alone, at 1366×768 and
// 390×844. Its clock is the consoles' (no call time while the phone rings, 0:00 at the pickup,
// « Avancer de 10 s » only once picked up); the pick-up takes the focus to the answers, as the
// listener's console does;
// what the caller just said stays in sight in the transcript's box (a scrolling panel round it
// left the newest lines below its fold) and is said by its live region; the move that ends the
// call leaves the focus on how it ended, « Recommencer » and « Fermer le test » just before it;
// closing gives the focus back to « Tester l'appel » (it fell to the page's top).
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { settledFocus } from '../support/browser.js';
import { libraryLineWording, spokenPattern } from '../support/line-wording.js';
import { studioRigForSuite } from '../support/studio-rig.js';

/** `tag: its text`, as `settledFocus` reads the focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return `${active.tagName.toLowerCase()}: ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  });

/** Presses Tab (Shift+Tab with `back`) until the focus matches `target`, and says how many. */
async function tabTo(page: Page, target: RegExp, back = false): Promise<number> {
  for (let presses = 0; presses <= 40; presses += 1) {
    if (target.test(await focused(page))) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached with the keyboard (focus on ${await focused(page)})`);
}

/** Tabs to the button named `name` and presses Enter on it. */
async function press(page: Page, name: string, back = false): Promise<void> {
  await tabTo(page, new RegExp(`^button: ${name}`), back);
  await page.keyboard.press('Enter');
}

/**
 * The transcript's last entry (`entry`: of that kind, `.entry--caller`), and whether it is wholly
 * inside the transcript's scroll box and panel, as drawn.
 */
async function lastEntryInSight(page: Page, entry = ''): Promise<{ inSight: boolean; text: string }> {
  return page.locator('.test-play .transcript').evaluate((panel, kind) => {
    const box = panel.querySelector('.transcript__scroll')!.getBoundingClientRect();
    const frame = panel.getBoundingClientRect();
    const last = Array.from(panel.querySelectorAll(`.transcript__list > li${kind}`)).at(-1);
    if (!last) return { inSight: false, text: '' };
    const r = last.getBoundingClientRect();
    const inside = (outer: DOMRect) => r.top >= outer.top - 1 && r.bottom <= outer.bottom + 1;
    return { inSight: inside(box) && inside(frame), text: (last.textContent ?? '').replace(/\s+/g, ' ') };
  }, entry);
}

const status = (page: Page) => page.locator('.test-play__status').innerText();

describe("the studio's test-play, keyboard alone", () => {
  const rig = studioRigForSuite();

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: the tutorial call from the ringing to an ending, then again, then closed`, async () => {
      const page = await rig.pageAs(rig.author);
      await page.setViewportSize(viewport);
      await page.goto(`${rig.server.url}/bibliotheque/appel-entrainement`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.studio__graph .react-flow__node').first().waitFor();

      await press(page, "Tester l'appel");
      expect(await settledFocus(page, /^h2: Test de l'appel$/)).toBe("h2: Test de l'appel");
      // Its parts one level under its h2, the trainer's side's own under that side's h3.
      const outline = await page
        .locator('.test-play')
        .evaluate((panel) =>
          Array.from(panel.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(
            (heading) => `${heading.tagName.toLowerCase()}: ${heading.textContent}`,
          ),
        );
      expect(outline).toEqual([
        "h2: Test de l'appel",
        'h3: Transcription',
        "h3: Actions de l'écoutant·e",
        'h3: Côté formateur·rice',
        'h4: Variables cachées',
        'h4: Événements du scénario',
      ]);

      // While the phone rings: as on the consoles, no call time; nothing runs before the pickup,
      // so the clock's button waits for it.
      expect(await status(page)).toBe('Le téléphone sonne.');
      expect(await page.getByRole('button', { name: 'Avancer de 10 s' }).isDisabled()).toBe(true);
      await press(page, 'Décrocher');
      // The listener's turn: the focus on the answers, as on the listener's console (547c471).
      expect(await settledFocus(page, /^h3: Actions de l'écoutant·e$/)).toBe("h3: Actions de l'écoutant·e");
      // The call time from the pickup on.
      expect(await status(page)).toMatch(/^Temps de l'appel\s?:\s0:00 — En ligne\.$/);
      // The clock's button sits above the transcript and the answers: a few steps back.
      await press(page, 'Avancer de 10 s', true);
      await page.locator('.test-play__status', { hasText: '0:10' }).waitFor();

      // Each move and the caller's answer to it (the tutorial's lines, the last one said).
      // A line a move may say twice has other wordings, in an order the test's seed draws: any of them.
      const line = (id: string) => libraryLineWording('appel-entrainement', id);
      const steps: [move: string, answer: RegExp][] = [
        ['Se présenter', new RegExp(spokenPattern('Ma mutuelle me demande une attestation.'))],
        ['Question ouverte', line('details')],
        ['Reformuler', line('oui_cest_ca')],
        ['Dire ce que je peux faire', line('role_explique')],
        [
          'Guider pas à pas',
          new RegExp(spokenPattern("Bon. J'ai la tablette devant moi. Qu'est-ce que je fais ?")),
        ],
        ['Guider pas à pas', line('etape_suivante')],
      ];
      const announcer = page.locator('.test-play .transcript__announcer');
      for (const [move, answer] of steps) {
        await press(page, move);
        // What the caller just said: said by the transcript's live region, and in sight in its box.
        await announcer.getByText(answer).last().waitFor();
        expect({ move, ...(await lastEntryInSight(page, '.entry--caller')) }).toEqual({
          move,
          inSight: true,
          text: expect.stringMatching(answer),
        });
      }

      // The move that ends the call: the focus on how it ended, not on the emptied moves' heading.
      await press(page, 'Guider pas à pas');
      const ended = /^p: Temps de l'appel\s?:\s0:10 — Appel terminé — Monique s'est connectée/;
      expect(await settledFocus(page, ended)).toMatch(ended);
      // The ending, last in the transcript, in sight there too.
      expect(await lastEntryInSight(page)).toEqual({
        inSight: true,
        text: expect.stringMatching(/Fin de l'appel/),
      });

      // Start again: two steps back, then close: the focus back on the button that opened it.
      expect(await tabTo(page, /^button: Recommencer avec le texte actuel$/, true)).toBe(2);
      await page.keyboard.press('Enter');
      await page.locator('.test-play__status', { hasText: 'sonne' }).waitFor();
      await press(page, 'Fermer le test');
      expect(await settledFocus(page, /^button: Tester l'appel$/)).toBe("button: Tester l'appel");
      expect(await page.locator('.test-play').count()).toBe(0);
      await page.close();
    }, 120_000);
  }
});
