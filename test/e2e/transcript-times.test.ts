// The trainer's transcript around the pickup, in a real Chromium through the built server: the
// joins while the phone rings read « avant le décroché » (no call time yet), the same after the
// pickup, and call time starts at the pickup: no time on the trainer's screen goes backwards (the
// joins read session time, 0:30, then the first lines after the pickup 0:00). Session time is the
// test's (`ECOUTE_TEST_CLOCK=manual`): it moves only when the test moves it. Screenshots of the
// console at 1366×768 and 390×844 go to test/artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { TRAINER_NAME, signInContext } from '../support/accounts.js';
import { browserSuite } from '../support/browser-suite.js';
import { joinSession, joinedByAccount } from '../support/role-pages.js';
import { workspaceRoot } from '../support/server-process.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const BEFORE = 'avant le décroché';

/** The trainer's transcript: each entry's text and the time it reads. */
const rows = (page: Page) =>
  page
    .getByRole('log', { name: 'Transcription' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((item) => ({
        text: item.querySelector('.entry__body')?.textContent ?? '',
        time: item.querySelector('.entry__time')?.textContent ?? '',
      })),
    );

/** « m:ss » as seconds; a time before the pickup as -1 (before every call time). */
const seconds = (time: string) => {
  if (time === BEFORE) return -1;
  const [m, s] = time.split(':').map(Number);
  return m! * 60 + s!;
};

describe('the times of the trainer’s transcript around the pickup', () => {
  const suite = browserSuite(MANUAL_CLOCK);

  it('joins while it rings read « avant le décroché », then call time from 0:00, never backwards', async () => {
    mkdirSync(artifacts, { recursive: true });
    const trainerContext = await suite.context({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    await signInContext(trainerContext, suite.server);
    const home = await trainerContext.newPage();
    await home.goto(suite.server.url);
    await home.getByRole('radio', { name: "Appel d'entraînement" }).check();
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string): Promise<string> => {
      const href = await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href');
      if (!href) throw new Error(`no link for ${role}`);
      return new URL(href, suite.server.url).toString();
    };
    const [trainerUrl, listenerUrl, observerUrl] = [
      await linkOf('Formateur·rice'),
      await linkOf('Écoutant·e'),
      await linkOf('Observateur·rice'),
    ];

    const trainer = await trainerContext.newPage();
    await trainer.goto(trainerUrl);
    await joinedByAccount(trainer, TRAINER_NAME);
    // The phone rings for 30 s before the listener comes, 11 s more before the observer does.
    await advanceClock(suite.server.url, 30_000);
    const listener = await (await suite.context({ locale: 'fr-FR' })).newPage();
    await listener.goto(listenerUrl);
    await joinSession(listener, 'Camille');
    await advanceClock(suite.server.url, 11_000);
    const observer = await (await suite.context({ locale: 'fr-FR' })).newPage();
    await observer.goto(observerUrl);
    await joinSession(observer, 'Groupe A');
    const log = trainer.getByRole('log', { name: 'Transcription' });
    await log.getByText('Groupe A rejoint la séance.').waitFor();
    const ringing = await rows(trainer);
    expect(ringing.length).toBeGreaterThanOrEqual(3);
    expect(ringing.map((row) => row.time)).toEqual(ringing.map(() => BEFORE));

    // 5 s more, the listener picks up; 5 s after, says something.
    await advanceClock(suite.server.url, 5_000);
    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await log.getByText('Décroche.').waitFor();
    await advanceClock(suite.server.url, 5_000);
    const field = listener.getByRole('textbox', { name: 'Ce que je dis' });
    await field.fill('Bonjour, je m’appelle Camille, je vous écoute.');
    await field.press('Enter');
    await log.getByText('Bonjour, je m’appelle Camille, je vous écoute.').waitFor();

    const picked = await rows(trainer);
    const pickup = picked.findIndex((row) => row.text.includes('Décroche.'));
    expect(pickup).toBeGreaterThanOrEqual(3);
    // The joins kept their mark; the pickup is 0:00; the words 0:05.
    expect(picked.slice(0, pickup).map((row) => row.time)).toEqual(picked.slice(0, pickup).map(() => BEFORE));
    expect(picked[pickup]!.time).toBe('0:00');
    expect(picked.find((row) => row.text.includes('je vous écoute'))?.time).toBe('0:05');
    const times = picked.map((row) => seconds(row.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The transcript scrolled to its top, where the joins are, for the screenshots.
    await log.evaluate((element) => (element.scrollTop = 0));
    await trainer.screenshot({ path: path.join(artifacts, 'transcript-times-trainer-1366x768.png') });
    await trainer.setViewportSize({ width: 390, height: 844 });
    await log.scrollIntoViewIfNeeded();
    await log.evaluate((element) => (element.scrollTop = 0));
    await trainer.screenshot({ path: path.join(artifacts, 'transcript-times-trainer-390x844.png') });
    // On the phone, « avant le décroché » under the words of the join, at the end of its own line:
    // beside them it squeezed « Camille rejoint la séance. » into a narrow column.
    const join = log.locator('li').filter({ hasText: 'Camille rejoint la séance.' });
    const [words, mark, entry] = await join.evaluate((item) =>
      [item.querySelector('.entry__body')!, item.querySelector('.entry__time')!, item].map((element) => {
        const { top, bottom, left, right } = element.getBoundingClientRect();
        return { top, bottom, left, right };
      }),
    );
    expect(mark!.top).toBeGreaterThanOrEqual(words!.bottom - 1);
    expect(words!.right - words!.left).toBeGreaterThan((entry!.right - entry!.left) * 0.8);
    expect(Math.abs(entry!.right - mark!.right)).toBeLessThan(16);
  }, 180_000);
});
