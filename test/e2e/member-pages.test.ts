// The organisation's pages a member may not use, in a real Chromium at 390×844 (newcomer trial 2,
// items 2 and 5). A trainer on `/sessions` sees no button the server would refuse: on a session an
// administrator created, whose it is and who may, instead of « Débriefing », « Liens et QR codes »
// and « Supprimer »; a pasted debrief address says the session is not hers (not that her role
// cannot). An author on `/sessions`, `/badges`, `/classes` reads once what the page is for and
// whose it is: no form, no empty list, no « Se connecter »; her menu offers only her pages.
// Screenshots at 390×844 and 1366×768 in test/artifacts (member-*.png).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAccountCookie, invitedMember, setupAdministrator } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { pageAtSizes } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
/** Text as read, U+00A0 as a space. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe("the organisation's pages a member may not use", () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Record<string, string>;
  let trainer: Record<string, string>;
  let author: Record<string, string>;
  let ofAdmin: string;
  let ofTrainer: string;

  async function createSession(headers: Record<string, string>): Promise<string> {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 42 }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { sessionId: string }).sessionId;
  }

  async function pageAs(account: Record<string, string>): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    contexts.push(context);
    await addAccountCookie(context, server, account);
    return context.newPage();
  }

  /** No serious axe violation, no sideways scroll; a screenshot at both sizes, back to the phone. */
  async function check(page: Page, name: string): Promise<void> {
    const seen = await pageAtSizes(
      page,
      name,
      [
        ['1366', LAPTOP],
        ['390', PHONE],
      ],
      (size) => path.join(artifacts, `member-${name}-${size}.png`),
    );
    expect(seen).toEqual(seen.map(({ size }) => ({ name, size, axe: [], overflow: 0 })));
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
    admin = await setupAdministrator(server);
    trainer = await invitedMember(server, admin, {
      email: 'dominique@example.org',
      role: 'trainer',
      name: 'Dominique',
    });
    author = await invitedMember(server, admin, { email: 'aude@example.org', role: 'author', name: 'Aude' });
    ofAdmin = await createSession(admin);
    ofTrainer = await createSession(trainer);
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it("a trainer: her session's actions; on an administrator's, whose it is and who may, no refused button", async () => {
    const page = await pageAs(trainer);
    await page.goto(`${server.url}/sessions`);
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // Newest first: the trainer's session, then the administrator's.
    const mine = rows.nth(0);
    const theirs = rows.nth(1);
    expect(await mine.getByRole('link', { name: /^Débriefing/ }).getAttribute('href')).toBe(
      `/debrief/${ofTrainer}`,
    );
    expect(await mine.getByRole('button', { name: /^Supprimer/ }).count()).toBe(1);
    expect(await theirs.getByRole('link').count()).toBe(0);
    expect(await theirs.getByRole('button').count()).toBe(0);
    expect(plain(await theirs.locator('.sessions__not-yours').textContent())).toBe(
      'Créée par Alex Admin : seul·e cette personne, ou un·e administrateur·rice, ouvre son débriefing et ses liens, ou la supprime.',
    );
    await check(page, 'trainer-sessions');

    // A pasted address of the administrator's debrief: not hers, said so, not « votre rôle ».
    await page.goto(`${server.url}/debrief/${ofAdmin}`);
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    expect(plain(await alert.textContent())).toBe(
      "Cette séance n'est pas la vôtre : seul·e qui l'a créée, ou un·e administrateur·rice, peut faire cette action.",
    );
  }, 120_000);

  it('an author on « Séances », « Badges », « Séances de groupe »: one sentence each, her menu her pages', async () => {
    const page = await pageAs(author);
    const whose =
      "Cette page est celle des formateur·rices et administrateur·rices ; votre compte est un compte d'auteur·rice.";
    for (const [route, heading, name] of [
      ['/sessions', "Séances de l'organisme", 'author-sessions'],
      ['/badges', 'Badges', 'author-badges'],
      ['/classes', 'Séances de groupe', 'author-classes'],
    ] as const) {
      await page.goto(`${server.url}${route}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const main = page.locator('main');
      const sentences = await main.locator('p').allTextContents();
      expect({ route, count: sentences.filter((text) => plain(text) === whose).length }).toEqual({
        route,
        count: 1,
      });
      expect({
        route,
        controls: await main
          .locator('form, table, input, select, button, [role="alert"]:not(:empty)')
          .count(),
        signIn: await page.getByRole('link', { name: 'Se connecter' }).count(),
        refusal: await page.getByText('Votre rôle ne permet pas cette action.').count(),
      }).toEqual({ route, controls: 0, signIn: 0, refusal: 0 });
      await check(page, name);
    }

    // Her menu (home page): the library, not the pages of trainers and administrators.
    await page.goto(`${server.url}/`);
    const menu = page.getByRole('navigation', { name: 'Mon compte' });
    await menu.waitFor();
    const hrefs = await menu.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/bibliotheque', '/confidentialite']);
  }, 180_000);
});
