// What only the stylesheets show, in a real Chromium through the built server (issue 12's
// newcomer leftovers): in the studio's forms « Supprimer » does not look like « Ajouter » (outlined
// in the danger colour where « Ajouter » is filled with the accent), and the state graph carries
// no « React Flow » attribution link over its corner (hidden: the library's MIT licence allows it).
import { describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { studioRigForSuite } from '../support/studio-rig.js';

const look = (button: Locator) =>
  button.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, border: style.borderTopColor, text: style.color };
  });

describe('looks that only the stylesheets give', () => {
  const rig = studioRigForSuite();

  it('« Supprimer » apart from « Ajouter » in the studio forms; no attribution link on the graph', async () => {
    const page = await rig.pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque`);
    await page.getByLabel("Titre de l'appel").fill('Appel de Nadia');
    await page.getByRole('button', { name: 'Créer à partir du modèle vierge' }).click();
    await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel de Nadia" }).waitFor();

    const forms = page.getByRole('region', { name: 'Formulaires' });
    await forms.getByRole('tab', { name: 'Répliques', exact: true }).click();
    const lines = forms.getByRole('tabpanel', { name: 'Répliques' });
    await lines.getByLabel("Texte d'une nouvelle réplique").fill('Je vous appelle pour ma voisine.');
    const add = lines.getByRole('button', { name: 'Ajouter la réplique' });
    await add.click();
    const remove = lines.getByRole('button', { name: /^Supprimer «\s?Je vous appelle pour ma voisine/ });
    await remove.waitFor();
    const [added, removed] = [await look(add), await look(remove)];
    expect(removed.background).not.toBe(added.background);
    // The danger colour (#b3261e) outlines and writes it, on the card's white.
    expect(removed).toEqual({
      background: 'rgb(255, 255, 255)',
      border: 'rgb(179, 38, 30)',
      text: 'rgb(179, 38, 30)',
    });

    // The state graph beside the text: drawn, and no attribution link in its corner.
    await page.locator('.state-graph .react-flow__node').first().waitFor();
    expect(await page.locator('.react-flow__attribution').count()).toBeLessThanOrEqual(1);
    expect(await page.locator('.react-flow__attribution').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'React Flow' }).count()).toBe(0);
  }, 180_000);
});
