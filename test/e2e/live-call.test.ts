// The live role-play in a real Chromium, through the built server: three pages (listener,
// trainer, observer) play the distress call (`detresse-suicidaire`) to its best ending along its
// best play-through (scenarios/detresse-suicidaire.tests.yaml), with injects, a generic line
// event, pause and resume, a whisper, an ad-lib line, projector mode, a bookmark and a reload of
// the listener in the middle; axe-core checks each page; screenshots go to test/artifacts/.
// Then the tutorial call, played on the listener's console by keyboard alone.
// Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): it stands still while the pages work,
// and the test moves it where the call waits for a timer, so a busy machine changes nothing.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parseScenario, type Scenario } from '@ecoute/engine';
import { launchChromium } from '../support/browser.js';
import { joinSession, joinedByAccount, seriousAxeViolations } from '../support/role-pages.js';
import { startServerProcess, workspaceRoot } from '../support/server-process.js';
import { TRAINER_NAME, signInContext, signedInTrainer } from '../support/accounts.js';
import type { ServerProcess } from '../support/server-process.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';
import { anyWording, snippet } from '../support/line-wording.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');

function loadScenario(id: string): Scenario {
  const text = readFileSync(path.join(workspaceRoot, 'scenarios', `${id}.yaml`), 'utf8');
  const parsed = parseScenario(text, id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return parsed.scenario;
}

/** A recognisable piece of a line's text (the transcript shows it whole). */
describe('a live call in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess(MANUAL_CLOCK);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  }

  it('plays the distress call to its best ending: injects, pause, whisper, ad-lib, reload, projector', async () => {
    const scenario = loadScenario('detresse-suicidaire');
    const moveLabel = (id: string) => scenario.moves[id]?.label ?? id;
    const injectLabel = (id: string) => scenario.injects[id]?.label ?? id;

    // The trainer creates the session on the home page; their console (same browser) then
    // knows every role link.
    const trainerContext = await newContext();
    await signInContext(trainerContext, server);
    const home = await open(trainerContext, server.url);
    await home.getByRole('radio', { name: scenario.title }).check();
    await home.getByRole('button', { name: 'Créer la séance' }).click();
    const linkOf = async (role: string): Promise<string> => {
      const href = await home.getByRole('link', { name: `Ouvrir le lien ${role}` }).getAttribute('href');
      if (!href) throw new Error(`no link for ${role}`);
      return new URL(href, server.url).toString();
    };
    const listenerUrl = await linkOf('Écoutant·e');
    const trainerUrl = await linkOf('Formateur·rice');
    const observerUrl = await linkOf('Observateur·rice');
    expect(await seriousAxeViolations(home)).toEqual([]);

    const trainer = await open(trainerContext, trainerUrl);
    const listener = await open(await newContext(), listenerUrl);
    const observer = await open(await newContext(), observerUrl);
    // The learners' pages first ask a name; the signed-in trainer's console joins under the
    // account's name, none asked.
    expect(await seriousAxeViolations(listener)).toEqual([]);
    await joinedByAccount(trainer, TRAINER_NAME);
    await joinSession(listener, 'Camille');
    await joinSession(observer, 'Groupe A');

    const transcript = (page: Page): Locator => page.getByRole('log');
    const heard = async (page: Page, lineId: string, timeout = 30_000): Promise<void> => {
      await transcript(page)
        .getByText(anyWording(scenario.lines[lineId], lineId))
        .last()
        .waitFor({ timeout });
    };
    const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
    const enabled = async (locator: Locator, timeout = 30_000): Promise<void> => {
      await locator.and(locator.page().locator(':enabled')).waitFor({ timeout });
    };
    const move = async (id: string, answer?: string): Promise<void> => {
      const target = button(listener, moveLabel(id));
      await enabled(target);
      await target.click();
      if (answer) await heard(listener, answer);
    };
    /** The listener says `text`; resolves once the listener's and the trainer's pages show it. */
    const say = async (text: string): Promise<void> => {
      const shown = (page: Page) => transcript(page).getByText(text);
      const [before, beforeTrainer] = [await shown(listener).count(), await shown(trainer).count()];
      const field = listener.getByRole('textbox', { name: 'Ce que je dis' });
      await field.fill(text);
      await field.press('Enter');
      await shown(listener).nth(before).waitFor();
      await shown(trainer).nth(beforeTrainer).waitFor();
    };
    const inject = async (id: string, answer?: string): Promise<void> => {
      const target = button(trainer, injectLabel(id));
      await enabled(target);
      await target.click();
      if (answer) await heard(listener, answer);
    };
    /**
     * The caller must not be left in silence: session time moves on 15 s at a time, with a word
     * after each step, until `done`. The word is on both pages only after what the step's timers
     * caused (the server records in order), so `done` is checked on an up-to-date page.
     */
    const keepTalkingUntil = async (done: () => Promise<boolean>, maxSteps = 40): Promise<void> => {
      for (let step = 0; !(await done()); step++) {
        if (step >= maxSteps) throw new Error(`not done after ${maxSteps} steps of 15 s`);
        await advanceClock(server.url, 15_000);
        await say('Je suis toujours avec vous.');
      }
    };
    const isVisible = (locator: Locator) => async () => (await locator.count()) > 0;

    // The phone rings; the listener picks up.
    await listener.getByText('Le téléphone sonne…').waitFor();
    await button(listener, 'Décrocher').click();
    await heard(listener, 'allo');
    await heard(observer, 'allo');

    // The best play-through, as fast as the pages answer.
    await move('se_presenter', 'explose');
    await move('valider_emotion', 'menace_suicide');
    await move('demander_idees_suicidaires', 'idees_oui');
    await move('alerter_collegue');
    await move('demander_plan', 'plan');
    await move('demander_moyens', 'moyens');
    await say('Je vous écoute, Franck. Je suis là.');

    // The trainer whispers; the listener reads it apart, marked as not heard by the caller.
    const whisper = 'Pense à demander où il est.';
    await trainer.getByRole('textbox', { name: "Message chuchoté à l'écoutant·e" }).fill(whisper);
    await button(trainer, 'Chuchoter').click();
    const whisperPanel = listener.getByRole('region', {
      name: 'Message chuchoté du ou de la formateur·rice',
    });
    await whisperPanel.getByText(whisper).waitFor();
    await whisperPanel.getByText("Non entendu par l'appelant·e").waitFor();
    await observer
      .getByRole('region', { name: 'Message chuchoté du ou de la formateur·rice' })
      .getByText(whisper)
      .waitFor();

    await move('demander_quand', 'quand');
    await move('demander_prenom', 'prenom');
    await move('demander_lieu', 'lieu');

    // The colleague's call goes through (a timer): « secours en route » becomes available.
    const enRoute = button(trainer, injectLabel('secours_en_route'));
    await keepTalkingUntil(async () => enRoute.isEnabled());
    await inject('secours_en_route');
    await move('demander_numero', 'numero');
    await move('expliquer_role', 'role_crise');

    // Pause freezes the call for everyone; resume gives it back.
    await button(trainer, 'Suspendre la séance').click();
    await listener.getByText('Séance suspendue par le ou la formateur·rice').waitFor();
    await listener.locator('.moves button').first().waitFor();
    expect(await listener.locator('.moves button:enabled').count()).toBe(0);
    await observer.getByText('Séance suspendue par le ou la formateur·rice').waitFor();
    await button(trainer, 'Reprendre la séance').click();
    await listener.getByText('Séance suspendue par le ou la formateur·rice').waitFor({ state: 'detached' });

    await move('eloigner_moyens', 'moyens_eloignes');
    await move('annoncer_secours', 'annonce_ok');

    // The listener reloads the page mid-call: back where it was, under the same name.
    const before = await transcript(listener).locator('li').count();
    await listener.reload();
    await listener.getByText('Vous : Camille.').waitFor();
    await heard(listener, 'annonce_ok');
    expect(await transcript(listener).locator('li').count()).toBeGreaterThanOrEqual(before);
    await say('Je suis toujours là, Franck.');

    // A second tab with the same link is told the seat is held (issue 12) and follows the same
    // call read-only; the trainer sees two tabs for the listener; closing it breaks nothing.
    const secondTab = await open(listener.context(), listenerUrl);
    await secondTab.getByText('Vous : Camille.').waitFor();
    await secondTab.getByRole('button', { name: 'Suivre en lecture seule', exact: true }).click();
    await heard(secondTab, 'annonce_ok');
    // The trainer's views are tabs: « Liens et présents » shows who is connected.
    await trainer.getByRole('tab', { name: 'Liens et présents' }).click();
    await trainer.getByRole('region', { name: 'Qui est connecté' }).getByText('(2 onglets)').waitFor();
    await secondTab.close();
    await trainer
      .getByRole('region', { name: 'Qui est connecté' })
      .getByText('(2 onglets)')
      .waitFor({ state: 'detached' });

    await move('valider_emotion', 'souffrance_validee');
    await inject('tele', 'tele');

    // A generic line event: the listener gets the cue, named.
    await button(trainer, 'Grésillements sur la ligne').click();
    await transcript(listener).getByText('(grésillements)').last().waitFor();

    // An ad-lib line typed by the trainer reaches the listener like a scripted one, announced by
    // the transcript's live region.
    const adlib = "Vous savez, j'ai jamais dit tout ça à personne.";
    await trainer.getByRole('textbox', { name: "Réplique improvisée de l'appelant·e" }).fill(adlib);
    await button(trainer, 'Faire dire').click();
    // (The log itself is quiet: one polite region beside it says each new line once.)
    const live = listener.locator('.transcript__announcer').filter({ hasText: adlib });
    await live.waitFor({ state: 'attached' });
    expect(await live.getAttribute('aria-live')).toBe('polite');

    await move('question_ouverte', 'raconte');
    await inject('quelqu_un_entre', 'nadia_entre');
    await move('impliquer_proche', 'nadia_reste');

    // Projector mode: the observers see the hidden variables and the graph.
    await trainer.getByRole('switch', { name: 'Vue projection pour les observateur·rices' }).click();
    await observer.getByRole('heading', { name: 'Variables cachées' }).waitFor();
    await observer.locator('.state-graph .react-flow__node').first().waitFor();
    await expect(listener.getByRole('heading', { name: 'Variables cachées' }).count()).resolves.toBe(0);

    await move('reformuler', 'reformule_ok');

    // The trainer bookmarks the moment with « B » (a single key: with focus among the controls).
    await trainer.getByRole('button', { name: /Marquer ce moment/ }).focus();
    await trainer.keyboard.press('b');
    const comment = trainer.getByRole('textbox', { name: 'Commentaire du repère (facultatif)' });
    await comment.fill('Nadia entre : bon relais');
    await comment.press('Enter');
    await trainer.getByRole('region', { name: 'Repères' }).getByText('Nadia entre : bon relais').waitFor();

    await move('rester_present', 'presence');
    await move('question_ouverte', 'raconte_nuits');

    // Every console, mid-call, as people see it; and no serious accessibility violation.
    await trainer.getByRole('tab', { name: 'Courbes' }).click();
    await trainer.locator('.variable-curves canvas').first().waitFor();
    await trainer.getByRole('tab', { name: 'Liens et présents' }).click();
    await trainer.getByRole('region', { name: 'Qui est connecté' }).getByText('Camille').waitFor();
    await trainer.getByRole('region', { name: 'Qui est connecté' }).getByText('Groupe A').waitFor();
    await trainer.getByRole('tab', { name: 'Graphe' }).click();
    await trainer.locator('.state-graph .react-flow__node').first().waitFor();
    await listener.screenshot({ path: path.join(artifacts, 'live-listener.png'), fullPage: true });
    await trainer.screenshot({ path: path.join(artifacts, 'live-trainer.png'), fullPage: true });
    await observer.screenshot({ path: path.join(artifacts, 'live-observer.png'), fullPage: true });
    for (const page of [listener, trainer, observer]) expect(await seriousAxeViolations(page)).toEqual([]);
    await say('Ils ne vont plus tarder.');

    // The emergency services ring at his door while he is still on the line.
    await keepTalkingUntil(
      isVisible(
        transcript(listener).getByText(anyWording(scenario.lines.ils_sont_la_prevenu, 'ils_sont_la_prevenu')),
      ),
    );
    // He thanks the listener for staying (the steps of 15 s stopped before the firefighter's 15 s
    // ran out); 15 s later a firefighter takes the phone.
    await move('rester_present', 'merci_reste');
    await advanceClock(server.url, 15_000);
    await heard(listener, 'pompier');
    await move('cloturer_appel', 'pompier_au_revoir');

    for (const page of [listener, trainer, observer]) {
      await page.getByRole('heading', { name: "Issue de l'appel" }).waitFor();
      await page.getByRole('region', { name: "Issue de l'appel" }).getByText('très bien').waitFor();
    }
    // The observer heard exactly what the listener heard.
    const callerLines = (page: Page) => transcript(page).locator('li.entry--caller').allInnerTexts();
    expect(await callerLines(observer)).toEqual(await callerLines(listener));
    expect(pageErrors).toEqual([]);
  }, 600_000);

  it('plays the tutorial call on the listener console by keyboard alone', async () => {
    const scenario = loadScenario('appel-entrainement');
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: 'appel-entrainement' }),
    });
    const { links } = (await created.json()) as { links: Record<string, string> };
    const listener = await open(await newContext(), `${server.url}${links.listener}`);
    const keyboard = listener.keyboard;
    const heard = (lineId: string) =>
      listener.getByRole('log').getByText(anyWording(scenario.lines[lineId], lineId)).last().waitFor();
    const focusedName = () =>
      listener.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    /** Tab through the page until the focused element's text starts with `name`, then Enter. */
    const tabTo = async (name: string): Promise<void> => {
      for (let i = 0; i < 80; i++) {
        await keyboard.press('Tab');
        if ((await focusedName()).startsWith(name)) return;
      }
      throw new Error(`Tab never reached « ${name} »`);
    };
    /** The shortcut a move button shows (read from the page, then typed). */
    const shortcutOf = async (label: string): Promise<string> => {
      const keys = await listener
        .getByRole('button', { name: label, exact: true })
        .getAttribute('aria-keyshortcuts');
      if (!keys) throw new Error(`no shortcut for ${label}`);
      return keys;
    };

    // The name field has the focus: type, Enter.
    await listener.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).waitFor();
    await keyboard.type('Alex');
    await keyboard.press('Enter');
    await listener.getByText('Vous : Alex.').waitFor();
    await listener.getByText('Le téléphone sonne…').waitFor();

    // Pick up with Tab and Enter.
    await tabTo('Décrocher');
    await keyboard.press('Enter');
    await heard('allo');

    // Moves by their shortcuts, which act in the answer area only (WCAG 2.1.4): Alt+J goes to
    // « Ce que je dis », Escape to the moves' heading; then the words by Alt+J, typed, Enter, Escape.
    await keyboard.press('Alt+J');
    await keyboard.press('Escape');
    await keyboard.press(await shortcutOf('Se présenter'));
    await heard('explique');
    await keyboard.press('Alt+J');
    await keyboard.type('Je vous écoute, prenez votre temps.');
    await keyboard.press('Enter');
    await listener.getByRole('log').getByText('Je vous écoute, prenez votre temps.').waitFor();
    // Digits typed in the field are text, never shortcuts.
    await keyboard.type('1');
    expect(await listener.getByRole('textbox', { name: 'Ce que je dis' }).inputValue()).toBe('1');
    await keyboard.press('Backspace');
    await keyboard.press('Escape');
    await keyboard.press(await shortcutOf('Reformuler'));
    await heard('oui_cest_ca');
    await keyboard.press(await shortcutOf('Guider pas à pas'));
    await heard('on_y_va');
    await keyboard.press(await shortcutOf('Guider pas à pas'));
    await heard('etape_suivante');
    // The last one with Tab and Enter, from the moves' heading.
    await tabTo('Guider pas à pas');
    await keyboard.press('Enter');
    await heard('connectee');
    await listener.getByRole('region', { name: "Issue de l'appel" }).getByText('très bien').waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('lets a learner play the caller from cue cards: their lines reach the listener', async () => {
    const scenario = loadScenario('appel-entrainement');
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: 'appel-entrainement', callerActor: true }),
    });
    const { links } = (await created.json()) as { links: Record<string, string> };
    expect(links.callerActor).toMatch(/^\/appelant\//);
    const actor = await open(await newContext(), `${server.url}${links.callerActor}`);
    const listener = await open(await newContext(), `${server.url}${links.listener}`);
    const trainer = await open(await newContext(), `${server.url}${links.trainer}`);
    await joinSession(actor, 'Sam');
    await joinSession(listener, 'Alex');
    await joinSession(trainer, 'Dominique');
    await trainer.getByRole('tab', { name: 'Liens et présents' }).click();
    await trainer.getByRole('region', { name: 'Qui est connecté' }).getByText('Sam').waitFor();

    // The cue cards: who they play, with the secrets the listener does not know.
    const persona = actor.getByRole('region', { name: 'Votre personnage' });
    await persona.getByText(scenario.persona.name).waitFor();
    expect(await seriousAxeViolations(actor)).toEqual([]);

    await listener.getByRole('button', { name: 'Décrocher', exact: true }).click();
    // The machine suggests its line; the actor says it, and the listener hears it.
    const allo = snippet(scenario.lines.allo?.text ?? '');
    const suggestions = actor.getByRole('region', { name: 'Répliques suggérées' });
    await suggestions.getByText(allo, { exact: false }).waitFor();
    await suggestions.getByRole('button', { name: 'Dire cette réplique', exact: true }).first().click();
    await listener.getByRole('log').getByText(allo, { exact: false }).waitFor();
    // Their own words too.
    const own = 'Je suis un peu perdue avec cet ordinateur.';
    await actor.getByRole('textbox', { name: 'Ma réplique' }).fill(own);
    await actor.getByRole('textbox', { name: 'Ma réplique' }).press('Enter');
    await listener.locator('.transcript__announcer').getByText(own).waitFor({ state: 'attached' });
    await trainer.getByRole('log').getByText(own).first().waitFor();
    await actor.screenshot({ path: path.join(artifacts, 'live-caller-actor.png'), fullPage: true });

    // On a phone: the card is the character's, written for the one who plays — who first, then
    // the story —, never the trainers' summary of the exercise.
    await actor.setViewportSize({ width: 390, height: 844 });
    const who = (await persona.locator('p').first().innerText()).replace(/\s+/g, ' ');
    const { name, age, place, background } = scenario.persona;
    expect(who).toContain(`${name}, ${age} ans`);
    expect(who).toContain(place);
    await persona.getByText(snippet(background)).waitFor();
    expect(await actor.locator('body').innerText()).not.toContain(snippet(scenario.summary));
    expect(await actor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The listener's move that ends the call: the caller's last line is the actor's to say, the
    // call ends after it, and the listener hears it before the outcome, as a machine-played call.
    const offered = (id: string) => suggestions.getByText(anyWording(scenario.lines[id], id));
    const move = async (label: string, answer: string) => {
      await listener.getByRole('button', { name: label, exact: true }).click();
      await offered(answer).waitFor();
    };
    await move('Se présenter', 'explique');
    await move('Reformuler', 'oui_cest_ca');
    await move('Guider pas à pas', 'on_y_va');
    await move('Guider pas à pas', 'etape_suivante');
    await move('Guider pas à pas', 'connectee');
    const outcome = (page: Page) => page.getByRole('region', { name: "Issue de l'appel" });
    expect(await outcome(actor).count()).toBe(0);
    expect(await outcome(listener).count()).toBe(0);
    await actor.screenshot({
      path: path.join(artifacts, 'live-caller-actor-closing-390.png'),
      fullPage: true,
    });
    const closing = anyWording(scenario.lines.connectee, 'connectee');
    await suggestions
      .getByRole('listitem')
      .filter({ hasText: closing })
      .getByRole('button', { name: 'Dire cette réplique', exact: true })
      .click();
    await listener.getByRole('log').getByText(closing).waitFor();
    await outcome(listener).getByText('très bien').waitFor();
    await outcome(actor).getByText('très bien').waitFor();
    // In the listener's transcript the line comes before the end of the call.
    // Every entry of the log, those hidden from a screen reader while the announcer says them too.
    const items = await listener.getByRole('log').locator('li').allInnerTexts();
    const lineAt = items.findIndex((text) => closing.test(text));
    expect(lineAt).toBeGreaterThanOrEqual(0);
    expect(items.slice(lineAt + 1).some((text) => text.includes("Fin de l'appel"))).toBe(true);
    await actor.screenshot({ path: path.join(artifacts, 'live-caller-actor-ended-390.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("a call with notes for the trainer: the caller actor's card has the caller's story, the trainer's panel the notes", async () => {
    const scenario = loadScenario('etudiante-crous');
    const { background, trainerNotes } = scenario.persona;
    expect(trainerNotes).toBeDefined();
    const words = (text: string) => text.replace(/\s+/g, ' ');
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: 'etudiante-crous', callerActor: true }),
    });
    const { links } = (await created.json()) as { links: Record<string, string> };
    const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    contexts.push(phone);
    const actor = await open(phone, `${server.url}${links.callerActor}`);
    const trainer = await open(await newContext(), `${server.url}${links.trainer}`);
    await joinSession(actor, 'Sam');
    await joinSession(trainer, 'Dominique');

    // On a phone, « Votre personnage » (actor.persona.heading): her story, none of the notes.
    const persona = actor.getByRole('region', { name: 'Votre personnage' });
    await persona.getByText(snippet(background)).waitFor();
    const page = words(await actor.locator('body').innerText());
    expect(page).not.toContain(words(trainerNotes!).slice(0, 40));
    for (const notesWords of ['Leviers', 'Dans la réalité', 'formateur'])
      expect([notesWords, page.includes(notesWords)]).toEqual([notesWords, false]);
    expect(await actor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await actor.screenshot({
      path: path.join(artifacts, 'trainer-notes-caller-actor-390.png'),
      fullPage: true,
    });

    // The trainer's « Appelant·e » tab (trainer.tabs.caller): the notes under their heading
    // (trainer.persona.trainerNotes), after the story.
    await trainer.getByRole('tab', { name: 'Appelant·e' }).click();
    const notes = trainer.getByRole('region', { name: 'Notes pour le formateur·rice' });
    await notes.waitFor();
    expect(words(await notes.innerText())).toContain(words(trainerNotes!).slice(0, 80));
    await trainer.screenshot({
      path: path.join(artifacts, 'trainer-notes-trainer-1366.png'),
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
