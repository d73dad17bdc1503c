// The authoring studio in a real Chromium, through the built server: the listener's console
// loads none of the studio's code (CodeMirror, the lint worker); an author creates a call from
// the blank template in « Bibliothèque d'appels », sees the engine's lint inline while typing
// (an error at its line, then gone), publishes it; a trainer finds it in « Nouvelle séance » and the
// class form, starts a session of that version and
// the listener hears its first line. axe on the library and the editor. Prints the studio's
// scripts (gzipped) and the keystroke-to-diagnostics samples of the page.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { frenchText } from '@ecoute/engine';
import { joinSession, seriousAxeViolations } from '../support/role-pages.js';
import { settledFocus } from '../support/browser.js';
import { studioRigForSuite } from '../support/studio-rig.js';
import { openCallText } from '../support/studio-text.js';

describe('the authoring studio in the browser', () => {
  const rig = studioRigForSuite();

  /** A page signed in as `account` (null: nobody), and the scripts it loads. */
  async function pageAs(
    account: Record<string, string> | null,
  ): Promise<{ page: Page; scripts: Map<string, Promise<Buffer>> }> {
    const page = await rig.pageAs(account);
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      const url = response.url();
      if (url.endsWith('.js') && !scripts.has(url)) scripts.set(url, response.body());
    });
    return { page, scripts };
  }

  const contains = async (scripts: Map<string, Promise<Buffer>>, needle: string) => {
    for (const body of scripts.values()) if ((await body).includes(needle)) return true;
    return false;
  };

  it('an author writes and publishes a call; a trainer plays it; the listener loads none of the studio', async () => {
    const started = performance.now();
    const { page, scripts } = await pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque`);
    await page.getByRole('heading', { level: 1, name: "Bibliothèque d'appels" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A title is all a new call asks: its id, made from the title by the server, waits folded under
    // « Options avancées » for who wants another.
    const newCall = page.getByRole('form', { name: 'Nouvel appel' });
    expect(
      await newCall.locator('input').evaluateAll((fields) => fields.map((f) => f.checkVisibility())),
    ).toEqual([true, false]);
    await page.getByLabel("Titre de l'appel").fill('Appel de Camille');
    await page.getByRole('button', { name: 'Créer à partir du modèle vierge' }).click();
    await page.getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel de Camille" }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/bibliotheque/appel-de-camille');
    // The blank template's placeholders, each a warning that names the part and the form where it
    // is written: the summary trainers read in their list of calls, the caller, the caller's story.
    const placeholders = page.getByRole('button', { name: /^0 erreur, 3 avertissements/ });
    await placeholders.click();
    const issues = page.getByRole('list', { name: 'Erreurs et avertissements du texte' });
    for (const part of [
      { code: 'lint.template_text.summary' } as const,
      { code: 'lint.template_text.persona', params: { name: 'Camille', age: 40, place: 'Lyon' } } as const,
      { code: 'lint.template_text.background' } as const,
    ])
      await issues.getByText(frenchText(part), { exact: false }).waitFor();
    await placeholders.click();

    // The call's text, folded under the forms, unfolded: the state list is then the keyboard path to
    // a state's YAML, its text selected in the editor.
    await openCallText(page);
    await page.getByRole('button', { name: 'Accueil', exact: true }).click();
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected).toContain('accueil:');
    // The cursor in that state highlights it (the list marks it as current).
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.getByRole('button', { name: 'Accueil', exact: true }).getAttribute('aria-current'),
    ).toBe('true');

    // The engine's lint, inline while typing: a state renamed with an accent is an error at its line.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('é');
    await page.getByText('1 erreur,').waitFor();
    await page.locator('.cm-lint-marker-error').first().waitFor();
    // With an issue the count is a button again: it opens the list of what to fix.
    await page.getByRole('button', { name: /^1 erreur,/ }).waitFor();
    await page.keyboard.press('Backspace');
    await page.getByText('0 erreur,').waitFor();
    // Tab indents in the editor; how to leave it is said under it, read with it, and works.
    const keys = await page
      .locator('.cm-content')
      .evaluate(
        (content) => document.getElementById(content.getAttribute('aria-describedby') ?? '')?.textContent,
      );
    expect(keys).toMatch(/Échap, puis Tab/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-content') === null)).toBe(true);

    // Test-play the draft in the page (no session): pick up, introduce oneself, the call ends.
    await page.getByRole('button', { name: "Tester l'appel" }).click();
    const play = page.getByRole('region', { name: "Test de l'appel" });
    await play.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await play.getByText("Allô ? Bonjour, j'ai besoin d'aide.").first().waitFor();
    // « Décrocher » disabled itself: as on the listener's console (547c471), the focus goes to the
    // answers, the listener's turn — not to the page, nor left on the status line.
    expect(await settledFocus(page, /^h3: Actions de l'écoutant·e$/)).toBe("h3: Actions de l'écoutant·e");
    // Its clock reads as the consoles' (« 0:00 », not « 00:00 »).
    await play
      .locator('.test-play__status')
      .getByText(/^Temps de l'appel\s?:\s0:00 — En ligne\.$/)
      .waitFor();
    await play.getByRole('button', { name: /Se présenter/ }).click();
    await play.getByText(/Appel terminé — La personne a été écoutée et aidée\./).waitFor();
    // Coverage: the generated play-throughs reach both states of the blank template.
    await page.getByRole('button', { name: 'Lancer les tests de parcours' }).click();
    await page.getByText(/états atteints\s*:\s*2 sur 2/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Publishing with the placeholders left is not refused (a warning never is), but the question
    // names them, and its answer is « Publier quand même ».
    const publish = page.getByRole('button', { name: 'Publier', exact: true });
    await publish.click();
    const asked = page.getByRole('group', { name: /^Publier la version 1\s?\?/ });
    expect(
      await asked
        .getByRole('list', { name: 'Parties encore celles du modèle vierge' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(
      [
        "le résumé de l'appel (« À décrire… »)",
        'la personne qui appelle (Camille, 40 ans, Lyon)',
        "l'histoire de la personne (« À décrire… »)",
      ].map((words) => words.replace(/([«])\s/g, '$1\u00a0').replace(/\s([»])/g, '\u00a0$1')),
    );
    expect(await settledFocus(page, /^button: Publier quand même$/)).toBe('button: Publier quand même');
    await page.keyboard.press('Escape');
    expect(await settledFocus(page, /^button: Publier$/)).toBe('button: Publier');
    // Written in the forms (the caller's tab, first): no warning left, the count a status, not a
    // button (a disabled one read as a control the author could not use).
    const persona = page
      .getByRole('region', { name: 'Formulaires' })
      .getByRole('tabpanel', { name: 'Personne' });
    await persona
      .getByLabel('Résumé', { exact: true })
      .fill("Un père inquiet pour son fils, qui n'arrive pas à s'inscrire au lycée.");
    await persona.getByLabel('Prénom et nom', { exact: true }).fill('Karim Benali');
    await persona.getByLabel('Âge', { exact: true }).fill('47');
    await persona.getByLabel('Lieu', { exact: true }).fill('Roubaix');
    await persona
      .getByLabel('Son histoire', { exact: true })
      .fill('Il travaille de nuit, son fils a 15 ans.');
    await page.getByText(/^0 erreur, 0 avertissement/).waitFor();
    expect(await page.getByRole('button', { name: /^0 erreur,/ }).count()).toBe(0);

    // « Publier » asks first, saying what publishing does; nothing is published meanwhile.
    await publish.click();
    const question = page.getByRole('group', { name: /^Publier la version 1\s?\?/ });
    await question.waitFor();
    expect(await question.textContent()).toMatch(/nouvelles séances/);
    const confirm = question.getByRole('button', { name: 'Confirmer la publication' });
    expect(await settledFocus(page, /^button: Confirmer la publication$/)).toBe(
      'button: Confirmer la publication',
    );
    await page.keyboard.press('Escape');
    expect(await settledFocus(page, /^button: Publier$/)).toBe('button: Publier');
    const unpublished = await fetch(`${rig.server.url}/api/library/calls/appel-de-camille`, {
      headers: rig.author,
    });
    expect(((await unpublished.json()) as { published?: number }).published).toBeUndefined();
    // By keyboard: Enter asks, Enter on the focused « Confirmer la publication » publishes.
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    expect(await settledFocus(page, /^button: Confirmer la publication$/)).toBe(
      'button: Confirmer la publication',
    );
    await page.keyboard.press('Enter');
    await page.getByText('Version 1 publiée.').waitFor();
    const authorMs = performance.now() - started;
    expect(await contains(scripts, 'cm-editor')).toBe(true);
    // « Publier » again with nothing changed: refused and said on the page, no version 2 for nothing.
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/^Rien à publier\s*: le brouillon est identique/)
      .waitFor();
    // Said at once, not asked about first.
    expect(await page.getByRole('group', { name: /^Publier la version/ }).count()).toBe(0);
    // …and no draft was made for it.
    const call = await fetch(`${rig.server.url}/api/library/calls/appel-de-camille`, { headers: rig.author });
    expect(((await call.json()) as { draft?: number }).draft).toBeUndefined();

    const timings = await page.evaluate(
      () =>
        (window as unknown as { __ecouteLintTimings?: { samples: { total: number; worker: number }[] } })
          .__ecouteLintTimings?.samples ?? [],
    );
    let studioRaw = 0;
    let studioGzip = 0;
    for (const [url, body] of scripts) {
      if (!/EditorPage|LibraryPage|TestPlayPanel|coverage\.worker/.test(url)) continue;
      const bytes = await body;
      studioRaw += bytes.length;
      studioGzip += gzipSync(bytes, { level: 9 }).length;
    }
    console.log(
      `studio: author path ${(authorMs / 1000).toFixed(1)} s; studio chunks ${(studioRaw / 1024).toFixed(0)} kB, gzip ${(studioGzip / 1024).toFixed(0)} kB; ` +
        `keystroke → diagnostics (ms, total/worker): ${timings.map((s) => `${s.total.toFixed(0)}/${s.worker.toFixed(0)}`).join(' ')}`,
    );

    // A trainer finds the published call where sessions and classes are created…
    const trainerPage = await pageAs(rig.trainer);
    await trainerPage.page.goto(`${rig.server.url}/`);
    await trainerPage.page.getByRole('radio', { name: 'Appel de Camille' }).waitFor();
    await trainerPage.page.goto(`${rig.server.url}/classes`);
    await trainerPage.page.getByRole('checkbox', { name: 'Appel de Camille' }).waitFor();
    // Meanwhile the author goes on with a draft of version 2 (the title changed, on the text's
    // first lines: drawn by the editor, which draws only what is in view).
    const v1 = (await (
      await fetch(`${rig.server.url}/api/library/calls/appel-de-camille/versions/1`, { headers: rig.author })
    ).json()) as { yaml: string };
    expect(v1.yaml).toContain('title: "Appel de Camille"\n');
    const drafted = await fetch(`${rig.server.url}/api/library/calls/appel-de-camille/draft`, {
      method: 'PUT',
      headers: { ...rig.author, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        yaml: v1.yaml.replace('title: "Appel de Camille"\n', 'title: "Appel de Camille (en cours)"\n'),
      }),
    });
    expect(drafted.status).toBe(200);
    // …and opens it in the library to start a session of the published version.
    await trainerPage.page.goto(`${rig.server.url}/bibliotheque/appel-de-camille`);
    // A trainer reads the organisation's calls, never writes them (the server refuses): the page
    // says so and offers nothing that would be refused — no save, no publish, no forms, no typing.
    await trainerPage.page.getByText(/^Lecture seule\s?: les auteur·rices et administrateur·rices/).waitFor();
    expect(await trainerPage.page.getByRole('button', { name: 'Enregistrer le brouillon' }).count()).toBe(0);
    expect(await trainerPage.page.getByRole('button', { name: 'Publier', exact: true }).count()).toBe(0);
    expect(await trainerPage.page.getByRole('heading', { name: 'Formulaires' }).count()).toBe(0);
    const readText = trainerPage.page.locator('.cm-content');
    expect(await readText.getAttribute('aria-readonly')).toBe('true');
    // What the trainer reads, and tests, is the published version the session will play, not the
    // author's draft in progress.
    await readText.getByText('title: "Appel de Camille"').waitFor();
    await trainerPage.page
      .getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel de Camille", exact: true })
      .waitFor();
    expect(await readText.textContent()).not.toContain('(en cours)');
    const before = await readText.textContent();
    await readText.click();
    await trainerPage.page.keyboard.type('xyz');
    expect(await readText.textContent()).toBe(before);
    await trainerPage.page.getByRole('button', { name: 'Lancer une séance (version 1)' }).click();
    // The home page's choices first (studio-launch.test.ts): the defaults, the machine as the caller.
    await trainerPage.page.getByRole('button', { name: 'Créer la séance' }).click();
    await trainerPage.page.waitForURL(/\/sessions\/[^/]+\/liens$/);
    // The links' page says which call they open.
    await trainerPage.page.getByText(/^Appel\s?: Appel de Camille, version 1/).waitFor();
    // Opened from its address alone (a bookmark, another tab) or reloaded, it still names the
    // session: the server's answer carries the call's title and version, and the session's date.
    const namedWithDate =
      /^Appel\s?: Appel de Camille, version 1 — séance du \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;
    const bookmarked = await rig.pageAs(rig.trainer);
    await bookmarked.goto(trainerPage.page.url());
    await bookmarked.getByText(namedWithDate).waitFor();
    expect(await bookmarked.title()).toMatch(
      /^Liens de la séance · Appel de Camille · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · /,
    );
    await trainerPage.page.reload();
    await trainerPage.page.getByText(namedWithDate).waitFor();
    const sessionId = decodeURIComponent(trainerPage.page.url().split('/sessions/')[1]!.split('/')[0]!);
    const shared = await fetch(`${rig.server.url}/api/sessions/${encodeURIComponent(sessionId)}/links`, {
      headers: rig.trainer,
    });
    expect(shared.status).toBe(200);
    const { links } = (await shared.json()) as { links: Record<string, string> };
    const listener = await pageAs(null);
    await listener.page.goto(`${rig.server.url}${links['listener']}`);
    await joinSession(listener.page, 'Léa');
    await listener.page.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await listener.page.getByText("Allô ? Bonjour, j'ai besoin d'aide.").first().waitFor();
    // Once picked up, the listener's console takes the focus to the answers: it is the listener's
    // turn (the pick-up's button is gone).
    expect(await settledFocus(listener.page, /^h2: Actions de l'écoutant·e$/)).toBe(
      "h2: Actions de l'écoutant·e",
    );
    await listener.page.waitForLoadState('networkidle');
    expect(await contains(listener.scripts, 'cm-editor')).toBe(false);
    expect(await contains(listener.scripts, 'lint.worker')).toBe(false);
  }, 180_000);

  it('a built-in call says « Dupliquez-le pour le modifier » and its page makes the copy', async () => {
    // The rig's page as is: no script bodies read (one still loading when the suite closes its
    // browser would be refused, unhandled).
    const page = await rig.pageAs(rig.author);
    await page.goto(`${rig.server.url}/bibliotheque/appel-entrainement`);
    await page.getByText(/^Appel de la bibliothèque intégrée\s?: lecture seule\. Dupliquez-le/).waitFor();
    // Nothing typed in a built-in is kept: its text is read-only.
    expect(await page.locator('.cm-content').getAttribute('aria-readonly')).toBe('true');
    await page.getByRole('button', { name: 'Dupliquer', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: "Atelier d'écriture : Appel d'entraînement (copie)" })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/bibliotheque/appel-entrainement-copie');
    // The copy is the author's to write: its text takes typing, its draft can be saved.
    expect(await page.locator('.cm-content').getAttribute('aria-readonly')).toBeNull();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).waitFor();
    // The button followed is gone: the focus is on the copy's heading, not lost on the page.
    expect(await settledFocus(page, /^h1: /)).toBe("h1: Atelier d'écriture : Appel d'entraînement (copie)");
    // The copy opens on its forms, in view (e2e/studio-forms-first); the graph's edits, under its
    // drawing, have a way there: the focus goes there.
    expect(
      await page
        .getByRole('heading', { level: 2, name: 'Formulaires' })
        .evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight),
    ).toBe(true);
    await page.getByRole('button', { name: /^Aller à «\s?Modifier le graphe\s?»$/ }).click();
    expect(await settledFocus(page, /^h3: Modifier le graphe$/)).toBe('h3: Modifier le graphe');
  }, 60_000);
});
