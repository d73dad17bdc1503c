// What a newcomer trainer saw at 390 px and 1366 px in a real Chromium, and only the stylesheets
// fix: the account menu a bulleted column filling a phone's first screen; « Mode d'aide » and
// the console's shortcut settings with their radio choices run into each other on one line;
// « Séances enregistrées » hiding « Débriefing » past the screen's edge; the invitation's role a
// tiny browser select among full-size fields.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { addAccountCookie, invitedMember, setupAdministrator } from '../support/accounts.js';
import { startServerProcess } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

describe('a newcomer trainer’s pages, laid out', () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: BrowserContext;
  let trainer: BrowserContext;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    const adminHeaders = await setupAdministrator(server);
    const trainerHeaders = await invitedMember(server, adminHeaders, {
      email: 'claude@example.org',
      role: 'trainer',
      name: 'Claude',
    });
    admin = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    trainer = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    await addAccountCookie(admin, server, adminHeaders);
    await addAccountCookie(trainer, server, trainerHeaders);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** « Mode d'aide de l'écoutant·e »: each choice on its own line, its explanation under its name. */
  async function expectOneHelpModePerLine(page: Page): Promise<void> {
    const modes = page.getByRole('group', { name: "Mode d'aide de l'écoutant·e" });
    const radios = modes.getByRole('radio');
    await radios.first().waitFor();
    expect(await radios.count()).toBe(3);
    let previousBottom = 0;
    for (const choice of await modes.locator('label').all()) {
      const radio = await box(choice.getByRole('radio'));
      const name = await box(choice.locator('.hint-mode__label'));
      const hint = await box(choice.locator('.hint'));
      // Each choice starts below the previous one's explanation, its explanation under its name.
      expect(radio.y).toBeGreaterThanOrEqual(previousBottom - 1);
      expect(hint.x).toBeGreaterThan(radio.x + radio.width);
      expect(hint.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
      previousBottom = hint.y + hint.height;
    }
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(new URL(path, server.url).toString());
    return page;
  }

  it('home on a phone: the account menu wraps its links in rows; one help mode per line', async () => {
    const page = await open(trainer, '/');
    const menu = page.getByRole('navigation', { name: 'Mon compte' });
    const links = menu.getByRole('listitem');
    await links.first().waitFor();
    const tops = new Set<number>();
    for (const item of await links.all()) tops.add(Math.round((await box(item)).y));
    // Six entries (five pages and « Se déconnecter ») in fewer rows than entries: not a column.
    expect(await links.count()).toBe(6);
    expect(tops.size).toBeLessThan(6);
    expect(await links.first().evaluate((item) => getComputedStyle(item).listStyleType)).toBe('none');

    // The new session's form comes with the scenarios (« Chargement des scénarios… » until then).
    await expectOneHelpModePerLine(page);
    await page.close();
  }, 120_000);

  it('home on a phone: the calls a compact radio list, the chosen one’s summary shown, « Créer la séance » within reach', async () => {
    const page = await open(trainer, '/');
    const calls = page.getByRole('group', { name: "Scénario d'appel" });
    const radios = calls.getByRole('radio');
    await radios.first().waitFor();
    expect(await radios.count()).toBeGreaterThanOrEqual(6);
    const shownSummaries = () =>
      calls
        .locator('.scenario-option__summary')
        .evaluateAll((all) =>
          all.filter((summary) => (summary as HTMLElement).offsetHeight > 0).map((summary) => summary.id),
        );
    // One summary on screen: the chosen call's (the first), not all eight.
    const firstSummary = await radios.first().getAttribute('aria-describedby');
    expect(await shownSummaries()).toEqual([firstSummary?.split(' ')[0]]);
    // Keyboard first: the arrow key chooses the next call and shows its summary instead.
    await radios.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await radios.nth(1).isChecked()).toBe(true);
    const secondSummary = (await radios.nth(1).getAttribute('aria-describedby'))?.split(' ')[0];
    expect(await shownSummaries()).toEqual([secondSummary]);
    // A call not chosen keeps its summary as its radio's description (read by a screen reader).
    const cdp = await page.context().newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument')) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '.scenario-option:nth-child(3) input',
    })) as { nodeId: number };
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    })) as {
      nodes: { description?: { value: string } }[];
    };
    const thirdSummary = await calls
      .locator('.scenario-option')
      .nth(2)
      .locator('.scenario-option__summary p')
      .first();
    expect(await thirdSummary.isVisible()).toBe(false);
    expect(nodes[0]?.description?.value).toContain((await thirdSummary.textContent()) ?? '—');
    // The button within three screens of the top (it was 4,578 px down with every summary shown).
    const button = await box(page.getByRole('button', { name: 'Créer la séance' }));
    expect(button.y + button.height).toBeLessThan(3 * PHONE.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  }, 120_000);

  it('a link of the account menu followed with Enter: the focus on the new page’s heading, with a ring', async () => {
    const page = await open(trainer, '/');
    const menu = page.getByRole('navigation', { name: 'Mon compte' });
    await menu.getByRole('link', { name: 'Badges' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Badges' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const ring = await heading.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        style: style.outlineStyle,
        width: style.outlineWidth,
        hugs: element.getBoundingClientRect().width < innerWidth / 2,
      };
    });
    // A thin ring around the word (not the page's width) — it was removed for every tabindex=-1.
    expect(ring).toEqual({ style: 'solid', width: '2px', hugs: true });
    // Followed with a click: no ring (the pointer shows where one is).
    await page.getByRole('link', { name: "← Retour à l'accueil" }).click();
    await page.getByRole('button', { name: 'Créer la séance' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(
      await page
        .getByRole('heading', { level: 1 })
        .evaluate((element) => getComputedStyle(element).outlineStyle),
    ).toBe('none');
    await page.close();
  }, 120_000);

  it('a class’s « Groupes » on a phone: each learner a card, the role’s select as wide as its longest role', async () => {
    const page = await open(trainer, '/classes');
    await page.getByRole('textbox', { name: 'Nom du groupe' }).fill('Groupe du vendredi');
    await page.getByRole('checkbox', { name: "Appel d'entraînement" }).check();
    await page.getByRole('button', { name: 'Créer la séance de groupe' }).click();
    const codeHeading = page.getByRole('heading', { name: /Code pour rejoindre/ });
    await codeHeading.waitFor();
    const code = /([A-Z2-9]{6})/.exec(await codeHeading.innerText())?.[1] ?? '';
    for (const pseudonym of ['Lina', 'Maximilien-Alexandre']) {
      const joined = await fetch(`${server.url}/api/class-join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ code, pseudonym }),
      });
      expect(joined.status).toBe(201);
    }
    const role = page.getByRole('combobox', { name: /Rôle de Maximilien-Alexandre/ });
    await role.waitFor();
    // The select's width against the same select left to its natural width (its longest choice).
    const widths = await role.evaluate((select) => {
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.style.cssText = 'position:absolute;width:auto;min-width:0;max-width:none;flex:none';
      document.body.append(natural);
      const needed = natural.getBoundingClientRect().width;
      natural.remove();
      return { shown: select.getBoundingClientRect().width, needed };
    });
    expect(widths.shown).toBeGreaterThanOrEqual(widths.needed - 0.5);
    const [name, group] = [
      await box(page.getByRole('rowheader', { name: 'Maximilien-Alexandre' })),
      await box(page.getByRole('combobox', { name: /Groupe de Maximilien-Alexandre/ })),
    ];
    // The name above its selects, each select after its column's name.
    expect(group.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
    expect(
      await page
        .getByRole('row', { name: /Maximilien-Alexandre/ })
        .getByRole('cell')
        .last()
        .evaluate((cell) => getComputedStyle(cell, '::before').content),
    ).toBe('"Rôle"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  }, 120_000);

  it('a class’s « Groupes » on a phone: one help mode per line as on the home page, the machine’s box full size', async () => {
    const page = await open(trainer, '/classes');
    await page.getByRole('textbox', { name: 'Nom du groupe' }).fill('Groupe du samedi');
    await page.getByRole('checkbox', { name: "Appel d'entraînement" }).check();
    await page.getByRole('button', { name: 'Créer la séance de groupe' }).click();
    await page.getByRole('heading', { name: /Code pour rejoindre/ }).waitFor();
    // The group-forming fieldset's row layout ran the three choices into each other here.
    await expectOneHelpModePerLine(page);
    const machine = await box(page.getByRole('checkbox', { name: "La machine joue l'appelant·e" }));
    expect(Math.min(machine.width, machine.height)).toBeGreaterThanOrEqual(20);
    await page.close();
  }, 120_000);

  it('« Séances de l’organisme » on a phone shows each session’s « Débriefing » within the screen', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    await home.getByRole('heading', { name: 'Liens de la séance' }).waitFor();
    await home.close();
    const page = await open(trainer, '/sessions');
    const debrief = page.getByRole('link', { name: /^Débriefing/ }).first();
    await debrief.waitFor();
    const link = await box(debrief);
    expect(link.x + link.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The values after their columns' names, the « : » the catalogue's (a no-break space before it).
    const card = page.getByRole('row').nth(1);
    expect(
      await card
        .getByRole('cell')
        .first()
        .evaluate((cell) => getComputedStyle(cell, '::before').content),
    ).toBe('"Date\u00a0: "');
    await page.close();
  }, 120_000);

  it('the trainer’s shortcut settings: one choice per line', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const href = await home.getByRole('link', { name: 'Ouvrir le lien Formateur·rice' }).getAttribute('href');
    const desk = await open(trainer, href ?? '/');
    await desk.setViewportSize(LAPTOP);
    for (const legend of ['Raccourcis à une touche (1…0, B)', 'Touches des actions et des repères']) {
      const options = desk.getByRole('group', { name: legend }).locator('label');
      await options.first().waitFor();
      const [first, second] = [await box(options.nth(0)), await box(options.nth(1))];
      expect(second.y).toBeGreaterThanOrEqual(first.y + first.height - 1);
    }
    await desk.close();
    await home.close();
  }, 120_000);

  it('a new group session: the focus on its page’s heading, its counts in words in the list', async () => {
    const page = await open(trainer, '/classes');
    await page.getByRole('textbox', { name: 'Nom du groupe' }).fill('Groupe du mardi');
    await page.getByRole('checkbox', { name: "Appel d'entraînement" }).check();
    await page.getByRole('checkbox', { name: /^Hameçonnage/ }).check();
    await page.getByRole('button', { name: 'Créer la séance de groupe' }).click();
    await page.waitForURL(/\/classes\/./);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    // Not left on the body when the button that was pressed went with its page.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    // The group debrief before any round: it says when it opens (no menu of calls not played yet),
    // within the phone's width (a long call title in its menu made the page 418 px wide).
    await page.getByRole('tab', { name: 'Débriefing de groupe' }).click();
    await page
      .getByRole('status')
      .getByText(/^Aucun appel à comparer pour l'instant/)
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Scénario' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // A learner joins from the link: once the form goes, the focus is on the heading that replaced it.
    const joinLink = await page.getByRole('link', { name: /\/classe\?code=/ }).getAttribute('href');
    const learner = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const join = await open(learner, joinLink ?? '/classe');
    await join.getByRole('textbox', { name: 'Votre pseudonyme' }).fill('Sam');
    await join.keyboard.press('Enter');
    await join.getByRole('heading', { level: 1, name: /en attente de votre rôle/ }).waitFor();
    await join.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await learner.close();

    await page.getByRole('link', { name: '← Retour aux séances de groupe' }).click();
    await page.getByRole('link', { name: /^Groupe du mardi/ }).waitFor();
    expect(await page.getByRole('link', { name: /^Groupe du mardi/ }).textContent()).toMatch(
      /, 1 apprenant·e, 0 tour$/,
    );
    await page.close();
  }, 120_000);

  it('the projector view on a laptop: the hidden variables in a column beside the call', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string) =>
      (await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href')) ?? '/';
    const desk = await open(trainer, await linkOf('Formateur·rice'));
    const group = await browser.newContext({ locale: 'fr-FR', viewport: LAPTOP });
    const projected = await open(group, await linkOf('Observateur·rice'));
    await projected.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Salle 2');
    await projected.getByRole('button', { name: 'Rejoindre la séance' }).click();
    // The switch shows the server's state: clicked, it turns on once the server has it.
    await desk.getByRole('switch', { name: 'Vue projection pour les observateur·rices' }).click();
    const variables = projected.getByRole('heading', { name: 'Variables cachées' });
    await variables.waitFor();
    const [call, hidden] = [
      await box(projected.getByRole('heading', { name: 'Transcription' })),
      await box(variables),
    ];
    // Beside the transcript, on the projected screen's first rows — not under the call's column.
    expect(hidden.x).toBeGreaterThan(call.x + call.width);
    expect(hidden.y).toBeLessThan(LAPTOP.height);
    await group.close();
    await desk.close();
    await home.close();
  }, 120_000);

  it('the curves of a call with a long variable name stay within the page, on a phone and projected', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('radio', { name: /^Escalade de détresse/ }).check();
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string) =>
      (await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href')) ?? '/';
    const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
    // The trainer's « Courbes » on a phone: « Danger immédiat (moyens, échéance) » at its line's end.
    const desk = await open(trainer, await linkOf('Formateur·rice'));
    await desk.getByRole('tab', { name: 'Courbes' }).click();
    const name = desk.locator('.variable-curves__label[data-series="danger"]');
    await name.waitFor();
    expect(await widthOf(desk)).toBeLessThanOrEqual(PHONE.width);
    expect((await box(name)).x + (await box(name)).width).toBeLessThanOrEqual(PHONE.width);
    // Cut with « … », whole in the legend under the plot.
    expect(
      await desk.getByText('Danger immédiat (moyens, échéance)', { exact: true }).count(),
    ).toBeGreaterThan(0);
    // The projected view on a laptop: the curves in their column, the page no wider than the screen.
    const group = await browser.newContext({ locale: 'fr-FR', viewport: LAPTOP });
    const projected = await open(group, await linkOf('Observateur·rice'));
    await projected.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Salle 3');
    await projected.getByRole('button', { name: 'Rejoindre la séance' }).click();
    await desk.getByRole('switch', { name: 'Vue projection pour les observateur·rices' }).click();
    await projected.locator('.variable-curves__label[data-series="danger"]').waitFor();
    expect(await widthOf(projected)).toBeLessThanOrEqual(LAPTOP.width);
    await group.close();
    await desk.close();
    await home.close();
  }, 120_000);

  it('the listener’s console on a phone: no control reached by Tab is hidden under the bottom bar', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const href = await home.getByRole('link', { name: 'Ouvrir le lien Écoutant·e' }).getAttribute('href');
    const learner = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const page = await open(learner, href ?? '/');
    await page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Lou');
    await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
    await page.getByRole('button', { name: /^Décrocher/ }).click();
    // Picked up: the answers show (« Répondre »), the focus on their heading — on « Conversation »
    // a newcomer was left with the phone's buttons, the moves out of sight.
    await page.getByRole('button', { name: 'Répondre', exact: true, pressed: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Actions de l'écoutant·e");
    const bar = await box(page.getByRole('navigation', { name: 'Partie de la console affichée' }));
    const covered: string[] = [];
    for (const view of ['Répondre', 'Conversation']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reachedFooter = false;
      for (let step = 0; step < 40 && !reachedFooter; step++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          if (
            !element ||
            element === document.body ||
            element.closest('nav[aria-label]')?.matches('.phone-view-switch')
          )
            return null;
          const { top, bottom } = element.getBoundingClientRect();
          return { top, bottom, text: element.textContent ?? '', footer: element.closest('footer') !== null };
        });
        if (!focused) continue;
        reachedFooter = focused.footer;
        if (focused.bottom > bar.y + 0.5) covered.push(focused.text);
      }
      expect(reachedFooter).toBe(true);
    }
    expect(covered).toEqual([]);
    await learner.close();
    await home.close();
  }, 120_000);

  it('the caller actor on a phone: what to say before the persona’s long card, within the first screen', async () => {
    const home = await open(trainer, '/');
    await home.getByLabel("Un·e apprenant·e joue l'appelant·e").check();
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const href = await home
      .getByRole('link', { name: "Ouvrir le lien Joueur·se de l'appelant·e" })
      .getAttribute('href');
    const actor = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const page = await open(actor, href ?? '/');
    await page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Inès');
    await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
    const persona = await box(page.getByRole('heading', { name: 'Votre personnage' }));
    const suggested = await box(page.getByRole('heading', { name: 'Répliques suggérées' }));
    const reply = await box(page.getByRole('textbox', { name: 'Ma réplique' }));
    // The page not scrolled: « Ma réplique » on the first screen, the persona under it.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(suggested.y).toBeLessThan(persona.y);
    expect(reply.y + reply.height).toBeLessThan(Math.min(persona.y, PHONE.height));
    await actor.close();
    await home.close();
  }, 120_000);

  it('an observer on a phone: the listener’s offered actions are listed, not drawn as buttons', async () => {
    const home = await open(trainer, '/');
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string) =>
      (await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href')) ?? '/';
    const learner = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const listener = await open(learner, await linkOf('Écoutant·e'));
    await listener.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Lou');
    await listener.getByRole('button', { name: 'Rejoindre la séance' }).click();
    const group = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const observer = await open(group, await linkOf('Observateur·rice'));
    await observer.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Sami');
    await observer.getByRole('button', { name: 'Rejoindre la séance' }).click();
    await listener.getByRole('button', { name: /^Décrocher/ }).click();
    const offered = observer.getByRole('region', { name: "Actions proposées à l'écoutant·e" });
    const label = offered.getByText('Question ouverte', { exact: true });
    await label.waitFor();
    expect(await offered.getByRole('button').count()).toBe(0);
    // No frame nor fill of a button around a label nobody can press.
    const drawn = await label.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderTopStyle, background: style.backgroundColor };
    });
    expect(drawn).toEqual({ border: 'none', background: 'rgba(0, 0, 0, 0)' });
    await group.close();
    await learner.close();
    await home.close();
  }, 120_000);

  it('a new version retitled, compared on a phone: selects a finger can hit, the new title named', async () => {
    const library = await open(admin, '/bibliotheque');
    await library.getByRole('button', { name: 'Dupliquer' }).first().click();
    const studio = library;
    await studio.getByRole('heading', { name: /^Atelier d'écriture : / }).waitFor();
    await studio.getByRole('button', { name: 'Publier', exact: true }).click();
    await studio.getByRole('button', { name: 'Confirmer la publication' }).click();
    await studio.getByText('Version 1 publiée.').waitFor();
    await studio
      .getByRole('textbox', { name: "Titre de l'appel" })
      .fill('Accueil retraité·es, version courte');
    await studio.getByRole('button', { name: 'Publier', exact: true }).click();
    await studio.getByRole('button', { name: 'Confirmer la publication' }).click();
    await studio.getByText('Version 2 publiée.').waitFor();
    const diff = studio.getByRole('region', { name: 'Comparer deux versions' });
    await diff.getByRole('combobox', { name: 'Version de départ' }).selectOption('1');
    await diff.getByRole('combobox', { name: "Version d'arrivée" }).selectOption('2');
    for (const name of ['Version de départ', "Version d'arrivée"]) {
      const field = await box(diff.getByRole('combobox', { name }));
      expect(field.height).toBeGreaterThanOrEqual(44);
    }
    await diff.getByRole('button', { name: 'Comparer', exact: true }).click();
    const rest = diff.getByRole('heading', { name: "Le reste de l'appel" });
    await rest.waitFor();
    const named = await rest.evaluate((heading) => heading.nextElementSibling?.textContent ?? '');
    // French spacing: a no-break space before the colon.
    expect(named.replace(/\s+/g, ' ')).toBe("Modifié : L'appel");
    await studio.close();
  }, 120_000);

  it('« Organisme »: the invitation’s role is a field like the e-mail above it', async () => {
    const page = await open(admin, '/organisation');
    const email = await box(page.getByRole('textbox', { name: 'Adresse e-mail' }));
    const role = await box(page.getByRole('combobox', { name: 'Rôle' }));
    expect(Math.abs(role.height - email.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(role.width - email.width)).toBeLessThanOrEqual(2);
    await page.close();
  }, 120_000);
});
