// A signed-out visitor is a normal state, not an error: the public pages (the setup link, the
// home, « Se connecter », the privacy and accessibility pages, the library) leave nothing in the
// browser's console. They asked GET /api/account/me, whose 401 Chromium logs as « Failed to load
// resource: the server responded with a status of 401 »; they now ask /api/account/current.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodePath from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { PASSWORD, setupToken } from '../support/accounts.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

const artifact = (name: string): string => nodePath.join(workspaceRoot, 'test', 'artifacts', name);

/** Every console error and uncaught exception of `page`, with the address of the resource. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the signed-out pages', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const url = (path: string) => new URL(path, server.url).toString();

  it('log no error in the console: the setup link, then signed out, then signed in', async () => {
    const page = await context.newPage();
    const errors = consoleErrors(page);

    // The first boot's setup link, as a fresh install prints it.
    await page.goto(url(`/setup#k=${setupToken(server)}`));
    await page.getByRole('heading', { name: 'Première installation' }).waitFor();
    // The home before anyone signed in: the way to sign in.
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await page.goto(url(`/setup#k=${setupToken(server)}`));
    await page.getByLabel("Nom de l'organisme de formation").fill('Organisme de test');
    await page.getByLabel('Nom', { exact: true }).fill('Alex Admin');
    await page.getByLabel('Adresse e-mail').fill('admin@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: "Créer l'organisme et le compte" }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    // The new administrator's home asks four things for its first steps (`FirstSteps`): signed out
    // while they are on their way, they come back 401, which is what signing out means, not a page
    // asking what a signed-out visitor cannot have. A person reads the page before leaving it.
    await page.getByRole('heading', { name: 'Premiers pas' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

    for (const path of ['/connexion', '/', '/confidentialite', '/accessibilite', '/bibliotheque']) {
      await page.goto(url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Each page has settled on what a signed-out visitor sees (no request still on its way).
      await page.waitForLoadState('networkidle');
      if (path === '/bibliotheque')
        await page.screenshot({ path: artifact('library-signed-out.png'), fullPage: true });
    }
    await page.goto(url('/'));
    await page
      .getByRole('heading', { name: 'Formateur·rices, auteur·rices, administrateur·rices' })
      .waitFor();

    await page.goto(url('/connexion'));
    await page.getByLabel('Adresse e-mail').fill('admin@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('would catch one: a request answered 401 is logged (the check can fail)', async () => {
    const signedOut = await browser.newContext({ locale: 'fr-FR' });
    const page = await signedOut.newPage();
    const errors = consoleErrors(page);
    await page.goto(url('/connexion'));
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    const logged = page.waitForEvent('console', (message) => message.type() === 'error');
    await page.evaluate(async () => {
      await fetch('/api/account/me');
    });
    await logged;
    expect(errors.some((e) => e.includes('401'))).toBe(true);
    await signedOut.close();
  }, 120_000);
});
