// The studio in English, in a real Chromium through the built server: a trainer who switched the
// page to English reads the graph's arrows (« after 20 s ») and the lint's problems in English —
// the engine gives codes and parameters, the client's catalogue the words — and, back in French,
// what the studio always said (« après 20 s », « état « Orphelin » inatteignable… »). The English
// words are the catalogue's (client/src/i18n/en.ts, `engine.*`; the unit test
// client/src/i18n/engineText.test.ts reads them through `translate`).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { studioRigForSuite } from '../support/studio-rig.js';
import { openCallText } from '../support/studio-text.js';

const TUTORIAL = readFileSync(new URL('../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8');

/**
 * The tutorial call with a state nothing leads to (« Orphelin »: back to « Accueil » after 30 s, or
 * on « Reformuler ») and a move never offered.
 */
export const CALL_WITH_PROBLEMS = TUTORIAL.replace(/^id: .*$/m, 'id: appel-en-anglais')
  .replace(/^title: .*$/m, 'title: Appel en anglais')
  .replace(
    /^moves:\n/m,
    'moves:\n  danser: { label: Danser, category: action, help: Jamais proposée., examples: [On danse ?] }\n',
  )
  .replace(
    /^ {2}states:\n/m,
    "  states:\n    orphelin:\n      label: 'Orphelin'\n      after: { 30000: { target: accueil } }\n      on: { reformuler: { target: accueil } }\n",
  );

/**
 * The tutorial call whose greeting is left at once (a timer of 0 ms): the paths' search thinks a
 * move at the pickup's time comes first, the call has moved on when the path plays it — a
 * play-through that fails, in the studio's coverage panel.
 */
export const CALL_WITH_FAILED_PATHS = TUTORIAL.replace(/^id: .*$/m, 'id: appel-parcours-anglais')
  .replace(/^title: .*$/m, 'title: Parcours en anglais')
  .replace('      after:\n        20000:\n', '      after:\n        0: { target: ecoute }\n        20000:\n');

/** The words on the studio graph's arrows (xyflow's edge labels). */
const arrowWords = (page: Page): Promise<string[]> =>
  page
    .locator('.studio__graph .react-flow__edge-text, .studio__graph .react-flow__edgelabel-renderer')
    .evaluateAll((labels) => labels.map((label) => (label.textContent ?? '').replace(/\s+/g, ' ').trim()));

/** The arrows' words once `word` is among them (the graph is laid out again after a change of language). */
async function arrowsOnceThere(page: Page, word: string): Promise<string> {
  let words = (await arrowWords(page)).join(' | ');
  for (let tries = 0; tries < 50 && !words.includes(word); tries += 1) {
    await page.waitForTimeout(200);
    words = (await arrowWords(page)).join(' | ');
  }
  return words;
}

export async function importCall(rig: ReturnType<typeof studioRigForSuite>, yaml: string): Promise<string> {
  const response = await fetch(`${rig.server.url}/api/library/calls`, {
    method: 'POST',
    headers: { ...rig.author, 'content-type': 'application/json' },
    body: JSON.stringify({ yaml }),
  });
  const body = (await response.json()) as { id?: string };
  if (!body.id) throw new Error(`import refused: ${JSON.stringify(body)}`);
  return body.id;
}

describe('the studio in English', () => {
  const rig = studioRigForSuite();

  it("shows the graph's arrows and the lint's problems in English, and in French as before", async () => {
    const id = await importCall(rig, CALL_WITH_PROBLEMS);
    const page = await rig.pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque/${id}`);
    await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel en anglais" }).waitFor();
    // The arrows' words are drawn on the ways out of the state the cursor is in: « Orphelin »'s,
    // chosen in the states list.
    await page.locator('.studio__states').getByRole('button', { name: 'Orphelin' }).click();
    // French first: the arrows and the problems as the studio always wrote them.
    expect(await arrowsOnceThere(page, 'après 30 s')).toContain('Reformuler · après 30 s');
    const french = page.getByRole('button', { name: /^0 erreur, \d+ avertissements/ });
    await french.click();
    await expect(
      page
        .getByRole('list', { name: 'Erreurs et avertissements du texte' })
        .getByText(/^Avertissement\s:\sétat\s«\sOrphelin\s»\sinatteignable\s:\saucune transition n'y mène/)
        .count(),
    ).resolves.toBe(1);
    await french.click();

    // The page switched to English, by keyboard.
    const english = page.getByRole('navigation', { name: 'Langue' }).getByRole('button', { name: 'English' });
    await english.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Language' }).waitFor();

    const arrows = await arrowsOnceThere(page, 'after 30 s');
    expect(arrows).toContain('Reformuler · after 30 s');
    expect(arrows).not.toContain('après');
    const toggle = page.getByRole('button', { name: /^0 errors, \d+ warnings/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: "The text's errors and warnings" });
    await expect(
      list.getByText('Warning: state “Orphelin” unreachable: no transition leads to it').count(),
    ).resolves.toBe(1);
    await expect(
      list.getByText('Warning: move “Danser” never offered: no reachable state reacts to it').count(),
    ).resolves.toBe(1);
    // No French left in the list's messages (the labels are the call's own words).
    const items = await list.getByRole('listitem').allTextContents();
    expect(items.filter((item) => /inatteignable|jamais proposée|sans phrases exemples/.test(item))).toEqual(
      [],
    );

    // The text's own marks say it in English too (the editor's diagnostic, under the pointer), once
    // the text is unfolded under the forms.
    await openCallText(page);
    await page.locator('.studio__states').getByRole('button', { name: 'Orphelin' }).click();
    await page.locator('.cm-lintRange-warning', { hasText: 'orphelin' }).first().hover();
    await expect(page.locator('.cm-tooltip-lint').first().textContent()).resolves.toContain(
      'state “Orphelin” unreachable: no transition leads to it',
    );
  }, 180_000);

  it('shows a failed play-through and what went wrong in English, and in French as before, the move by its label', async () => {
    const id = await importCall(rig, CALL_WITH_FAILED_PATHS);
    const page = await rig.pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque/${id}`);
    await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : Parcours en anglais" }).waitFor();
    const failed = async (run: string, list: string): Promise<string[]> => {
      await page.getByRole('button', { name: run }).click();
      const failures = page.getByRole('list', { name: list });
      await failures.waitFor({ timeout: 60_000 });
      return (await failures.locator(':scope > li').allTextContents()).map((item) =>
        item.replace(/\s+/g, ' '),
      );
    };
    // French first: the engine's words, as the command line prints them, the move by its label.
    const french = await failed('Lancer les tests de parcours', 'Parcours en échec');
    expect(french[0]).toMatch(
      /^chemin le plus court vers la fin\s«\sconnectee\s»\s\(6 étapes\)étape à 0 ms \(action Se présenter\)\s:\srefusée/,
    );

    const english = page.getByRole('navigation', { name: 'Langue' }).getByRole('button', { name: 'English' });
    await english.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Language' }).waitFor();
    const items = await failed('Run the play-through tests', 'Failed play-throughs');
    expect(items[0]).toBe(
      'shortest path to the ending “connectee” (6 steps)' +
        'step at 0 ms (move Se présenter): refused (input/not_available: ' +
        'The move “Se présenter” is not available at this point of the call.)',
    );
    expect(items.filter((item) => /chemin|étape|refusée|disponible/.test(item))).toEqual([]);
  }, 180_000);
});
