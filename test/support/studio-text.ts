// The studio's call text (YAML), folded under its forms: how the browser tests and the keystroke
// bench reach it, as a trainer does (no Jest here: the bench runs outside it).
import type { Page } from 'playwright-core';

/** The summary of the studio's folded text (`editor.text`), as a trainer finds it under the forms. */
export const CALL_TEXT = "Texte de l'appel (YAML)";

/**
 * Unfolds the call's text (YAML) under the studio's forms as a trainer does, with a click on its
 * summary (unless it is open: this browser kept the choice); resolves once its editor shows. Found
 * by its place, not its words: the page may be in English.
 */
export async function openCallText(page: Page): Promise<void> {
  const fold = page.locator('.studio__text > details');
  if ((await fold.getAttribute('open')) === null) await fold.locator('> summary').click();
  await page.locator('.cm-content').waitFor();
}
