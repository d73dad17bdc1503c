// Accounts in a real Chromium, through the built server: the first boot's one-time setup link
// (from the start line) makes the administrator and the organisation; the administrator
// invites a trainer (a link, no mail); the trainer makes their account, signs out and in again,
// creates a session, finds its links (with QR codes) from the sessions list and revokes them:
// the old listener link is refused, the new one opens. axe-core checks every new page, at
// 1366×768 and at 390×844.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setupToken } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { joinSession, seriousAxeViolations } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const PASSWORD = 'formatrice-mot-de-passe';

describe('accounts in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const axe: Record<string, unknown[]> = {};

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function page(mobile = false): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    });
    contexts.push(context);
    const opened = await context.newPage();
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    return opened;
  }

  async function check(opened: Page, name: string): Promise<void> {
    axe[name] = await seriousAxeViolations(opened);
    const overflow = await opened.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow: overflow > 0 ? overflow : 0 }).toEqual({ name, overflow: 0 });
    await opened.screenshot({ path: path.join(artifacts, `accounts-${name}.png`), fullPage: true });
  }

  it('first boot, invitation, sign-in, a session, its links shared and revoked', async () => {
    // The start line carries the one-time setup link; no account exists yet.
    expect(server.output()).toMatch(
      /première installation : http:\/\/localhost:\d+\/setup#k=[\w-]+ \(lien à usage unique\)/,
    );
    const admin = await page();
    await admin.goto(`${server.url}/setup#k=${setupToken(server)}`);
    await admin.getByRole('heading', { level: 1, name: 'Première installation' }).waitFor();
    await check(admin, 'setup');
    await admin.getByLabel("Nom de l'organisme de formation").fill('Écoute Solidaire');
    await admin.getByLabel('Nom', { exact: true }).fill('Alex Martin');
    await admin.getByLabel('Adresse e-mail').fill('alex@example.org');
    await admin.getByLabel('Mot de passe').fill('administrateur-mot-de-passe');
    await admin.getByRole('button', { name: "Créer l'organisme et le compte" }).click();
    await admin.getByText('Alex Martin, Administrateur·rice — Écoute Solidaire').waitFor();

    // The setup link works once.
    const again = await fetch(`${server.url}/api/account/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        token: setupToken(server),
        name: 'Intrus',
        email: 'intrus@example.org',
        password: 'un autre mot de passe',
        organizationName: 'Autre',
      }),
    });
    expect(again.status).toBe(403);
    // Opened again, the page says so at once and leads to the sign-in, without its form.
    const reopened = await page(true);
    await reopened.goto(`${server.url}/setup#k=${setupToken(server)}`);
    await reopened.getByRole('link', { name: 'Se connecter' }).waitFor();
    await check(reopened, 'setup used');
    expect(await reopened.getByRole('status').textContent()).toMatch(
      /^Écoute est déjà installé sur ce serveur/,
    );
    expect(await reopened.getByRole('button', { name: "Créer l'organisme et le compte" }).count()).toBe(0);
    await reopened.close();

    // The administrator invites a trainer: a link to hand over.
    await admin.getByRole('link', { name: 'Organisme', exact: true }).click();
    await admin.getByRole('heading', { level: 2, name: 'Membres' }).waitFor();
    await admin
      .getByRole('region', { name: 'Inviter' })
      .getByLabel('Adresse e-mail')
      .fill('camille@example.org');
    await admin.getByLabel('Rôle').selectOption('trainer');
    await admin.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    const invitation = (await admin.locator('.copy-link__url code').textContent()) ?? '';
    expect(invitation).toMatch(/\/invitation#i=\w+$/);
    await check(admin, 'organisation');

    // The trainer, in another browser, makes their account from the invitation.
    const trainer = await page(true);
    await trainer.goto(invitation);
    await trainer.getByText('Écoute Solidaire vous invite comme formateur·rice').waitFor();
    await check(trainer, 'invitation');
    await trainer.getByLabel('Nom', { exact: true }).fill('Camille Durand');
    await trainer.getByLabel('Mot de passe').fill(PASSWORD);
    await trainer.getByRole('button', { name: 'Créer mon compte' }).click();
    await trainer.getByText('Camille Durand, Formateur·rice — Écoute Solidaire').waitFor();

    // Signs out, and in again.
    await trainer.getByRole('button', { name: 'Se déconnecter' }).click();
    await trainer.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await check(trainer, 'sign-in');
    await trainer.getByLabel('Adresse e-mail').fill('camille@example.org');
    await trainer.getByLabel('Mot de passe').fill('un mauvais mot de passe');
    await trainer.getByRole('button', { name: 'Se connecter' }).click();
    await trainer.getByRole('alert').getByText('Adresse ou mot de passe incorrect.').waitFor();
    await trainer.getByLabel('Mot de passe').fill(PASSWORD);
    await trainer.getByRole('button', { name: 'Se connecter' }).click();
    await trainer.getByText('Camille Durand, Formateur·rice — Écoute Solidaire').waitFor();
    await check(trainer, 'home');

    // Creates a session.
    await trainer.getByRole('radio', { name: /Appel d'entraînement/ }).check();
    await trainer.getByRole('button', { name: 'Créer la séance' }).click();
    await trainer.getByRole('heading', { name: 'Liens de la séance' }).waitFor();

    // From the sessions list (any browser of the trainer), the links again with their QR codes.
    await trainer.goto(`${server.url}/sessions`);
    await trainer
      .getByRole('link', { name: /Liens et QR codes/ })
      .first()
      .click();
    await trainer.getByRole('img', { name: 'QR code du lien Écoutant·e' }).waitFor();
    await check(trainer, 'share');
    const listenerLink = async (): Promise<string> =>
      (await trainer
        .locator('.copy-link')
        .filter({ has: trainer.getByRole('heading', { name: 'Écoutant·e' }) })
        .locator('code')
        .textContent()) ?? '';
    const before = await listenerLink();
    expect(before).toMatch(/\/ecoute\/[\w-]+#k=[\w-]+$/);

    // Revokes them: new links; the old one is refused, the new one opens.
    await trainer.getByRole('button', { name: 'Révoquer les liens' }).click();
    await trainer.getByRole('button', { name: 'Révoquer et créer de nouveaux liens' }).click();
    await trainer.getByRole('status').getByText('Liens révoqués\u00a0: voici les nouveaux.').waitFor();
    const after = await listenerLink();
    expect(after).not.toBe(before);
    const learner = await page();
    await learner.goto(before);
    await learner.getByText('Lien de séance invalide ou expiré.').first().waitFor();
    await learner.goto(after);
    await joinSession(learner, 'Sam');

    // The privacy page, for everyone.
    const visitor = await page(true);
    await visitor.goto(`${server.url}/confidentialite`);
    await visitor.getByRole('heading', { level: 1, name: 'Données et confidentialité' }).waitFor();
    await check(visitor, 'privacy');

    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((name) => [name, []])));
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
