// The studio keeps what an author wrote without « Enregistrer le brouillon », in a real Chromium
// through the built server: an edit followed at once by the way back to the library is saved on
// leaving; an edit left alone is saved a moment later (the page says so) and is there after a
// reload; closing the tab with an edit not yet saved makes the browser ask first.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { studioRigForSuite } from '../support/studio-rig.js';
import { CALL_TEXT, openCallText } from '../support/studio-text.js';

describe('the studio saves the draft by itself', () => {
  const rig = studioRigForSuite();

  /** The draft's text as the server holds it. */
  async function draftText(callId: string): Promise<string> {
    const api = `${rig.server.url}/api/library/calls/${callId}`;
    const detail = (await (await fetch(api, { headers: rig.author })).json()) as { draft?: number };
    const text = await fetch(`${api}/versions/${detail.draft ?? 0}`, { headers: rig.author });
    return ((await text.json()) as { yaml: string }).yaml;
  }

  /** Types `line` at the end of the call's text in the editor (unfolded under the forms). */
  async function typeAtEnd(page: Page, line: string): Promise<void> {
    await openCallText(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }

  it('saves on leaving, after a pause, and asks before the tab closes on an unsaved edit', async () => {
    const created = await fetch(`${rig.server.url}/api/library/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...rig.author },
      body: JSON.stringify({ blank: true, id: 'appel-oubli', title: "L'appel oublié" }),
    });
    expect(created.status).toBe(201);
    const page = await rig.pageAs(rig.author);
    const open = async () => {
      await page.goto(`${rig.server.url}/bibliotheque/appel-oubli`);
      await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : L'appel oublié" }).waitFor();
      await page.getByText('0 erreur,').waitFor();
    };

    // Typed, then straight back to the library: saved on the way out.
    await open();
    // The lint's counts and list sit above the forms and the text, not in the text's heading.
    await page.getByRole('heading', { level: 2, name: CALL_TEXT, exact: true }).waitFor();
    await typeAtEnd(page, '# Note en partant');
    await page.getByRole('link', { name: /Retour à la bibliothèque/ }).click();
    await page.getByRole('heading', { level: 1, name: "Bibliothèque d'appels" }).waitFor();
    // The save left with the page: the server may answer a moment after the library shows.
    let text = await draftText('appel-oubli');
    for (let i = 0; i < 50 && !text.includes('# Note en partant'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      text = await draftText('appel-oubli');
    }
    expect(text).toContain('# Note en partant');

    // Typed and left alone: saved a moment later, and there after a reload.
    await open();
    await typeAtEnd(page, '# Note après une pause');
    await page.getByText('Brouillon enregistré automatiquement (version 1).').waitFor();
    expect(await draftText('appel-oubli')).toContain('# Note après une pause');
    await page.reload();
    await page.getByText('0 erreur,').waitFor();
    // The editor draws the lines in view only: to the end of the text first (kept unfolded).
    await openCallText(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.getByText('# Note après une pause').waitFor();

    // Typed, then the tab is closed at once: the browser asks first.
    await typeAtEnd(page, '# Note pas encore enregistrée');
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
  }, 120_000);
});
