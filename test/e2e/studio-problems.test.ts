// The studio's problems list for who never reads YAML, in a real Chromium through the built
// server: an author writes with the forms only, opens the lint's list by keyboard, and each
// issue the forms mend takes her there — « Corriger dans les formulaires » on a line never said
// opens « Répliques » with the focus in that line's text; on a state nothing leads to, chooses it
// in « Modifier un état » (the focus on that choice). The YAML's « Aller à la ligne » stays beside.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { studioRigForSuite } from '../support/studio-rig.js';

const NEVER_SAID = "Je n'ose plus toucher à rien.";
const STUCK = 'Il est perdu';

/** The focused element as the test reads it: its tag, and its value or the chosen option's words. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLSelectElement) return `select: ${active.selectedOptions[0]?.textContent ?? ''}`;
    if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement)
      return `${active.tagName.toLowerCase()}: ${active.value}`;
    return active?.tagName.toLowerCase() ?? 'body';
  });

describe("the studio's problems list, mended in the forms", () => {
  const rig = studioRigForSuite();

  it('« Corriger dans les formulaires » brings the focus to the line, or the state, the issue is about', async () => {
    const page = await rig.pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque`);
    await page.getByLabel("Titre de l'appel").fill('Appel de Marcel');
    await page.getByRole('button', { name: 'Créer à partir du modèle vierge' }).click();
    await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel de Marcel" }).waitFor();
    await page.getByText('0 erreur,').waitFor();

    // With the forms only: a line nobody says yet, a state nothing leads to.
    const forms = page.getByRole('region', { name: 'Formulaires' });
    await forms.getByRole('tab', { name: 'Répliques', exact: true }).click();
    const lines = forms.getByRole('tabpanel', { name: 'Répliques' });
    await lines.getByLabel("Texte d'une nouvelle réplique").fill(NEVER_SAID);
    await lines.getByRole('button', { name: 'Ajouter la réplique' }).click();
    // Back to the first tab: the issue has to open « Répliques » itself.
    await forms.getByRole('tab', { name: 'Personne', exact: true }).click();
    const addState = page.getByRole('region', { name: 'Modifier le graphe' }).getByRole('form', {
      name: 'Ajouter un état',
    });
    await addState.getByLabel("Nom de l'état").fill(STUCK);
    await addState.getByRole('button', { name: 'Ajouter un état' }).click();

    // The list, by keyboard.
    // Two warnings of these, after the blank template's three placeholders (the summary, the caller, their story).
    const toggle = page.getByRole('button', { name: /^0 erreur, 5 avertissements/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Erreurs et avertissements du texte' });
    const issue = (words: RegExp) => list.getByRole('listitem').filter({ hasText: words });
    // Each keeps its way to the YAML for who writes it.
    await expect(
      issue(/jamais dite/)
        .getByRole('button', { name: /^Aller à la ligne/ })
        .count(),
    ).resolves.toBe(1);

    await issue(/jamais dite/)
      .getByRole('button', { name: /^Corriger dans les formulaires/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement instanceof HTMLTextAreaElement);
    await expect(focused(page)).resolves.toBe(`textarea: ${NEVER_SAID}`);
    await expect(
      forms.getByRole('tab', { name: 'Répliques', exact: true }).getAttribute('aria-selected'),
    ).resolves.toBe('true');

    await issue(/inatteignable/)
      .getByRole('button', { name: /^Corriger dans les formulaires/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement instanceof HTMLSelectElement);
    await expect(focused(page)).resolves.toBe(`select: ${STUCK}`);
    // That choice is « Modifier un état »'s, where its transitions are listed and mended.
    await expect(
      page
        .getByRole('group', { name: 'Modifier un état' })
        .getByLabel('État', { exact: true })
        .evaluate((select) => select === document.activeElement),
    ).resolves.toBe(true);
  });
});
