/* global document, getComputedStyle, requestAnimationFrame, Image -- functions evaluated in the page */
// Two client builds side by side, for a change that must not change how anything looks (issue
// 12's stylesheets per feature): one server, one session, each page opened twice — one browser
// context served build A's files (index.html and assets, by Playwright's routes), the other build
// B's (or the server's own) — then, at 1366×768 and 390×844, every element's computed style and
// box compared and both full-page screenshots compared pixel by pixel. Prints one line per page
// and size, the differing properties under it; screenshots and report.json in <out>.
//   npx tsc -b test && node test/bench/style-compare.mjs <dist A> <out> [page filter] [<dist B>]
// e.g. build main's client, copy client/dist to /tmp/dist-main, build this branch, then
//   node test/bench/style-compare.mjs /tmp/dist-main /tmp/style-compare '' client/dist
// Noise: a page whose content changes between the two captures (the trainer's transcript, the
// projector's curves while they load) differs in boxes, not in styles; the <head> differs by
// the number of stylesheet links.
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../dist/support/browser.js';
import { signInContext, signedInTrainer, PASSWORD } from '../dist/support/accounts.js';
import { joinSession } from '../dist/support/role-pages.js';
import { startServerProcess } from '../dist/support/server-process.js';
import { MANUAL_CLOCK } from '../dist/support/test-clock.js';

const BEFORE = path.resolve(process.argv[2] ?? 'client/dist');
const AFTER = process.argv[5] ? path.resolve(process.argv[5]) : null;
const OUT = path.resolve(process.argv[3] ?? 'test/artifacts/style-compare');
const ONLY = process.argv[4] ? new RegExp(process.argv[4]) : null;
mkdirSync(OUT, { recursive: true });
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];
const types = {
  js: 'text/javascript',
  css: 'text/css',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  ico: 'image/x-icon',
  wasm: 'application/wasm',
};

const server = await startServerProcess({ ...MANUAL_CLOCK });
// A routed document counts as public: let it reach the server on 127.0.0.1.
const browser = await launchChromium([
  '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
]);
const report = [];
try {
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedInTrainer(server)) },
    body: JSON.stringify({ scenarioId: 'appel-entrainement', seed: 7, callerActor: true }),
  });
  const { sessionId, links } = await created.json();

  async function context(beforeFlag, signedIn) {
    const dir = beforeFlag ? BEFORE : AFTER;
    const before = dir !== null;
    const ctx = await browser.newContext({ locale: 'fr-FR', viewport: SIZES[0], reducedMotion: 'reduce' });
    if (signedIn) await signInContext(ctx, server);
    if (before)
      await ctx.route('**/*', async (route) => {
        const request = route.request();
        const url = new URL(request.url());
        if (!url.origin.startsWith(server.url)) return route.continue();
        if (request.resourceType() === 'document') {
          const response = await route.fetch();
          const type = response.headers()['content-type'] ?? '';
          if (!type.includes('text/html')) return route.fulfill({ response });
          const headers = { ...response.headers() };
          delete headers['content-encoding'];
          delete headers['content-length'];
          return route.fulfill({
            status: response.status(),
            headers,
            body: readFileSync(path.join(dir, 'index.html'), 'utf8'),
          });
        }
        const file = path.join(dir, decodeURIComponent(url.pathname));
        if (
          !url.pathname.startsWith('/api') &&
          !url.pathname.startsWith('/socket.io') &&
          url.pathname !== '/' &&
          existsSync(file)
        ) {
          return route.fulfill({
            status: 200,
            body: readFileSync(file),
            headers: {
              'content-type': types[path.extname(file).slice(1)] ?? 'application/octet-stream',
              'cache-control': 'no-cache',
            },
          });
        }
        return route.continue();
      });
    return ctx;
  }
  async function pair(url, signedIn = false, prepare = async () => {}) {
    const pages = [];
    for (const before of [true, false]) {
      const ctx = await context(before, signedIn);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.log('pageerror', before ? 'before' : 'after', e.message));
      if (process.env.DEBUG) {
        page.on('console', (m) => console.log('console', before, m.type(), m.text().slice(0, 200)));
        page.on('requestfailed', (r) => console.log('failed', before, r.url(), r.failure()?.errorText));
        page.on('response', (r) => {
          if (r.status() >= 400) console.log('status', before, r.status(), r.url());
        });
      }
      await page.goto(url);
      await prepare(page);
      pages.push(page);
    }
    return pages;
  }
  const settle = (page) =>
    page.evaluate(
      () =>
        new Promise((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(null), 150))),
        ),
    );
  async function quiet(page) {
    let last = '';
    let same = 0;
    for (let i = 0; i < 60 && same < 4; i += 1) {
      const now = await page.evaluate(
        () =>
          document.querySelectorAll('*').length +
          ':' +
          document.documentElement.scrollHeight +
          ':' +
          document.querySelectorAll('.react-flow__node').length,
      );
      same = now === last ? same + 1 : 0;
      last = now;
      await new Promise((r) => setTimeout(r, 400));
    }
  }
  function dump() {
    const out = [];
    const walk = (el, key) => {
      const cs = getComputedStyle(el);
      const props = {};
      for (let i = 0; i < cs.length; i += 1) {
        const p = cs[i];
        props[p] = cs.getPropertyValue(p);
      }
      for (const pseudo of ['::before', '::after', '::marker', '::placeholder']) {
        const ps = getComputedStyle(el, pseudo);
        if ((ps.content && ps.content !== 'none' && ps.content !== 'normal') || pseudo === '::placeholder')
          for (const p of ['content', 'color', 'background-color', 'font-size', 'display', 'width', 'height'])
            props[pseudo + p] = ps.getPropertyValue(p);
      }
      const r = el.getBoundingClientRect();
      props['@box'] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(',');
      out.push({
        key,
        tag: el.tagName.toLowerCase(),
        cls: typeof el.className === 'string' ? el.className : el.getAttribute('class'),
        props,
      });
      Array.from(el.children).forEach((c, i) => walk(c, `${key}/${c.tagName.toLowerCase()}[${i}]`));
    };
    walk(document.body, 'body');
    return out;
  }
  async function compare(name, [before, after]) {
    if (ONLY && !ONLY.test(name)) return;
    for (const size of SIZES) {
      const label = `${name} @ ${size.width}`;
      for (const p of [before, after]) {
        await p.setViewportSize(size);
        await settle(p);
      }
      for (let round = 0; round < 3; round += 1) {
        for (const p of [before, after]) await quiet(p);
        const counts = await Promise.all(
          [before, after].map((p) =>
            p.evaluate(
              () => document.querySelectorAll('*').length + ':' + document.documentElement.scrollHeight,
            ),
          ),
        );
        if (counts[0] === counts[1]) break;
      }
      const [a, b] = [await before.evaluate(dump), await after.evaluate(dump)];
      const diffs = [];
      if (a.length !== b.length) diffs.push(`element count ${a.length} ≠ ${b.length}`);
      const byKey = new Map(b.map((e) => [e.key, e]));
      for (const e of a) {
        const o = byKey.get(e.key);
        if (!o) {
          diffs.push(`missing after: ${e.key}`);
          continue;
        }
        const props = Object.keys({ ...e.props, ...o.props }).filter((p) => e.props[p] !== o.props[p]);
        if (props.length)
          diffs.push(
            `${e.tag}.${(e.cls ?? '').split(' ').join('.')} (${e.key.slice(-60)}): ${props
              .slice(0, 8)
              .map((p) => `${p}: ${e.props[p]} → ${o.props[p]}`)
              .join('; ')}`,
          );
      }
      const slug = label.replace(/[^\w]+/g, '-');
      const shots = [];
      for (const [p, which] of [
        [before, 'before'],
        [after, 'after'],
      ]) {
        const file = path.join(OUT, `${slug}-${which}.png`);
        await p.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
        shots.push(readFileSync(file).toString('base64'));
      }
      const scratch = await before.context().newPage();
      const pixels = await scratch.evaluate(async ([x, y]) => {
        const load = async (png) => {
          const i = new Image();
          i.src = `data:image/png;base64,${png}`;
          await i.decode();
          const c = document.createElement('canvas');
          c.width = i.width;
          c.height = i.height;
          const g = c.getContext('2d');
          g.drawImage(i, 0, 0);
          return g.getImageData(0, 0, i.width, i.height);
        };
        const [p, q] = [await load(x), await load(y)];
        if (p.width !== q.width || p.height !== q.height)
          return `size ${p.width}×${p.height} ≠ ${q.width}×${q.height}`;
        let n = 0;
        for (let k = 0; k < p.data.length; k += 4)
          if (p.data[k] !== q.data[k] || p.data[k + 1] !== q.data[k + 1] || p.data[k + 2] !== q.data[k + 2])
            n += 1;
        return n;
      }, shots);
      await scratch.close();
      const line = `${label}: pixels differing ${pixels}; computed-style differences ${diffs.length}`;
      console.log(line);
      for (const d of diffs.slice(0, 40)) console.log('   ', d);
      report.push({ label, pixels, diffs });
    }
    await before.setViewportSize(SIZES[0]);
    await after.setViewportSize(SIZES[0]);
  }

  // SKIP_CALL=1: only the pages after the call and its debriefs (a faster second pass).
  if (!process.env.SKIP_CALL) {
    // Role pages, ringing.
    const roles = {};
    const actor = await (await browser.newContext({ locale: 'fr-FR', viewport: SIZES[0] })).newPage();
    await actor.goto(`${server.url}${links.listener}`);
    await joinSession(actor, 'Camille');
    for (const [role, name] of [
      ['trainer', 'Dominique'],
      ['listener', 'Camille'],
      ['observer', 'Sam'],
      ['callerActor', 'Alex'],
    ])
      roles[role] = await pair(`${server.url}${links[role]}`, false, (p) => joinSession(p, name));
    await actor.getByRole('button', { name: 'Décrocher', exact: true }).waitFor();
    for (const role of Object.keys(roles)) await compare(`${role} ringing`, roles[role]);
    await actor.getByRole('button', { name: 'Décrocher', exact: true }).click();
    const move = actor.locator('.moves button:enabled').first();
    await move.waitFor();
    await move.click();
    await roles.trainer[1].getByRole('log').getByText('Technique').first().waitFor();
    await roles.trainer[0].getByRole('log').getByText('Technique').first().waitFor();
    // A whisper: its tag on the whisper panel (the observer's; the listener's seat is the actor's)
    // and in the transcripts.
    await roles.trainer[1].getByLabel("Message chuchoté à l'écoutant·e").fill('Reformulez sa demande.');
    await roles.trainer[1].getByRole('button', { name: 'Chuchoter', exact: true }).click();
    for (const p of roles.observer) await p.getByRole('region', { name: /Message chuchoté/ }).waitFor();
    for (const p of roles.trainer)
      await p.getByRole('log').getByText('Reformulez sa demande.').first().waitFor();
    // The page that typed it as the other: no focus ring, scrolled back to the top.
    await roles.trainer[1].evaluate(() => {
      document.activeElement?.blur();
      document.scrollingElement?.scrollTo(0, 0);
    });
    for (const role of Object.keys(roles)) await compare(`${role} mid-call`, roles[role]);
    await roles.trainer[1].getByRole('switch', { name: /Vue projection/ }).click();
    await roles.observer[1].locator('.variable-curves, .state-graph').first().waitFor();
    await roles.observer[0].locator('.variable-curves, .state-graph').first().waitFor();
    await compare('observer projector', roles.observer);
    await actor.getByRole('button', { name: 'Raccrocher', exact: true }).click();
    await actor.getByRole('region', { name: "Issue de l'appel" }).waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    for (const role of Object.keys(roles)) await compare(`${role} ended`, roles[role]);
    for (const pages of Object.values(roles)) for (const p of pages) await p.context().close();
    await actor.context().close();

    const token = links.trainer.split('#k=')[1];
    const debrief = await pair(`${server.url}/debrief/${sessionId}#k=${token}`, false, async (p) => {
      await p.getByRole('heading', { level: 1, name: /^Débriefing/ }).waitFor();
      await p
        .getByRole('button', { name: /^Voir le moment/ })
        .first()
        .click();
      for (let step = 0; step < 3; step += 1)
        await p.getByRole('button', { name: 'Moment suivant →' }).click();
      await p.locator('.state-graph .react-flow__node').first().waitFor();
    });
    await compare('debrief trainer', debrief);
    const learner = await pair(
      `${server.url}/debrief/${sessionId}#k=${links.listener.split('#k=')[1]}`,
      false,
      (p) => p.getByRole('heading', { level: 1, name: /^Débriefing/ }).waitFor(),
    );
    await compare('debrief learner', learner);
  }
  const h1 = (p) => p.getByRole('heading', { level: 1 }).first().waitFor();
  await compare('home', await pair(`${server.url}/`, true, h1));
  await compare(
    'sessions',
    await pair(
      `${server.url}/sessions`,
      true,
      process.env.SKIP_CALL ? h1 : (p) => p.getByRole('row', { name: /Camille/ }).waitFor(),
    ),
  );
  await compare('share', await pair(`${server.url}/sessions/${sessionId}/liens`, true, h1));
  await compare('sign-in', await pair(`${server.url}/connexion`, false, h1));
  await compare('privacy', await pair(`${server.url}/confidentialite`, false, h1));
  await compare('badges', await pair(`${server.url}/badges`, true, h1));
  const library = await pair(`${server.url}/bibliotheque`, true, h1);
  await compare('library', library);
  // The studio: a built-in call in the editor (read-only for a trainer).
  const editorPath = await library[1].locator('a[href^="/bibliotheque/"]').first().getAttribute('href');
  const editorUrl = `${server.url}${editorPath}`;
  const editor = await pair(editorUrl, true, async (p) => {
    await p.locator('.cm-editor').waitFor();
    await p.locator('.state-graph .react-flow__node').first().waitFor();
  });
  await compare('editor', editor);
  for (const tab of ['Formulaires', "Tester l'appel", 'Couverture']) {
    const ok = [];
    for (const p of editor) {
      const b = p
        .getByRole('tab', { name: tab })
        .or(p.getByRole('button', { name: tab }))
        .first();
      if (await b.count()) {
        await b.click();
        ok.push(1);
      }
    }
    if (ok.length === 2) {
      await Promise.all(editor.map((p) => settle(p)));
      await new Promise((r) => setTimeout(r, 1500));
      await compare(`editor ${tab}`, editor);
    }
  }
  // Classes and the floor.
  const classes = await pair(`${server.url}/classes`, true, h1);
  await compare('classes', classes);
  const maker = classes[1];
  await maker.getByRole('textbox', { name: 'Nom du groupe' }).fill('Groupe du mardi');
  await maker.getByRole('checkbox', { name: /entraînement/ }).check();
  await maker.getByRole('button', { name: 'Créer la séance de groupe' }).click();
  const heading = maker.getByRole('heading', { name: /Code pour rejoindre/ });
  await heading.waitFor();
  const code = /([A-Z2-9]{6})/.exec(await heading.innerText())?.[1] ?? '';
  const classUrl = maker.url();
  const join = await pair(`${server.url}/classe?code=${code}`, false, h1);
  await compare('join class', join);
  const learners = [];
  for (const name of ['Ana', 'Bilal']) {
    const ctx = await browser.newContext({ locale: 'fr-FR', viewport: SIZES[1] });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/classe?code=${code}`);
    await p.getByRole('textbox', { name: 'Votre pseudonyme' }).fill(name);
    await p.getByRole('button', { name: 'Rejoindre' }).click();
    await p.getByText(`sous le nom ${name}`).waitFor();
    learners.push(p);
  }
  await maker.getByRole('heading', { name: 'Apprenant·es (2)' }).waitFor();
  const klass = await pair(classUrl, true, (p) =>
    p.getByRole('heading', { name: 'Apprenant·es (2)' }).waitFor(),
  );
  await compare('class groups', klass);
  await klass[1].getByRole('checkbox', { name: 'La machine joue l’appelant·e' }).check();
  await klass[0].getByRole('checkbox', { name: 'La machine joue l’appelant·e' }).check();
  await klass[1].getByRole('button', { name: 'Former au hasard' }).click();
  await klass[1].getByRole('button', { name: 'Lancer tous les appels' }).click();
  await klass[1].getByText(/Tour 1 lancé/).waitFor();
  for (const p of learners) {
    await p.getByRole('link', { name: 'Ouvrir mon appel' }).click();
    await p.waitForURL(/\/(listener|observer)\//);
  }
  await compare('learner assignment (class)', join);
  for (const p of klass) {
    await p.getByRole('tab', { name: 'Plateau' }).click();
    await p.getByRole('article').first().waitFor();
  }
  await new Promise((r) => setTimeout(r, 1000));
  await compare('class floor', klass);
  // The administrator's organisation page.
  const admin = [];
  for (const before of [true, false]) {
    const ctx = await context(before, false);
    const p = await ctx.newPage();
    await p.goto(`${server.url}/connexion`);
    await p.getByLabel('Adresse e-mail', { exact: true }).fill('admin@example.org');
    await p.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await p.waitForURL((u) => !u.pathname.startsWith('/connexion'));
    await p.goto(`${server.url}/organisation`);
    await p.getByRole('heading', { name: "Journal d'activité" }).waitFor();
    admin.push(p);
  }
  await compare('organisation', admin);
} catch (e) {
  console.log('FAILED', e);
} finally {
  writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 1));
  const bad = report.filter((r) => r.pixels !== 0 || r.diffs.length);
  console.log(`\n${report.length} captures, ${bad.length} with differences`);
  await browser.close();
  await server.stop();
}
