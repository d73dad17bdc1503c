// The classroom in a real Chromium through the built server (manual test clock): a trainer
// creates a class, six learners join on their own pages (390×844) with a pseudonym, the trainer
// forms pairs at random (the machine plays the caller: a listener and an observer each) and
// launches three calls at once; each learner opens the link their page received; on the floor
// (1366×768) the trainer whispers to one listener and pauses one call; the calls end — back on
// their group pages (390×844), a listener reads « Appel terminé », its outcome and « Ouvrir mon
// débriefing », an observer no debrief link, the same after a reload — and the
// group debrief compares the three at once (one scenario: no menu), its conditions in words
// (« à partir de la 3ᵉ fois »), at 1366×768 and 390×844. The trainer copies the learners' join link (« Copier » beside
// it, said in a live region); her message to every learner reaches them on their call pages,
// where they are during the round (and again on a page opened after it), apart from the
// transcript, each one dismissible. axe on the floor and on a learner's page; axe of any impact
// on the group debrief at 1366×768 and 390×844. A learner who joins again from another device
// takes her place back (one « Inès » on the floor), never while her page is open, and her old
// page is told so. Her trainer frees her place (« Libérer la place », keyboard, confirmed) when
// her old computer stays open: its pages are told, and her phone takes her place back. The group
// session's help mode and « La machine joue l'appelant·e » stay chosen
// across a reload of its page, and its calls are created in that mode. Reloaded during a round,
// the « Groupes » tab shows that round's roles (no invalid-groups alert); « Tourner les rôles »
// moves the roles, not the rows.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { TRAINER_NAME, signInContext } from '../support/accounts.js';
import { browserSuite } from '../support/browser-suite.js';
import { axeViolations, joinedByAccount, seriousAxeViolations } from '../support/role-pages.js';
import { workspaceRoot } from '../support/server-process.js';
import { libraryLineWording } from '../support/line-wording.js';
import { MANUAL_CLOCK, advanceClock } from '../support/test-clock.js';

const artifacts = path.join(workspaceRoot, 'test', 'artifacts');
const NAMES = ['Ana', 'Bilal', 'Chloé', 'Dan', 'Élise', 'Farid'];

describe('the classroom in a browser', () => {
  const suite = browserSuite(MANUAL_CLOCK);
  const pageErrors: string[] = [];

  async function open(
    url: string,
    viewport: { width: number; height: number },
    signedIn = false,
  ): Promise<Page> {
    const context = await suite.context({ locale: 'fr-FR', viewport });
    if (signedIn) await signInContext(context, suite.server);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  }

  /** The trainer creates a group session on the tutorial call: her floor page and the join link. */
  async function createClass(name: string): Promise<{ floor: Page; joinPage: string }> {
    const floor = await open(`${suite.server.url}/classes`, { width: 1366, height: 768 }, true);
    await floor.getByRole('textbox', { name: 'Nom du groupe' }).fill(name);
    await floor.getByRole('checkbox', { name: /entraînement/ }).check();
    await floor.getByRole('button', { name: 'Créer la séance de groupe' }).click();
    const heading = floor.getByRole('heading', { name: /Code pour rejoindre/ });
    await heading.waitFor();
    const code = /([A-Z2-9]{6})/.exec(await heading.innerText())?.[1] ?? '';
    expect(code).toHaveLength(6);
    return { floor, joinPage: `${suite.server.url}/classe?code=${code}` };
  }

  /** A new page of `viewport` on the join link, `pseudonym` typed and « Rejoindre » pressed. */
  async function joinAs(
    joinPage: string,
    pseudonym: string,
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const page = await open(joinPage, viewport);
    await page.getByRole('textbox', { name: 'Votre pseudonyme' }).fill(pseudonym);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    return page;
  }

  it('plays three calls at once from six learner pages, a whisper and a pause from the floor, and compares them', async () => {
    const { floor, joinPage } = await createClass('Groupe du mardi');

    // The join link the trainer shares: « Copier » beside it, from the keyboard, said in a live region.
    await floor
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const copy = floor.getByRole('button', { name: 'Copier le lien pour rejoindre' });
    expect(await copy.innerText()).toBe('Copier');
    await copy.focus();
    await floor.keyboard.press('Enter');
    await floor.getByRole('status').filter({ hasText: 'Lien copié' }).waitFor();
    expect(await floor.evaluate(() => navigator.clipboard.readText())).toBe(joinPage);
    mkdirSync(artifacts, { recursive: true });
    await floor.screenshot({ path: path.join(artifacts, 'classroom-copy-1366.png') });
    await floor.setViewportSize({ width: 390, height: 844 });
    await floor.screenshot({ path: path.join(artifacts, 'classroom-copy-390.png') });
    expect(await floor.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    await floor.setViewportSize({ width: 1366, height: 768 });

    // Six learners join on their phones with the code (the QR code's link carries it).
    const learners = new Map<string, Page>();
    for (const name of NAMES) {
      const page = await joinAs(joinPage, name, { width: 390, height: 844 });
      await page.getByText(`sous le nom ${name}`).waitFor();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(
        true,
      );
      learners.set(name, page);
    }
    await floor.getByRole('heading', { name: 'Apprenant·es (6)' }).waitFor();

    // Pairs at random, the machine as the caller: three calls, launched at once.
    await floor.getByRole('checkbox', { name: "La machine joue l'appelant·e" }).check();
    await floor.getByRole('button', { name: 'Former au hasard' }).click();
    await floor.getByRole('button', { name: 'Lancer tous les appels' }).click();
    await floor.getByText(/Tour 1 lancé\s:\s3 appel/).waitFor();

    // Each page received its role and link; each learner opens their call.
    const listeners: string[] = [];
    const callPages = new Map<string, Page>();
    for (const [name, page] of learners) {
      const assignment = page.getByText(/Votre rôle/);
      await assignment.waitFor();
      if ((await assignment.innerText()).includes('écoutant·e')) listeners.push(name);
      await page.getByRole('link', { name: 'Ouvrir mon appel' }).click();
      await page.waitForURL(/\/(ecoute|observation)\//);
      callPages.set(name, page);
    }
    expect(listeners).toHaveLength(3);
    for (const name of listeners) {
      const page = callPages.get(name)!;
      const pickup = page.getByRole('button', { name: /^Décrocher/ });
      await pickup.and(page.locator(':enabled')).waitFor();
      await pickup.click();
      // Each listener introduces themself (the phone's « Répondre » view): the three calls take
      // the same transition.
      const views = page.getByRole('navigation', { name: 'Partie de la console affichée' });
      await views.getByRole('button', { name: /^Répondre/ }).click();
      await page.getByRole('button', { name: /^Se présenter/ }).click();
      await views.getByRole('button', { name: /^Conversation/ }).click();
    }

    // The floor: three tiles, connected.
    await floor.getByRole('tab', { name: 'Plateau' }).click();
    const tiles = floor.getByRole('article');
    await tiles.nth(2).waitFor();
    await floor
      .getByText(/^En ligne/)
      .nth(2)
      .waitFor();
    expect(await tiles.count()).toBe(3);

    // A whisper to the first listener only, from their tile.
    const [first, second, third] = listeners as [string, string, string];
    const tileOf = (name: string) =>
      floor.getByRole('article').filter({ hasText: new RegExp(`Écoutant·e\\s:\\s${name}`) });
    await tileOf(first)
      .getByRole('textbox', { name: "Message à chuchoter ou réplique de l'appelant·e" })
      .fill('Présentez-vous.');
    await tileOf(first).getByRole('button', { name: "Chuchoter à l'écoutant·e" }).click();
    await callPages.get(first)!.getByRole('blockquote').getByText('Présentez-vous.').waitFor();
    expect(await callPages.get(second)!.getByText('Présentez-vous.').count()).toBe(0);

    // The trainer's message to every learner: all six are on their call pages (they left their
    // group page for it), where it is said as the trainer's — who, when —, not in the transcript.
    const said = 'On arrête dans 2 minutes.';
    await floor.getByRole('textbox', { name: 'Message à tous les apprenant·es' }).fill(said);
    await floor.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await floor.getByText(/^Message envoyé à 6 apprenant·es\./).waitFor();
    const noticeOf = (page: Page) =>
      page.getByRole('status').filter({
        has: page.getByRole('heading', { name: 'Message de votre formateur·rice' }),
      });
    for (const page of callPages.values()) {
      await noticeOf(page).getByText(said).waitFor();
      await noticeOf(page)
        .getByText(new RegExp(`^Envoyé par ${TRAINER_NAME} à \\d{2}:\\d{2}$`))
        .waitFor();
      expect(await page.getByRole('log').getByText(said).count()).toBe(0);
    }
    // On a phone the listener is down in her transcript: the message stays in sight, under the
    // call status bar, not over it.
    const firstPage = callPages.get(first)!;
    await firstPage.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const inSight = () =>
      firstPage.evaluate(() => {
        const box = document.querySelector('.class-message')!.getBoundingClientRect();
        const bar = document.querySelector('.call-status-bar')!.getBoundingClientRect();
        return window.scrollY > 0 && box.top >= bar.bottom && box.bottom <= window.innerHeight;
      });
    expect(await inSight()).toBe(true);
    await firstPage.screenshot({ path: path.join(artifacts, 'classroom-call-message-390.png') });
    await firstPage.setViewportSize({ width: 1366, height: 768 });
    await firstPage.screenshot({ path: path.join(artifacts, 'classroom-call-message-1366.png') });
    await firstPage.setViewportSize({ width: 390, height: 844 });
    // An observer hides it from the keyboard: gone, the focus on the page's heading (not on the
    // next control). Opened again after it was sent (a reload), the page shows it again: it is
    // the round's last message, a moment old.
    const [observerName, observerPage] = [...callPages].find(([name]) => !listeners.includes(name))!;
    expect(observerName).toBeTruthy();
    await observerPage.getByRole('button', { name: 'Masquer le message' }).focus();
    await observerPage.keyboard.press('Enter');
    await noticeOf(observerPage).waitFor({ state: 'detached' });
    expect(await observerPage.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await observerPage.reload();
    await noticeOf(observerPage).getByText(said).waitFor();

    // A pause of the second call, from its tile: its listener's page says so, not the others'.
    await tileOf(second).getByRole('button', { name: 'Suspendre' }).click();
    await callPages.get(second)!.getByText('Séance suspendue par le ou la formateur·rice').waitFor();
    await tileOf(second).getByText('Suspendu').waitFor();
    expect(
      await callPages.get(third)!.getByText('Séance suspendue par le ou la formateur·rice').count(),
    ).toBe(0);

    // 31 s of call time pass: the running calls' tiles show the silence, the paused one not.
    await advanceClock(suite.server.url, 31_000);
    await tileOf(third)
      .getByText(/^Silence de 3\d\s?s$/)
      .waitFor();
    expect(
      await tileOf(second)
        .getByText(/^Silence de/)
        .count(),
    ).toBe(0);
    expect(await seriousAxeViolations(floor)).toEqual([]);
    // « Écouter » on a tile: the call's observer page joins under the trainer's own name, not asked.
    const listening = await floor.context().newPage();
    await listening.goto(
      new URL((await tileOf(first).getByRole('link', { name: 'Écouter' }).getAttribute('href'))!, floor.url())
        .href,
    );
    await joinedByAccount(listening, TRAINER_NAME);
    await listening.close();
    // On a phone (390×844) the floor reads in one column, nothing wider than the screen.
    const noSideScroll = (p: Page) =>
      p.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
    await floor.setViewportSize({ width: 390, height: 844 });
    expect(await noSideScroll(floor)).toBe(true);
    await floor.setViewportSize({ width: 1366, height: 768 });
    expect(await seriousAxeViolations(callPages.get(first)!)).toEqual([]);

    // Resume and hang up: every call ends.
    await tileOf(second).getByRole('button', { name: 'Reprendre' }).click();
    await callPages
      .get(second)!
      .getByText('Séance suspendue par le ou la formateur·rice')
      .waitFor({ state: 'hidden' });
    // The third asks an open question: a reaction of « Elle explique son problème », its loop on
    // the graph with « 1 appel ».
    const views = (name: string) =>
      callPages.get(name)!.getByRole('navigation', { name: 'Partie de la console affichée' });
    await views(third)
      .getByRole('button', { name: /^Répondre/ })
      .click();
    await callPages
      .get(third)!
      .getByRole('button', { name: /^Question ouverte/ })
      .click();
    // Then reformulates and guides three times: two transitions under a condition (« besoin
    // compris », the 3rd time), which the group debrief says in words; the call ends there.
    const answer = async (label: string, heard: RegExp) => {
      const page = callPages.get(third)!;
      await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
      await page.getByRole('log').getByText(heard).last().waitFor({ state: 'attached' });
    };
    // A line a move may say twice has other wordings, in an order the session's seed draws.
    await answer('Reformuler', libraryLineWording('appel-entrainement', 'oui_cest_ca'));
    await answer('Guider pas à pas', /Qu'est-ce que je fais/);
    await answer('Guider pas à pas', libraryLineWording('appel-entrainement', 'etape_suivante'));
    await answer('Guider pas à pas', /je suis dedans/);
    await views(third)
      .getByRole('button', { name: /^Conversation/ })
      .click();
    for (const name of listeners.filter((listener) => listener !== third)) {
      const page = callPages.get(name)!;
      await page.getByRole('button', { name: /^Raccrocher/ }).click();
    }
    for (const name of listeners) await tileOf(name).getByText('Appel terminé', { exact: false }).waitFor();

    // « Ouvrir mon appel » left the group session page in the same tab: at the end of the call,
    // the call page leads back to it, where the next round's role will arrive.
    const back = callPages.get(listeners[0]!)!;
    const backCall = /\/ecoute\/([^/?#]+)/.exec(back.url())?.[1] ?? '';
    expect(backCall).not.toBe('');
    await back.getByRole('link', { name: 'Retour à la séance de groupe' }).click();
    await back.waitForURL(/\/classe/);
    // (Its round's role comes back at once: « En attente du prochain tour » shows only until it
    // arrives, a moment the test could miss.) It says the call ended and how — not « Ouvrir mon
    // appel » as if it ran —, the listener's debrief, the next round to come; on a phone, and the
    // same after a reload (the server says it, not the page's memory).
    const saysEnded = async (page: Page, debrief: 'listener' | 'none') => {
      await page.getByRole('heading', { level: 1, name: /^Tour 1\s:\sappel terminé$/ }).waitFor();
      expect(await page.title()).toMatch(/Tour 1\s:\sappel terminé/);
      await page
        .getByText(/^Appel terminé\.\sIssue\s:\s(très bien|bien|partiel|échec|interrompu)\.$/)
        .waitFor();
      await page
        .getByText("Le prochain tour s'affichera ici quand le ou la formateur·rice le lancera.")
        .waitFor();
      expect(await page.getByRole('link', { name: 'Ouvrir mon appel' }).count()).toBe(0);
      const link = page.getByRole('link', { name: 'Ouvrir mon débriefing' });
      if (debrief === 'none') expect(await link.count()).toBe(0);
      else expect(await link.getAttribute('href')).toMatch(new RegExp(`^/debrief/${backCall}#k=.+`));
      expect(await noSideScroll(page)).toBe(true);
    };
    expect(back.viewportSize()).toEqual({ width: 390, height: 844 });
    await saysEnded(back, 'listener');
    await back.getByText(/L'écoutant·e a raccroché\./).waitFor();
    await back.screenshot({ path: path.join(artifacts, 'classroom-call-ended-390.png') });
    // The trainer's message of this round, a moment old, is on the group page too.
    await back.getByRole('log').getByText(said).waitFor();
    await back.reload();
    await saysEnded(back, 'listener');
    // An observer of a call back on her group page: told the call ended, no debrief link (the
    // debrief opens to the listener's link and the trainer's).
    await observerPage.getByRole('link', { name: 'Retour à la séance de groupe' }).click();
    await observerPage.waitForURL(/\/classe/);
    await saysEnded(observerPage, 'none');
    // The listener's link opens her debrief.
    await back.getByRole('link', { name: 'Ouvrir mon débriefing' }).click();
    await back.waitForURL(/\/debrief\//);
    await back.getByRole('heading', { level: 1, name: "Débriefing — Appel d'entraînement" }).waitFor();

    // The group debrief compares the three calls as soon as its tab opens: the class played one
    // scenario, named, with no menu nor « Comparer les appels » to press.
    await floor.getByRole('tab', { name: 'Débriefing de groupe' }).click();
    const measures = floor.getByRole('region', { name: 'Mesures', exact: true }).getByRole('table');
    await measures.waitFor();
    const debriefTab = floor.getByRole('tabpanel', { name: 'Débriefing de groupe' });
    await debriefTab.getByText(/^Scénario\s:\sAppel d'entraînement$/).waitFor();
    expect(await floor.getByRole('button', { name: 'Comparer les appels' }).count()).toBe(0);
    expect(await debriefTab.getByRole('combobox', { name: 'Scénario' }).count()).toBe(0);
    expect(await measures.getByRole('row').count()).toBe(4);
    for (const name of listeners) await measures.getByRole('rowheader', { name: new RegExp(name) }).waitFor();
    // The graph draws on its edges how many calls took them: the three introduced themselves.
    const graph = floor.getByRole('figure', { name: /graphe/i });
    await graph.locator('.react-flow__edge-text', { hasText: '3 appels' }).first().waitFor();
    const transitions = floor.getByRole('region', {
      name: "Chemins pris (nombre d'appels)",
      exact: true,
    });
    await transitions
      .getByRole('row')
      .filter({ hasText: /^Accueil.*Se présenter.*3$/ })
      .waitFor();
    // Its conditions in a trainer's words, not the graph's notation (« [« … » fait ≥ 3 fois] »).
    const whenWords = [
      /^Guider pas à pas, une fois «\sbesoin compris \(reformulé\)\s»$/,
      /^Guider pas à pas, à partir de la 3ᵉ fois$/,
    ];
    const whenSaid = async () => {
      for (const words of whenWords) await transitions.getByRole('cell', { name: words }).waitFor();
      expect(await transitions.getByRole('cell', { name: /\[|≥/ }).count()).toBe(0);
      expect(await transitions.getByRole('cell', { name: "Reste dans l'état" }).count()).toBe(0);
      await transitions.getByRole('cell', { name: 'Reste à la même étape' }).first().waitFor();
    };
    await whenSaid();
    mkdirSync(artifacts, { recursive: true });
    await floor.screenshot({
      path: path.join(artifacts, 'classroom-group-debrief-1366.png'),
      fullPage: true,
    });
    // One call chosen: its path highlighted, its times in the table.
    const firstCall = (await floor.getByRole('option', { name: new RegExp(first) }).textContent()) ?? '';
    await floor.getByRole('combobox', { name: 'Chemin mis en évidence' }).selectOption({ label: firstCall });
    await transitions.getByRole('columnheader', { name: "Fois dans l'appel choisi" }).waitFor();
    expect(await graph.locator('.react-flow__edge.state-edge--taken').count()).toBeGreaterThan(0);
    // « Chemin mis en évidence » stands apart from the line of « Comparer les appels » and the
    // exports above it (it sat right under the export links).
    const gapAbovePath = () =>
      floor.evaluate(() => {
        const above = document.querySelector('.group-debrief__pick')?.getBoundingClientRect();
        const path = document.querySelector('.group-debrief__highlight')?.getBoundingClientRect();
        return above && path ? path.top - above.bottom : null;
      });
    expect(await gapAbovePath()).toBeGreaterThanOrEqual(16);
    // The graph's box as tall as the whole graph, down to the endings, on a laptop and on a phone
    // (its edges ran out of the box's bottom to states below it); on a phone the counts in it read
    // whole (« 1 appel » on the loop of « Elle explique son problème » stood past its right side),
    // and each loop an ear on its state's right side, not a frame round the state (drawn round its
    // right half from bottom to top: a thick square).
    const graphLook = () =>
      floor.evaluate(() => {
        const pane = document.querySelector('.group-debrief .state-graph__scroll')!.getBoundingClientRect();
        const counts = Array.from(
          document.querySelectorAll('.group-debrief .react-flow__edge-textwrapper'),
          (label) => label.getBoundingClientRect(),
        ).filter((box) => box.bottom > pane.top && box.top < pane.bottom);
        const nodes = Array.from(document.querySelectorAll('.group-debrief .react-flow__node'));
        const loops = Array.from(document.querySelectorAll('.group-debrief .react-flow__edge'))
          .map((edge) => ({
            names: /^Transition de «\s*(.*?)\s*» vers «\s*(.*?)\s*»/.exec(
              edge.getAttribute('aria-label') ?? '',
            ),
            path: edge.querySelector('.react-flow__edge-path')!.getBoundingClientRect(),
          }))
          .filter(({ names }) => names && names[1] === names[2])
          .map(({ names, path }) => {
            const state = nodes
              .find((node) => node.getAttribute('aria-label')?.startsWith(names![1]!))!
              .getBoundingClientRect();
            return (
              path.left >= state.right - 1 &&
              path.right <= state.right + 40 &&
              path.top >= state.top &&
              path.bottom <= state.bottom
            );
          });
        return {
          states: nodes.length,
          statesOutOfHeight: nodes
            .map((node) => node.getBoundingClientRect())
            .filter((box) => box.top < pane.top || box.bottom > pane.bottom).length,
          counts: counts.length,
          countsCut: counts.filter((box) => box.left < pane.left || box.right > pane.right).length,
          loops: loops.length,
          loopsOnSide: loops.filter(Boolean).length,
        };
      });
    const laptopGraph = await graphLook();
    expect(laptopGraph.states).toBeGreaterThanOrEqual(6);
    expect(laptopGraph.statesOutOfHeight).toBe(0);
    expect(laptopGraph.loopsOnSide).toBe(laptopGraph.loops);
    // axe of any impact on the group debrief, on a laptop and on a phone (no sideways scroll there).
    expect(await axeViolations(floor)).toEqual([]);
    await floor.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(floor)).toEqual([]);
    expect(await noSideScroll(floor)).toBe(true);
    expect(await gapAbovePath()).toBeGreaterThanOrEqual(16);
    await whenSaid();
    await floor.screenshot({ path: path.join(artifacts, 'classroom-group-debrief-390.png'), fullPage: true });
    let onPhone = await graphLook();
    for (let i = 0; i < 20 && onPhone.countsCut > 0; i += 1) {
      await floor.waitForTimeout(200);
      onPhone = await graphLook();
    }
    expect(onPhone.statesOutOfHeight).toBe(0);
    expect(onPhone.counts).toBeGreaterThanOrEqual(3);
    expect(onPhone.countsCut).toBe(0);
    expect(onPhone.loops).toBeGreaterThanOrEqual(2);
    expect(onPhone.loopsOnSide).toBe(onPhone.loops);
    mkdirSync(artifacts, { recursive: true });
    await floor.locator('.group-debrief .graph-panel').screenshot({
      path: path.join(artifacts, 'classroom-group-graph-390.png'),
    });
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('gives a learner her place back when she joins again from another device, and tells her old page', async () => {
    const { floor, joinPage } = await createClass('Groupe du vendredi');

    // Inès joins on her phone; a round makes her the listener of a call with the machine.
    const phone = await joinAs(joinPage, 'Inès', { width: 390, height: 844 });
    await phone.getByText('sous le nom Inès').waitFor();
    await floor.getByRole('heading', { name: 'Apprenant·es (1)' }).waitFor();
    await floor.getByRole('checkbox', { name: "La machine joue l'appelant·e" }).check();
    await floor.getByRole('button', { name: 'Former au hasard' }).click();
    await floor.getByRole('button', { name: 'Lancer tous les appels' }).click();
    await floor.getByText(/Tour 1 lancé\s:\s1 appel/).waitFor();
    await phone.getByText(/Votre rôle\s:\sécoutant·e/).waitFor();

    // On a computer, « ines » while her phone's class page is open: refused, in words; and
    // still while she is in her call on the phone (its listener page is hers alone).
    const computer = await open(joinPage, { width: 1366, height: 768 });
    const refused = computer
      .getByRole('alert')
      .getByText(/^Ce pseudonyme est déjà utilisé dans cette séance/);
    await computer.getByRole('textbox', { name: 'Votre pseudonyme' }).fill('ines');
    await computer.getByRole('button', { name: 'Rejoindre' }).click();
    await refused.waitFor();
    await phone.getByRole('link', { name: 'Ouvrir mon appel' }).click();
    await phone.waitForURL(/\/ecoute\//);
    const callPath = new URL(phone.url()).pathname;
    await phone.getByRole('button', { name: /^Décrocher/ }).waitFor();
    await computer.getByRole('button', { name: 'Rejoindre' }).click();
    await refused.waitFor();

    // The phone dies; on the computer she joins again: her role and her call back, one Inès on
    // the floor. (Until the server has seen the phone's page go, the join is refused: she tries
    // again, as a person would.)
    const phoneContext = phone.context();
    await phone.close();
    const role = computer.getByText(/Votre rôle\s:\sécoutant·e/);
    for (let attempt = 0; attempt < 50 && !(await role.isVisible()); attempt++) {
      await computer.getByRole('button', { name: 'Rejoindre' }).click();
      await role.or(refused).waitFor();
    }
    await role.waitFor();
    await computer.getByRole('heading', { name: /^Tour 1\s:\svous êtes écoutant·e/ }).waitFor();
    const link = await computer.getByRole('link', { name: 'Ouvrir mon appel' }).getAttribute('href');
    expect(link?.split('#')[0]).toBe(callPath);
    await floor.reload();
    await floor.getByRole('heading', { name: 'Apprenant·es (1)' }).waitFor();
    expect(await floor.locator('.classroom-roster__name').allInnerTexts()).toEqual(['Inès']);

    // The phone on again opens the class link: told its place was taken over, the form again
    // with her pseudonym; joining from it now is refused (the computer's page is open).
    const revived = await phoneContext.newPage();
    revived.on('pageerror', (error) => pageErrors.push(error.message));
    await revived.goto(joinPage);
    await revived
      .getByRole('alert')
      .getByText(/^Votre place dans cette séance de groupe a été reprise depuis un autre appareil/)
      .waitFor();
    expect(await revived.getByRole('textbox', { name: 'Votre pseudonyme' }).inputValue()).toBe('Inès');
    await revived.getByRole('button', { name: 'Rejoindre' }).click();
    await revived
      .getByRole('alert')
      .getByText(/^Ce pseudonyme est déjà utilisé dans cette séance/)
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('lets the trainer free the place of a learner whose old computer stays open, from the keyboard, after a confirmation', async () => {
    const { floor, joinPage } = await createClass('Groupe du jeudi');

    // Inès joins on the training room's computer and picks up her call there; Noé joins too.
    const computer = await joinAs(joinPage, 'Inès', { width: 1366, height: 768 });
    await computer.getByText('sous le nom Inès').waitFor();
    await joinAs(joinPage, 'Noé', { width: 390, height: 844 });
    await floor.getByRole('heading', { name: 'Apprenant·es (2)' }).waitFor();
    await floor.getByRole('checkbox', { name: "La machine joue l'appelant·e" }).check();
    await floor.getByRole('button', { name: 'Former au hasard' }).click();
    await floor.getByRole('combobox', { name: 'Rôle de Inès' }).selectOption('listener');
    await floor.getByRole('combobox', { name: 'Rôle de Noé' }).selectOption('observer');
    await floor.getByRole('button', { name: 'Lancer tous les appels' }).click();
    await floor.getByText(/Tour 1 lancé\s:\s1 appel/).waitFor();
    await computer.getByRole('link', { name: 'Ouvrir mon appel' }).click();
    await computer.waitForURL(/\/ecoute\//);
    const callPath = new URL(computer.url()).pathname;
    await computer.getByRole('button', { name: /^Décrocher/ }).click();
    await computer.getByRole('button', { name: /^Raccrocher/ }).waitFor();

    // From her phone, her name is refused while the computer's call page is open.
    const phone = await joinAs(joinPage, 'Inès', { width: 390, height: 844 });
    await phone
      .getByRole('alert')
      .getByText(/^Ce pseudonyme est déjà utilisé dans cette séance/)
      .waitFor();

    // The trainer reaches « Libérer la place » of Inès with Tab from the roster's heading; Enter
    // opens the confirmation (focus on its « Oui »), which says her call goes on; « Annuler »
    // gives the focus back to the button.
    const free = floor.getByRole('button', { name: 'Libérer la place de « Inès »' });
    expect(await free.innerText()).toBe('Libérer la place');
    await floor.getByRole('heading', { name: 'Apprenant·es (2)' }).click();
    // The catalogue's French spacing (no-break spaces) read as plain spaces.
    const focused = () =>
      floor.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? '').replace(/\s+/g, ' '));
    for (let tab = 0; tab < 3 && (await focused()) !== 'Libérer la place de « Inès »'; tab++)
      await floor.keyboard.press('Tab');
    expect(await focused()).toBe('Libérer la place de « Inès »');
    await floor.keyboard.press('Enter');
    const confirmation = floor.getByRole('group', { name: /^Libérer la place de « Inès »\s\?/ });
    await confirmation.getByText(/l'appel continue/).waitFor();
    const yes = confirmation.getByRole('button', { name: 'Oui, libérer la place' });
    expect(await yes.evaluate((button) => button === document.activeElement)).toBe(true);
    mkdirSync(artifacts, { recursive: true });
    await floor.screenshot({ path: path.join(artifacts, 'classroom-free-1366.png'), fullPage: true });
    await floor.setViewportSize({ width: 390, height: 844 });
    expect(await floor.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    await floor.screenshot({ path: path.join(artifacts, 'classroom-free-390.png'), fullPage: true });
    expect(await seriousAxeViolations(floor)).toEqual([]);
    await floor.setViewportSize({ width: 1366, height: 768 });
    await floor.keyboard.press('Tab');
    await floor.keyboard.press('Enter');
    await confirmation.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Libérer la place de « Inès »');
    // Nothing was freed: the phone is still refused.
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    await phone
      .getByRole('alert')
      .getByText(/^Ce pseudonyme est déjà utilisé dans cette séance/)
      .waitFor();

    // Confirmed: the notice says so, the computer's call page says why it closed.
    await floor.keyboard.press('Enter');
    await yes.waitFor();
    await floor.keyboard.press('Enter');
    await floor
      .getByRole('status')
      .getByText(/^Place de\s«\sInès\s»\slibérée/)
      .waitFor();
    // The answer gives the focus back to the button (not to the page).
    await floor.waitForFunction(() => document.activeElement?.matches('.classroom-roster button') ?? false);
    expect(await focused()).toBe('Libérer la place de « Inès »');
    await computer
      .getByRole('alert')
      .getByText(/^Votre formateur·rice a libéré votre place/)
      .waitFor();

    // Her phone takes her place back: her role, her call (the same), picked up where it was.
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    await phone.getByText(/Votre rôle\s:\sécoutant·e/).waitFor();
    await phone.getByRole('link', { name: 'Ouvrir mon appel' }).click();
    await phone.waitForURL(/\/ecoute\//);
    expect(new URL(phone.url()).pathname).toBe(callPath);
    // The call on (« Raccrocher » in the page): a phone opens on her answers, the moves in sight.
    await phone
      .getByRole('button', { name: /^Raccrocher/, includeHidden: true })
      .waitFor({ state: 'attached' });
    await phone.getByRole('heading', { name: "Actions de l'écoutant·e" }).waitFor();
    expect(await floor.locator('.classroom-roster__name').allInnerTexts()).toEqual(['Inès', 'Noé']);
    // The roster the server sent again on her join kept the row and its focus.
    expect(await focused()).toBe('Libérer la place de « Inès »');

    // The computer opens the class link again: told its place was freed, the form with her
    // pseudonym; a join from it is refused while her phone's call page is open.
    await computer.goto(joinPage);
    await computer
      .getByRole('alert')
      .getByText(/^Votre formateur·rice a libéré votre place/)
      .waitFor();
    expect(await computer.getByRole('textbox', { name: 'Votre pseudonyme' }).inputValue()).toBe('Inès');
    await computer.getByRole('button', { name: 'Rejoindre' }).click();
    await computer
      .getByRole('alert')
      .getByText(/^Ce pseudonyme est déjà utilisé dans cette séance/)
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('shows the round’s roles on the « Groupes » tab after a reload during the round, and rotates them in place', async () => {
    const { floor, joinPage } = await createClass('Groupe du mercredi');
    for (const name of ['Inès', 'Noé']) await joinAs(joinPage, name, { width: 390, height: 844 });
    await floor.getByRole('heading', { name: 'Apprenant·es (2)' }).waitFor();
    await floor.getByRole('checkbox', { name: "La machine joue l'appelant·e" }).check();
    await floor.getByRole('button', { name: 'Former au hasard' }).click();
    const role = (name: string) => floor.getByRole('combobox', { name: `Rôle de ${name}` });
    await role('Inès').selectOption('listener');
    await role('Noé').selectOption('observer');
    await floor.getByRole('button', { name: 'Lancer tous les appels' }).click();
    await floor.getByText(/Tour 1 lancé\s:\s1 appel/).waitFor();

    // The table as read: each row's learner and role, top to bottom.
    const rows = () =>
      floor
        .locator('.group-table tbody tr')
        .evaluateAll((trs) =>
          trs.map(
            (tr) => `${tr.querySelector('th')?.textContent} ${tr.querySelectorAll('select')[1]?.value}`,
          ),
        );
    await floor.reload();
    await role('Inès').waitFor();
    expect((await rows()).sort()).toEqual(['Inès listener', 'Noé observer']);
    expect(await floor.getByText(/^Chaque groupe doit avoir/).count()).toBe(0);
    mkdirSync(artifacts, { recursive: true });
    await floor.screenshot({
      path: path.join(artifacts, 'classroom-groups-reload-1366.png'),
      fullPage: true,
    });
    await floor.setViewportSize({ width: 390, height: 844 });
    await floor.screenshot({ path: path.join(artifacts, 'classroom-groups-reload-390.png'), fullPage: true });
    await floor.setViewportSize({ width: 1366, height: 768 });

    const order = (await rows()).map((row) => row.split(' ')[0]);
    await floor.getByRole('button', { name: 'Tourner les rôles' }).click();
    expect((await rows()).map((row) => row.split(' ')[0])).toEqual(order);
    expect(await role('Inès').inputValue()).toBe('observer');
    expect(await role('Noé').inputValue()).toBe('listener');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('keeps the help mode and « La machine joue l’appelant·e » across a reload, and launches its calls in that mode', async () => {
    const { floor, joinPage } = await createClass('Groupe du lundi');
    await joinAs(joinPage, 'Jules', { width: 390, height: 844 });
    await floor.getByRole('heading', { name: 'Apprenant·es (1)' }).waitFor();

    // Each choice is kept as soon as made (its saving awaited before the reload, as a person's
    // reload comes after the page's request left).
    const machine = floor.getByRole('checkbox', { name: "La machine joue l'appelant·e" });
    const noHints = floor.getByRole('radio', { name: /^Sans indices/ });
    const saved = () =>
      floor.waitForResponse((r) => r.url().endsWith('/settings') && r.request().method() === 'PUT' && r.ok());
    expect(await floor.getByRole('radio', { name: /^Guidé/ }).isChecked()).toBe(true);
    await Promise.all([saved(), machine.check()]);
    await Promise.all([saved(), noHints.check()]);
    await floor.reload();
    await floor.getByRole('heading', { name: 'Apprenant·es (1)' }).waitFor();
    expect(await machine.isChecked()).toBe(true);
    expect(await noHints.isChecked()).toBe(true);

    // The round: the machine calls (no caller actor), the trainer's console says « Sans indices ».
    await floor.getByRole('button', { name: 'Former au hasard' }).click();
    expect(await floor.getByRole('combobox', { name: 'Rôle de Jules' }).inputValue()).toBe('listener');
    await floor.getByRole('button', { name: 'Lancer tous les appels' }).click();
    await floor.getByText(/Tour 1 lancé\s:\s1 appel/).waitFor();
    await floor.getByRole('tab', { name: 'Plateau' }).click();
    const consoleLink = floor.getByRole('link', { name: 'Ouvrir la console' });
    await consoleLink.waitFor();
    const trainer = await open(`${suite.server.url}${await consoleLink.getAttribute('href')}`, {
      width: 1366,
      height: 768,
    });
    await trainer.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill('Dominique');
    await trainer.getByRole('button', { name: 'Rejoindre la séance' }).click();
    await trainer.getByText(/^Mode d.aide\s:\sSans indices$/).waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
