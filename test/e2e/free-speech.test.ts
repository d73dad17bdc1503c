// « Parole libre » in a real Chromium, through the built server: the session form warns under it
// for a call of the organisation's library whose moves have no example phrases (written so by an
// author, through the API); the trainer creates a session of
// a library call (the student locked out, `etudiante-crous`) in free-speech mode; the listener
// plays it to its best ending by typed sentences only (no move list on the page); one sentence is
// not understood (« Pardon ? ») and the trainer corrects its interpretation, which applies the
// move; each sentence's correction offers the moves offered when it was said; the debrief shows
// the interpretations and the correction. Real time (no scaled clock):
// the call takes well under the caller's timers that matter (battery: 1 % per 40 s).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { PARDON_TEXTS, parseScenario, type Scenario } from '@ecoute/engine';
import type { Debrief } from '@ecoute/protocol';
import { browserSuite } from '../support/browser-suite.js';
import { joinSession, joinedByAccount, seriousAxeViolations } from '../support/role-pages.js';
import { workspaceRoot } from '../support/server-process.js';
import { TRAINER_NAME, addAccountCookie, invitedMember, setupAdministrator } from '../support/accounts.js';
import { anyWording, spokenPattern } from '../support/line-wording.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const SCENARIO = 'etudiante-crous';
/** The library call an author publishes without example phrases. */
const BARE = { id: 'appel-sans-exemples', title: 'Appel sans phrases exemples' };

function loadScenario(id: string): Scenario {
  const parsed = parseScenario(readFileSync(path.join(workspaceRoot, 'scenarios', `${id}.yaml`), 'utf8'), id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return parsed.scenario;
}

/**
 * The listener's sentences, each with the caller's line it must bring (written for this test,
 * apart from the scenario's examples). `null`: a sentence the matcher cannot read.
 */
const SENTENCES: [string, string | null][] = [
  ["Bonsoir, ici Chloé de la ligne d'aide au numérique, je vais vous aider.", 'soulagee'],
  ["Tapez vous-même l'adresse officielle messervices.etudiant.gouv.fr dans la barre.", 'officiel_surprise'],
  ["Cliquez sur « Se connecter », puis dites-moi quand c'est fait.", 'refus_offre'],
  // She offers her passwords: they are refused, and why, before any guiding goes on.
  [
    "Je ne prendrai pas vos mots de passe : je vous guide, et c'est vous qui faites la démarche.",
    'role_compris',
  ],
  ["Hmm, d'accord, bon.", null],
];
const AFTER_CORRECTION: [string, string][] = [
  ["Maintenant, cliquez sur le bouton suivant et dites-moi quand c'est bon.", 'mail_arrive'],
  ["Ensuite, ouvrez la rubrique logement, puis passez à l'étape suivante.", 'connectee'],
  ['Cliquez sur continuer, étape par étape.', 'logement'],
  ['Enfin, cliquez sur le bouton « Envoyer ma demande ».', 'valide'],
];

describe('free speech in the browser', () => {
  const suite = browserSuite();
  const pageErrors: string[] = [];

  let trainerAccount: Record<string, string>;

  /** An author publishes the blank call of the studio with its example phrases taken out. */
  async function publishWithoutExamples(author: Record<string, string>): Promise<void> {
    const library = async (method: string, route: string, body?: unknown): Promise<Response> => {
      const response = await fetch(`${suite.server.url}/api/library${route}`, {
        method,
        headers: { ...author, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
      return response;
    };
    await library('POST', '/calls', { blank: true, ...BARE });
    const { yaml } = (await (await library('GET', `/calls/${BARE.id}/versions/1`)).json()) as {
      yaml: string;
    };
    const bare = yaml.replace(/ {4}# En parole libre.*\n {4}examples:\n(?: {6}- .*\n)+/, '');
    expect(bare).not.toContain('examples:');
    await library('PUT', `/calls/${BARE.id}/draft`, { yaml: bare });
    await library('POST', `/calls/${BARE.id}/publish`);
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const { server } = suite;
    const admin = await setupAdministrator(server);
    const author = await invitedMember(server, admin, {
      email: 'autrice@example.org',
      role: 'author',
      name: 'Ada',
    });
    await publishWithoutExamples(author);
    trainerAccount = await invitedMember(server, admin, {
      email: 'formatrice@example.org',
      role: 'trainer',
      name: TRAINER_NAME,
    });
  }, 60_000);

  async function open(url: string): Promise<Page> {
    const context = await suite.context({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
    // The home page creates sessions for a signed-in trainer.
    await addAccountCookie(context, suite.server, trainerAccount);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  }

  it('plays a library call to its best ending by typed sentences; the trainer corrects one; the debrief shows both', async () => {
    const scenario = loadScenario(SCENARIO);

    const home = await open(suite.server.url);
    // The author's call has no example phrases: under « Parole libre » the form says what free
    // speech would understand of it (the scenarios list counts them), and the choice is described
    // by it; a library call whose moves all have theirs gets no notice.
    const freeSpeech = home.getByRole('radio', { name: /^Parole libre/ });
    await home.getByRole('radio', { name: BARE.title }).check();
    await freeSpeech.check();
    const notice = home.getByText(/^Cet appel n'a pas de phrases exemples pour ses actions/);
    await notice.waitFor();
    expect(await freeSpeech.getAttribute('aria-describedby')).toBe(await notice.getAttribute('id'));
    expect(await seriousAxeViolations(home)).toEqual([]);
    await home.getByRole('radio', { name: scenario.title }).check();
    await notice.waitFor({ state: 'detached' });
    expect(await freeSpeech.getAttribute('aria-describedby')).toBeNull();
    expect(await freeSpeech.isChecked()).toBe(true);
    expect(await seriousAxeViolations(home)).toEqual([]);
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string): Promise<string> => {
      const href = await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href');
      if (!href) throw new Error(`no link for ${role}`);
      return new URL(href, suite.server.url).toString();
    };
    const listenerUrl = await linkOf('Écoutant·e');
    const trainerUrl = await linkOf('Formateur·rice');
    const trainer = await open(trainerUrl);
    const listener = await open(listenerUrl);
    // The signed-in trainer's console joins under the account's name, none asked.
    await joinedByAccount(trainer, TRAINER_NAME);
    await joinSession(listener, 'Camille');
    await trainer.getByText("Mode d'aide\u00a0: Parole libre").first().waitFor();

    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    const transcript = listener.getByRole('log');
    const heard = async (lineId: string): Promise<void> => {
      await transcript
        .getByText(anyWording(scenario.lines[lineId], lineId))
        .last()
        .waitFor({ timeout: 10_000 });
    };
    await heard('allo');
    // No move list in free speech: the listener has their words (and, where the browser has
    // speech recognition, push-to-talk).
    expect(await listener.getByRole('button', { name: 'Reformuler' }).count()).toBe(0);
    const field = listener.getByRole('textbox', { name: 'Ce que je dis' });
    const say = async (text: string): Promise<void> => {
      await field.fill(text);
      await field.press('Enter');
      await transcript.getByText(text).last().waitFor();
    };

    const pardons = () => transcript.getByText(new RegExp(PARDON_TEXTS.map(spokenPattern).join('|')));
    for (const [text, answer] of SENTENCES) {
      await say(text);
      if (answer) await heard(answer);
      else await pardons().first().waitFor({ timeout: 10_000 });
    }
    // The listener's page shows their sentences, not how they were read.
    expect(await transcript.getByText(/→/).count()).toBe(0);

    // The trainer sees every reading live, and corrects the one not understood.
    const panel = trainer.getByRole('region', { name: 'Interprétations' });
    await panel.getByText(/Lue comme\u00a0: Donner l'adresse officielle/).waitFor();
    const item = panel.getByRole('listitem').filter({ hasText: "Hmm, d'accord, bon." });
    await item.getByText(/Non comprise/).waitFor();
    expect(await seriousAxeViolations(trainer)).toEqual([]);
    await trainer.screenshot({ path: path.join(artifacts, 'free-speech-trainer.png'), fullPage: true });
    await item.getByRole('combobox', { name: /^Corriger en/ }).selectOption({ label: 'Guider pas à pas' });
    await item.getByRole('button', { name: 'Corriger' }).click();
    await item.getByText('Corrigée en\u00a0: Guider pas à pas (appliquée)').waitFor();
    await heard('reinit_envoyee');

    // « Corriger en » of the first sentence, read while the call goes on (the forms go at its end).
    const firstItem = panel.getByRole('listitem').filter({ hasText: SENTENCES[0]![0] });
    let firstChoices: string[] = [];
    for (const [i, [text, answer]] of AFTER_CORRECTION.entries()) {
      if (i === AFTER_CORRECTION.length - 1)
        firstChoices = await firstItem
          .getByRole('combobox', { name: /^Corriger en/ })
          .locator('option')
          .allTextContents();
      await say(text);
      await heard(answer);
    }
    await listener
      .getByText(scenario.endings['envoye']!.message.slice(0, 40), { exact: false })
      .first()
      .waitFor();
    expect(await seriousAxeViolations(listener)).toEqual([]);
    await listener.screenshot({ path: path.join(artifacts, 'free-speech-listener.png'), fullPage: true });

    // The debrief: the recorded readings and the correction, in the report and its data.
    const sessionId = new URL(trainerUrl).pathname.split('/').at(-1)!;
    const token = decodeURIComponent(new URL(trainerUrl).hash.replace('#k=', ''));
    const response = await fetch(`${suite.server.url}/api/sessions/${sessionId}/debrief`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const debrief = (await response.json()) as Debrief;
    const inputs = debrief.entries.flatMap((e) => (e.kind === 'input' ? [e.input] : []));
    expect(inputs.filter((i) => i.kind === 'interpret')).toHaveLength(
      SENTENCES.length + AFTER_CORRECTION.length,
    );
    // The pick applied a move the caller hears: it restarted her silence timers (`acted`), as
    // every sentence did.
    expect(inputs.filter((i) => i.kind === 'correct')).toEqual([
      { kind: 'correct', n: 4, move: 'guider_pas_a_pas', applied: true, acted: true },
    ]);
    expect(inputs.flatMap((i) => (i.kind === 'interpret' ? [i.acted] : []))).toEqual(
      Array.from({ length: SENTENCES.length + AFTER_CORRECTION.length }, () => true),
    );
    expect(debrief.measures.outcome).toMatchObject({ ending: 'envoye', outcome: 'best' });
    // « Corriger en » offers each sentence the moves offered when it was said (recorded with
    // it), not those of now (none: the call is over).
    const readings = inputs.flatMap((i) => (i.kind === 'interpret' ? [i] : []));
    const firstOffered = readings[0]?.offered ?? [];
    expect(firstOffered).not.toEqual(readings.at(-1)?.offered);
    expect(firstChoices).toEqual(firstOffered.map((id) => scenario.moves[id]?.label));
    // Once the call is over the server refuses a correction (`session/ended`): the readings stay,
    // as a record, with no form left disabled.
    await firstItem.getByText(/Lue comme/).waitFor();
    expect(await panel.getByRole('combobox').count()).toBe(0);
    expect(await panel.getByRole('button').count()).toBe(0);

    await trainer.getByRole('link', { name: 'Ouvrir le débriefing' }).first().click();
    await trainer.getByRole('heading', { level: 1, name: `Débriefing — ${scenario.title}` }).waitFor();
    // On screen, the transcript up to the last moment: the last sentence with its reading.
    await trainer
      .locator('.moment-transcript')
      .getByText(/→ Guider pas à pas \((assez proche|proche|très proche)\)/)
      .first()
      .waitFor();
    // The printed report (drawn when printing starts): every sentence, its reading, the correction.
    await trainer.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const report = trainer.locator('.print-report');
    await report.waitFor({ state: 'attached' });
    await expect(report.textContent()).resolves.toContain("Hmm, d'accord, bon. → non comprise");
    await expect(report.textContent()).resolves.toContain(
      'Correction du ou de la formateur·rice\u00a0: Guider pas à pas (appliquée)',
    );
    await expect(report.textContent()).resolves.toMatch(
      /Enfin, cliquez sur le bouton « Envoyer ma demande ». → Guider pas à pas \((assez proche|proche|très proche)\)/,
    );
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
