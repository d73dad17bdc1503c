// The studio opens on the forms, in a real Chromium through the built server: a call made from the
// blank template shows the forms' first field (« Titre de l'appel ») without scrolling at 1366×768
// and at 390×844, a few Tabs from the page's title, the call's text (YAML) folded under the forms; a
// trainer who unfolds the text finds it unfolded after a reload, and folded again once folded. A
// problem's « Aller à la ligne » unfolds the text for the visit (not kept) and puts the caret on its
// line; « Corriger dans les formulaires » still leads to the field; a state picked in the graph's
// list, the text folded, is marked and chosen in « Modifier un état ».
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { settledFocus } from '../support/browser.js';
import { studioRigForSuite } from '../support/studio-rig.js';
import { CALL_TEXT } from '../support/studio-text.js';

/** A new call from the blank template, its studio open (the focus on its title, the button gone). */
async function newCall(page: Page, url: string, title: string): Promise<void> {
  await page.goto(`${url}/bibliotheque`);
  await page.getByLabel("Titre de l'appel").fill(title);
  await page.getByRole('button', { name: 'Créer à partir du modèle vierge' }).click();
  await page.getByRole('heading', { level: 1, name: `Atelier d'écriture : ${title}` }).waitFor();
  await page.getByText('0 erreur, 3 avertissements').waitFor();
}

/** Whether the call's text is shown: its editor visible, its fold open. */
async function textShown(page: Page): Promise<{ open: boolean; editor: boolean }> {
  const fold = page.locator('details', {
    has: page.getByRole('heading', { level: 2, name: CALL_TEXT, exact: true }),
  });
  return {
    open: (await fold.getAttribute('open')) !== null,
    editor: await page.locator('.cm-content').isVisible(),
  };
}

const FOLDED = { open: false, editor: false };
const UNFOLDED = { open: true, editor: true };

describe('the studio opens on the forms', () => {
  const rig = studioRigForSuite();

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: the first field in view, the text folded; an unfolded text stays so`, async () => {
      const page = await rig.pageAs(rig.author);
      await page.setViewportSize(viewport);
      const title = `Appel ${viewport.width}`;
      await newCall(page, rig.server.url, title);
      expect(await settledFocus(page, /^h1: /)).toBe(`h1: Atelier d'écriture : ${title}`);
      const forms = page.getByRole('region', { name: 'Formulaires' });
      const first = forms.getByLabel("Titre de l'appel");
      await expect(first.inputValue()).resolves.toBe(title);
      // In view as the page opens: the field's whole box inside the window, nothing scrolled.
      const box = await first.evaluate((field) => {
        const r = field.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, scrolled: window.scrollY, height: window.innerHeight };
      });
      console.log(
        `studio ${viewport.width}×${viewport.height}: « Titre de l'appel » at ${box.top}–${box.bottom} px`,
      );
      expect(box.scrolled).toBe(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      await expect(textShown(page)).resolves.toEqual(FOLDED);
      // The headings in order: the forms, then the text's, then the graph's (h2 after the h1).
      const h2 = await page
        .locator('main h2')
        .evaluateAll((headings) => headings.map((h) => h.textContent).slice(0, 3));
      expect(h2).toEqual(['Formulaires', CALL_TEXT, 'États']);
      // The keyboard path from the title: save, publish, test, download, the problems, the way to
      // the graph's edits, then the forms' first tab.
      let tabs = 0;
      for (; tabs < 12; tabs += 1) {
        if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab')) break;
        await page.keyboard.press('Tab');
      }
      console.log(`studio ${viewport.width}×${viewport.height}: the forms' first tab after ${tabs} Tabs`);
      expect(await settledFocus(page, /^button: Personne$/)).toBe('button: Personne');
      expect(tabs).toBeLessThanOrEqual(7);

      // Unfolded by a click on its summary: kept in this browser, unfolded after a reload.
      await page.getByRole('heading', { level: 2, name: CALL_TEXT, exact: true }).click();
      await expect(textShown(page)).resolves.toEqual(UNFOLDED);
      await page.reload();
      await page.getByText('0 erreur, 3 avertissements').waitFor();
      await page.locator('.cm-content').waitFor();
      await expect(textShown(page)).resolves.toEqual(UNFOLDED);
      // Folded again by keyboard (the summary is a control): folded after a reload.
      await page.locator('summary', { hasText: CALL_TEXT }).focus();
      await page.keyboard.press('Enter');
      await expect(textShown(page)).resolves.toEqual(FOLDED);
      await page.reload();
      await page.getByText('0 erreur, 3 avertissements').waitFor();
      await expect(textShown(page)).resolves.toEqual(FOLDED);
    }, 120_000);
  }

  it('a problem leads to its line (the text unfolded for the visit) or to its field; a state picked in the graph', async () => {
    const page = await rig.pageAs(rig.author);
    await newCall(page, rig.server.url, 'Appel aux problèmes');
    await expect(textShown(page)).resolves.toEqual(FOLDED);
    // A state picked in the graph's list, the text folded: marked there, chosen in « Modifier un état ».
    const accueil = page.locator('.studio__states').getByRole('button', { name: 'Accueil', exact: true });
    await accueil.click();
    await expect(accueil.getAttribute('aria-current')).resolves.toBe('true');
    await expect(
      page
        .getByRole('group', { name: 'Modifier un état' })
        .getByLabel('État', { exact: true })
        .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).resolves.toBe('Accueil');
    await expect(textShown(page)).resolves.toEqual(FOLDED);

    await page.getByRole('button', { name: /^0 erreur, 3 avertissements/ }).click();
    const list = page.getByRole('list', { name: 'Erreurs et avertissements du texte' });
    const summaryIssue = list.getByRole('listitem').filter({ hasText: /résumé/ });
    // To the form: the tab where the summary is written, shown and focused.
    await summaryIssue.getByRole('button', { name: /^Corriger dans les formulaires/ }).click();
    expect(await settledFocus(page, /^div: Personne/)).toMatch(/^div: Personne/);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('tabpanel');
    await expect(textShown(page)).resolves.toEqual(FOLDED);
    // To the line: the text unfolds, the caret on that line, the focus in the text.
    const line = await summaryIssue.getByRole('button', { name: /^Aller à la ligne/ }).textContent();
    const number = Number(/\d+/.exec(line ?? '')?.[0]);
    await summaryIssue.getByRole('button', { name: /^Aller à la ligne/ }).click();
    await expect(textShown(page)).resolves.toEqual(UNFOLDED);
    await page.waitForFunction(() => document.activeElement?.closest('.cm-content') !== null);
    // The caret's line: its words and its number (a short text: every line is drawn).
    const caret = await page.evaluate(() => {
      const line = window.getSelection()?.anchorNode?.parentElement?.closest('.cm-line');
      const lines = Array.from(document.querySelectorAll('.cm-content > .cm-line'));
      return { text: line?.textContent ?? '', number: line ? lines.indexOf(line) + 1 : 0 };
    });
    expect(caret.text).toMatch(/^summary: /);
    expect(caret.number).toBe(number);
    // Unfolded for the visit only: the next one opens on the forms again.
    await page.reload();
    await page.getByText('0 erreur, 3 avertissements').waitFor();
    await expect(textShown(page)).resolves.toEqual(FOLDED);
  }, 120_000);
});
