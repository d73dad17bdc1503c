// A newcomer administrator's pages in a real Chromium, from the first setup on: the next steps
// after the setup (none were given; hidden, they can be shown again), the LTI registration
// address copied with its own button (it had none), a badge's some 260 criteria grouped by call
// and by the rubric's section (one flat list), and the activity log on a phone (its four columns
// scrolled sideways inside their box with nothing to show it), and a learner's data request at
// 390×844 (a pseudonym found as typed, nothing found said rather than an empty file, the erasure's
// counts before and after, the log's entry in a sentence). Screenshots of each page at 1366×768 and 390×844 in test/artifacts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setupToken } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { joinSession, pageAtSizes } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const PASSWORD = 'administrateur-mot-de-passe';

describe("a newcomer administrator's pages", () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
    admin = await browser.newContext({ locale: 'fr-FR', viewport: LAPTOP });
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** No serious accessibility violation, no page-wide sideways scroll; a screenshot at both sizes. */
  async function check(page: Page, name: string): Promise<void> {
    const seen = await pageAtSizes(
      page,
      name,
      [
        ['1366', LAPTOP],
        ['390', PHONE],
      ],
      (size) => path.join(artifacts, `admin-${name}-${size}.png`),
    );
    expect(seen).toEqual(seen.map(({ size }) => ({ name, size, axe: [], overflow: 0 })));
    await page.setViewportSize(LAPTOP);
  }

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('after the first setup, the next steps as links; the first one leads to its section', async () => {
    const page = await admin.newPage();
    await page.goto(`${server.url}/setup#k=${setupToken(server)}`);
    // Sent empty: the browser stops at the first field and says why in the page's language.
    const submit = page.getByRole('button', { name: "Créer l'organisme et le compte" });
    await submit.click();
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).validationMessage)).toBe(
      'Remplissez ce champ.',
    );
    await page.getByLabel('Adresse e-mail').fill('alex');
    await page.getByLabel("Nom de l'organisme de formation").fill('Écoute Solidaire');
    await page.getByLabel('Nom', { exact: true }).fill('Alex Martin');
    await submit.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'email');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).validationMessage)).toBe(
      'Saisissez une adresse e-mail, par exemple nom@exemple.fr.',
    );
    await page.getByLabel("Nom de l'organisme de formation").fill('Écoute Solidaire');
    await page.getByLabel('Nom', { exact: true }).fill('Alex Martin');
    await page.getByLabel('Adresse e-mail').fill('alex@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: "Créer l'organisme et le compte" }).click();

    const steps = page.getByRole('region', { name: 'Premiers pas' });
    await steps.waitFor();
    const links = steps.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Jouer un premier appel',
      'Inviter les formateur·rices',
      "Parcourir la bibliothèque d'appels",
      'Préparer une séance de groupe',
      'Définir un badge',
      'Relier une plateforme de formation (LTI)',
    ]);
    await steps.getByText(/^0\sétape faite sur 6$/).waitFor();
    await check(page, 'first-steps');

    // Keyboard first: the first step leads to the session form under the list, on the same page.
    await links.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'new-session-heading');
    expect(await focusedText(page)).toBe('Nouvelle séance');
    // The next, followed with Enter: the focus on its section of the organisation page.
    await links.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'invite-heading');
    expect(await focusedText(page)).toBe('Inviter');
    await page
      .getByRole('region', { name: 'Inviter' })
      .getByLabel('Adresse e-mail')
      .fill('camille@example.org');
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    await page.locator('.copy-link__url code').waitFor();

    // Back home: the invitation counts, the step is done.
    await page.goto(`${server.url}/`);
    const invite = steps.getByRole('listitem').filter({ hasText: 'Inviter les formateur·rices' });
    await invite.getByText('Fait', { exact: true }).waitFor();
    await steps.getByText(/^1\sétape faite sur 6$/).waitFor();

    // Hidden when dismissed, also on the next visit; the focus to the page's title.
    await steps.getByRole('button', { name: 'Masquer ces étapes' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.reload();
    await page.getByRole('button', { name: 'Créer la séance' }).waitFor();
    expect(await steps.count()).toBe(0);
    // Where they were, the way back: by keyboard, the list again, the focus on its heading.
    const again = page.getByRole('button', { name: 'Afficher les premiers pas' });
    await check(page, 'first-steps-hidden');
    await again.focus();
    await page.keyboard.press('Enter');
    await steps.getByText(/^1\sétape faite sur 6$/).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'first-steps-heading');
    expect(await again.count()).toBe(0);
    await page.close();
  }, 180_000);

  it('the LTI registration address: its own « Copier », the confirmation said', async () => {
    const page = await admin.newPage();
    await page.goto(`${server.url}/organisation#lti-heading`);
    await page.waitForFunction(() => document.activeElement?.id === 'lti-heading');
    const address = await page.getByRole('textbox', { name: "Adresse d'enregistrement LTI" }).inputValue();
    expect(address).toMatch(/\/lti\/register\/\S+$/);
    await page.getByRole('button', { name: "Copier l'adresse d'enregistrement LTI" }).click();
    const lti = page.getByRole('region', { name: 'Plateformes de formation (LTI 1.3)' });
    await lti.getByRole('status').getByText("Adresse d'enregistrement copiée").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await page.close();
  }, 120_000);

  it('the activity log on a phone: each entry a card, nothing scrolled sideways', async () => {
    const page = await admin.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/organisation`);
    const log = page.getByRole('region', { name: "Tableau : Journal d'activité" });
    await log.getByRole('row').nth(1).waitFor();
    // The box holds its content: no sideways scroll inside it either.
    expect(await log.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    // The invitation's entry: its four values one under the other, each after its column's name.
    const entry = log.getByRole('row').filter({ hasText: 'camille@example.org' });
    const cells = await entry.locator('td').all();
    // Still a table for a screen reader, cards or not: four cells under four column headers.
    expect(await entry.getByRole('cell').count()).toBe(4);
    expect(await log.getByRole('columnheader').count()).toBe(4);
    const tops: number[] = [];
    for (const cell of cells) tops.push((await cell.boundingBox())?.y ?? -1);
    expect(tops.length).toBe(4);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1] ?? 0);
    const label = await entry
      .locator('td')
      .nth(1)
      .evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toBe('"Qui\u00a0: "');
    // The setup's entry names nothing: no « Sur quoi » left empty on its card.
    const setup = log.getByRole('row').filter({ hasText: "Création de l'organisme" });
    expect(await setup.locator('td').nth(3).isVisible()).toBe(false);
    // On a wide screen, a table again: the four values on one line.
    await page.setViewportSize(LAPTOP);
    const wide: number[] = [];
    for (const cell of cells) wide.push(Math.round((await cell.boundingBox())?.y ?? -1));
    expect(new Set(wide).size).toBe(1);
    await check(page, 'organisation');
    await page.close();
  }, 120_000);

  it("a learner's data request on a phone: found as typed, nothing found said, what goes counted before and after, the log in sentences", async () => {
    const page = await admin.newPage();
    await page.setViewportSize(PHONE);
    // A call where the learner joined as « Lucie M. ».
    await page.goto(`${server.url}/`);
    await page.getByRole('radio', { name: /Appel d'entraînement/ }).check();
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await page.getByRole('heading', { name: 'Liens de la séance' }).waitFor();
    const link =
      (await page
        .locator('.copy-link')
        .filter({ has: page.getByRole('heading', { name: 'Écoutant·e' }) })
        .locator('code')
        .textContent()) ?? '';
    const learnerContext = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const learner = await learnerContext.newPage();
    await learner.goto(link);
    await joinSession(learner, 'Lucie M.');
    await learnerContext.close();

    await page.goto(`${server.url}/organisation`);
    const request = page.getByRole('region', { name: "Données d'un·e écoutant·e" });
    const field = request.getByRole('textbox', { name: 'Pseudonyme' });
    const status = request.getByRole('status');
    // A name that is nobody's: said, no empty file downloaded.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await field.fill('lucie x');
    await request.getByRole('button', { name: 'Exporter ses données' }).click();
    await status
      .getByText(
        "Aucune séance ni aucun badge pour «\u00a0lucie x\u00a0»\u00a0: vérifiez l'orthographe du pseudonyme.",
      )
      .waitFor();
    expect(downloads).toBe(0);
    // Typed as a person types it: she is found, what the file holds is counted.
    await field.fill('lucie m');
    const download = page.waitForEvent('download');
    await request.getByRole('button', { name: 'Exporter ses données' }).click();
    expect((await download).suggestedFilename()).toBe('ecoute-pseudonyme.json');
    await status.getByText('1 séance, 0 badge exportés\u00a0: fichier téléchargé.').waitFor();
    // The erasure says what goes before (the same set), then what went.
    await request.getByRole('button', { name: 'Effacer ses séances et ses badges' }).click();
    const question = request.getByRole('group', {
      name: /^Effacer 1 séance et 0 badge de «\slucie m\s»/,
    });
    await question.waitFor();
    expect(await focusedText(page)).toBe('Oui, effacer');
    await check(page, 'learner-erase-question');
    await question.getByRole('button', { name: 'Oui, effacer' }).click();
    await status.getByText('1 séance et 0 badge de «\u00a0lucie m\u00a0» effacés.').waitFor();
    // The activity log: the erasure and the export by what they held, never the pseudonym.
    const log = page.getByRole('region', { name: "Tableau : Journal d'activité" });
    const erased = log.getByRole('row').filter({ hasText: "Données d'un·e écoutant·e effacées" });
    await erased.waitFor();
    expect(await erased.locator('td').nth(3).textContent()).toBe(
      'Un pseudonyme, non conservé au journal\u00a0: 1 séance et 0 badge',
    );
    expect(await log.textContent()).not.toMatch(/lucie/i);
    await check(page, 'learner-erased');
    await page.close();
  }, 180_000);

  it("a badge's criteria: one closed group per call, the count in its summary, by keyboard", async () => {
    const page = await admin.newPage();
    await page.goto(`${server.url}/badges`);
    const form = page.getByRole('region', { name: 'Définir un badge' });
    const calls = form.locator('details');
    await calls.first().waitFor();
    const count = await calls.count();
    expect(count).toBeGreaterThanOrEqual(6);
    expect(await calls.evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(
      0,
    );
    // Closed, the form fits in a few screens (the flat list of criteria was dozens).
    const formHeight = (await form.boundingBox())?.height ?? Infinity;
    expect(formHeight).toBeLessThan(3 * LAPTOP.height);
    await check(page, 'badges');

    // From the description's field, Tab reaches the first call's summary; Enter opens it; Tab
    // reaches its first criterion, Space ticks it, and the summary counts it.
    await form.getByLabel('Ce que le badge reconnaît').focus();
    await page.keyboard.press('Tab');
    const first = calls.first();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    const summary = first.locator('summary');
    expect(await summary.textContent()).toMatch(/—\s0\scritère choisi sur \d+$/);
    await page.keyboard.press('Enter');
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
    expect(box).toBe('checkbox');
    await page.keyboard.press('Space');
    expect(await summary.textContent()).toMatch(/—\s1\scritère choisi sur \d+$/);
    // The call's group and its sections' groups, named for a screen reader.
    const title = (await summary.locator('.badge-criteria__title').textContent()) ?? '';
    const group = form.getByRole('group', { name: title, exact: true });
    expect(await group.getByRole('group').count()).toBeGreaterThanOrEqual(1);
    expect(await group.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(artifacts, 'admin-badges-open-1366.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(artifacts, 'admin-badges-open-390.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
