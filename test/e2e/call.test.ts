// One call through the three pages in a real Chromium: the home page creates the session,
// the listener picks up and plays the tutorial call to its best ending, the trainer injects and
// pauses, the observer follows. Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): it moves
// only when the test says, so the silence timer fires when the test wants it, busy machine or not.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { TRAINER_NAME, signInContext } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { joinSession, joinedByAccount } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';
import { libraryLineWording } from '../support/line-wording.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

describe('the tutorial call in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess(MANUAL_CLOCK);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    // The trainer is signed in (creating a session takes an account); role links need none.
    await signInContext(context, server);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(url);
    return page;
  }

  it('creates a session on the home page and plays the call to its best ending', async () => {
    const home = await open(server.url);
    expect(await home.locator('html').getAttribute('lang')).toBe('fr');
    await home.getByRole('radio', { name: /Appel d'entraînement/ }).check();
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string): Promise<string> => {
      const href = await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href');
      if (!href) throw new Error(`no link for ${role}`);
      return new URL(href, server.url).toString();
    };
    const [listenerUrl, trainerUrl, observerUrl] = [
      await linkOf('Écoutant·e'),
      await linkOf('Formateur·rice'),
      await linkOf('Observateur·rice'),
    ];
    expect(listenerUrl).toMatch(/\/ecoute\/[\w-]+#k=[\w-]{43}$/);
    await home.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });

    const listener = await open(listenerUrl);
    const trainer = await open(trainerUrl);
    const observer = await open(observerUrl);
    await joinSession(listener, 'Camille');
    // The trainer is signed in: their console joins under the account's name, none asked.
    await joinedByAccount(trainer, TRAINER_NAME);
    await joinSession(observer, 'Groupe A');
    const transcript = (page: Page) => page.getByRole('log');

    await listener.getByText('Le téléphone sonne…').waitFor();
    await listener.getByRole('button', { name: 'Décrocher' }).click();
    await transcript(listener)
      .getByText(/C'est bien le service d'aide pour Internet/)
      .waitFor();
    await transcript(observer)
      .getByText(/C'est bien le service d'aide pour Internet/)
      .waitFor();

    // Nobody speaks for 20 s of session time: the caller worries (in one of the line's wordings,
    // drawn by the session's seed).
    await advanceClock(server.url, 20_000);
    await transcript(listener)
      .getByText(/Vous êtes toujours là\s\?|Vous m'entendez\s\?|Il y a quelqu'un\s\?/)
      .first()
      .waitFor();

    // The trainer sees what the listener cannot, and injects.
    await trainer.getByRole('heading', { name: 'Variables cachées' }).waitFor();
    await expect(trainer.getByRole('meter', { name: /Détresse/ }).count()).resolves.toBe(1);
    await expect(listener.getByRole('meter').count()).resolves.toBe(0);
    // (How fast it arrives is a figure of `test/bench/inject-latency.ts`, not a test.)
    await trainer.getByRole('button', { name: 'On sonne à la porte' }).click();
    await transcript(listener)
      .getByText(/on sonne à la porte/)
      .waitFor();

    // Pause freezes the call for the listener; resume gives it back.
    await trainer.getByRole('button', { name: 'Suspendre la séance' }).click();
    await listener.getByText('Séance suspendue par le ou la formateur·rice').waitFor();
    await expect(listener.getByRole('button', { name: 'Se présenter' }).isDisabled()).resolves.toBe(true);
    await trainer.getByRole('button', { name: 'Reprendre la séance' }).click();
    await listener.getByText('Séance suspendue par le ou la formateur·rice').waitFor({ state: 'detached' });

    const move = async (label: string, heard: RegExp): Promise<void> => {
      await listener.getByRole('button', { name: label }).click();
      await transcript(listener).getByText(heard).last().waitFor();
    };
    await move('Se présenter', /Je vous explique\s: c'est pour mon compte Ameli/);
    await listener
      .getByRole('textbox', { name: 'Ce que je dis' })
      .fill('Je vous écoute, prenez votre temps.');
    await listener.getByRole('textbox', { name: 'Ce que je dis' }).press('Enter');
    await transcript(trainer).getByText('Je vous écoute, prenez votre temps.').waitFor();
    // A line a move may say twice has other wordings, in an order the session's seed draws.
    await move('Reformuler', libraryLineWording('appel-entrainement', 'oui_cest_ca'));
    await move('Guider pas à pas', /Qu'est-ce que je fais/);
    await move('Guider pas à pas', libraryLineWording('appel-entrainement', 'etape_suivante'));
    await listener.screenshot({ path: path.join(artifacts, 'listener.png'), fullPage: true });
    await trainer.screenshot({ path: path.join(artifacts, 'trainer.png'), fullPage: true });
    await move('Guider pas à pas', /je suis dedans/);

    for (const page of [listener, trainer, observer]) {
      await page.getByRole('heading', { name: "Issue de l'appel" }).waitFor();
      await page.getByText('très bien').first().waitFor();
    }
    await observer.screenshot({ path: path.join(artifacts, 'observer.png'), fullPage: true });
    // The observer heard exactly what the listener heard.
    const callerLines = (page: Page) => transcript(page).locator('li').allInnerTexts();
    const heardByListener = (await callerLines(listener)).filter((l) => l.includes('Appelant'));
    const heardByObserver = (await callerLines(observer)).filter((l) => l.includes('Appelant'));
    expect(heardByObserver).toEqual(heardByListener);
    expect(heardByListener.length).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
