// « Lancer une séance » from the studio, in a real Chromium through the built server: a trainer
// on a library call's page gets the home page's choices before the session is created — who plays
// the caller, the hint mode — keyboard first: the focus on the first choice when the form opens,
// back on the button after Escape; on a phone (390×844) as on a laptop (1366×768). The session
// made is the one chosen: a caller actor's link, « Sans indices » on the trainer's console.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { workspaceRoot } from '../support/server-process.js';
import { studioRigForSuite } from '../support/studio-rig.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

describe('« Lancer une séance » from the studio', () => {
  const rig = studioRigForSuite();

  it('offers the home page’s choices, by keyboard, and creates the session chosen', async () => {
    const page = await rig.pageAs(rig.trainer);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(artifacts, { recursive: true });
    await page.goto(`${rig.server.url}/bibliotheque/appel-entrainement`);
    const launch = page.getByRole('button', { name: /^Lancer une séance \(version \d+\)$/ });
    await launch.waitFor();
    const version = /\d+/.exec((await launch.textContent()) ?? '')![0];
    const form = page.getByRole('form', { name: `Nouvelle séance de la version ${version}` });
    const focused = (locator: ReturnType<typeof form.getByRole>) =>
      locator.evaluate((element) => element === document.activeElement);
    const callerActor = form.getByRole('switch', { name: "Un·e apprenant·e joue l'appelant·e" });
    const noSideScroll = () =>
      page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);

    // On a phone: the form opens from the keyboard on its first choice; Escape closes it, the
    // focus back on the button.
    await page.setViewportSize({ width: 390, height: 844 });
    await launch.focus();
    await page.keyboard.press('Enter');
    await form.waitFor();
    expect(await launch.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(callerActor)).toBe(true);
    await form.getByRole('group', { name: "Mode d'aide de l'écoutant·e" }).waitFor();
    expect(await form.getByRole('radio', { name: /^Guidé/ }).isChecked()).toBe(true);
    expect(await noSideScroll()).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'studio-launch-390.png') });
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
      /^Lancer une séance/,
    );
    // Still on the call's page: nothing was created.
    expect(new URL(page.url()).pathname).toBe('/bibliotheque/appel-entrainement');

    // On a laptop: a learner plays the caller, « Sans indices », then « Créer la séance ».
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Enter');
    await form.waitFor();
    expect(await focused(callerActor)).toBe(true);
    await page.keyboard.press('Space');
    expect(await callerActor.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(form.getByRole('radio', { name: /^Guidé/ }))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: /^Sans indices/ }).isChecked()).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'studio-launch-1366.png') });
    await form.getByRole('button', { name: 'Créer la séance' }).press('Enter');
    await page.waitForURL(/\/sessions\/[^/]+\/liens$/);
    await page.getByRole('heading', { name: "Joueur·se de l'appelant·e" }).waitFor();

    // The session is the one chosen: the trainer's console says its help mode and its caller actor.
    const sessionId = decodeURIComponent(page.url().split('/sessions/')[1]!.split('/')[0]!);
    const shared = await fetch(`${rig.server.url}/api/sessions/${encodeURIComponent(sessionId)}/links`, {
      headers: rig.trainer,
    });
    expect(shared.status).toBe(200);
    const { links } = (await shared.json()) as { links: Record<string, string> };
    expect(links['callerActor']).toBeTruthy();
    await page.goto(`${rig.server.url}${links['trainer']}`);
    await page.getByText(/^Mode d'aide\s:\sSans indices$/).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
