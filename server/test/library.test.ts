// The call library and its versions, against a real SQLite file: an author creates a call from
// the blank template, saves drafts (kept even with lint errors), publishing is refused with the
// lint errors and then accepted; a published version never changes and a session keeps the
// version it played; built-ins are read-only and can be duplicated, the copies numbered as the
// library lists them; a call's id made from its title when none is given; import and export of YAML;
// another organisation sees nothing of it; a restart on the same database serves it again.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type {
  LibraryCallDetail,
  LibraryCallSummary,
  LibraryDraftSaved,
  LibraryVersionText,
} from '@ecoute/protocol';
import { DATABASE } from '../src/database/database.module.js';
import type { Database } from '../src/database/schema.js';
import { ScenarioCatalog } from '../src/scenarios/scenario-catalog.js';
import {
  createSession,
  inviteMember,
  otherOrganization,
  setupAdministrator,
  signIn,
  startServer,
} from './utils.js';
import type { Account, TestServer } from './utils.js';

describe('the call library', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-library-'));
  const databaseFile = path.join(dir, 'library.sqlite');
  let server: TestServer;
  let author: Account;
  let trainer: Account;
  let outsider: Account;
  let outsiderTrainer: Account;

  const call = async (who: Account, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/library${route}`, {
      method,
      headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // YAML export
    }
    return { status: response.status, json: json as Record<string, unknown>, headers: response.headers };
  };

  beforeAll(async () => {
    server = await startServer({ databaseFile });
    const admin = await setupAdministrator(server);
    author = await inviteMember(server, admin, 'author', 'Ada Autrice');
    trainer = await inviteMember(server, admin, 'trainer', 'Théo Formateur');
    const otherAdmin = await otherOrganization(server, 'Autre organisme');
    outsider = await inviteMember(server, otherAdmin, 'author');
    outsiderTrainer = await inviteMember(server, otherAdmin, 'trainer');
  }, 60_000);

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a call from the blank template, keeps a draft with errors, refuses to publish it with the errors, then publishes', async () => {
    const created = await call(author, 'POST', '/calls', {
      blank: true,
      id: 'appel-neuf',
      title: 'Appel neuf',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'appel-neuf', title: 'Appel neuf', builtIn: false, draft: 1 });

    const blank = (await call(author, 'GET', '/calls/appel-neuf/versions/1'))
      .json as unknown as LibraryVersionText;
    expect(blank.issues.filter((i) => i.severity === 'error')).toEqual([]);

    // A state name with an accent: stored as typed, and named by the lint.
    const broken = blank.yaml.replace('    accueil:', '    grésille:');
    const saved = await call(author, 'PUT', '/calls/appel-neuf/draft', { yaml: broken });
    expect(saved.status).toBe(200);
    const { version, issues } = saved.json as unknown as LibraryDraftSaved;
    expect(version).toBe(1);
    expect(issues.find((i) => i.message.includes('clé « grésille » invalide'))).toMatchObject({
      severity: 'error',
      code: 'scenario/schema',
      line: broken.split('\n').indexOf('    grésille:') + 1,
      column: 5,
    });
    const stored = (await call(author, 'GET', '/calls/appel-neuf/versions/1'))
      .json as unknown as LibraryVersionText;
    expect(stored.yaml).toBe(broken);

    const refused = await call(author, 'POST', '/calls/appel-neuf/publish');
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ ok: false, code: 'library/lint_errors' });
    expect((refused.json['issues'] as { message: string }[])[0]!.message).toContain('grésille');

    expect((await call(author, 'PUT', '/calls/appel-neuf/draft', { yaml: blank.yaml })).status).toBe(200);
    const published = await call(author, 'POST', '/calls/appel-neuf/publish');
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({ version: 1, status: 'published', changedBy: 'Ada Autrice' });

    const detail = (await call(author, 'GET', '/calls/appel-neuf')).json as unknown as LibraryCallDetail;
    expect(detail.published).toBe(1);
    expect(detail.draft).toBeUndefined();
    expect(detail.history.map((h) => h.change).sort()).toEqual(['create', 'edit', 'edit', 'publish']);
    expect(detail.history.every((h) => h.by === 'Ada Autrice')).toBe(true);

    // Trainers read the library and see their organisation's call with the built-ins.
    const list = (await call(trainer, 'GET', '')).json as unknown as LibraryCallSummary[];
    expect(list.find((c) => c.id === 'appel-neuf')).toMatchObject({ builtIn: false, published: 1 });
    expect(list.find((c) => c.id === 'appel-entrainement')).toMatchObject({ builtIn: true });
    // The sessions page and the class form list it (GET /api/scenarios) for the organisation's
    // members, with its title; a class created with it works.
    const scenariosFor = async (who?: Account) =>
      (await (await fetch(`${server.url}/api/scenarios`, { headers: who?.headers ?? {} })).json()) as {
        id: string;
        version: number;
        title: string;
      }[];
    const offered = (await scenariosFor(trainer)).find((s) => s.id === 'appel-neuf');
    expect(offered).toMatchObject({ version: 1, title: detail.title });
    expect((await scenariosFor(trainer)).some((s) => s.id === 'appel-entrainement')).toBe(true);
    expect((await scenariosFor(outsiderTrainer)).some((s) => s.id === 'appel-neuf')).toBe(false);
    expect((await scenariosFor()).some((s) => s.id === 'appel-neuf')).toBe(false);
    const classOf = (who: Account) =>
      fetch(`${server.url}/api/classes`, {
        method: 'POST',
        headers: { ...who.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Groupe du jeudi', scenarioIds: ['appel-neuf'] }),
      });
    expect((await classOf(trainer)).status).toBe(201);
    const foreignClass = await classOf(outsiderTrainer);
    expect(foreignClass.status).toBe(404);
    expect(await foreignClass.json()).toMatchObject({ code: 'scenario/not_found' });
    // …but do not write it.
    expect((await call(trainer, 'PUT', '/calls/appel-neuf/draft', { yaml: blank.yaml })).json).toMatchObject({
      code: 'auth/forbidden_role',
    });
  });

  it('keeps a published version as it was: the session plays it, the next version is a new draft', async () => {
    const session = await createSession(server.url, 'appel-neuf', { as: trainer });
    const db = server.app.get<Kysely<Database>>(DATABASE);
    const row = await db
      .selectFrom('sessions')
      .select(['scenario_version'])
      .where('id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    expect(row.scenario_version).toBe(1);

    const v1 = (await call(author, 'GET', '/calls/appel-neuf/versions/1'))
      .json as unknown as LibraryVersionText;
    const changed = v1.yaml.replace(
      "Allô\u00a0? Bonjour, j'ai besoin d'aide.",
      'Bonjour, vous êtes bien la ligne ?',
    );
    const saved = (await call(author, 'PUT', '/calls/appel-neuf/draft', { yaml: changed }))
      .json as unknown as LibraryDraftSaved;
    expect(saved.version).toBe(2);
    expect((await call(author, 'POST', '/calls/appel-neuf/publish')).status).toBe(201);

    const again = (await call(author, 'GET', '/calls/appel-neuf/versions/1'))
      .json as unknown as LibraryVersionText;
    expect(again.yaml).toBe(v1.yaml);
    const v2 = (await call(author, 'GET', '/calls/appel-neuf/versions/2'))
      .json as unknown as LibraryVersionText;
    expect(v2.yaml).toContain('version: 2');
    const catalog = server.app.get(ScenarioCatalog);
    expect(catalog.get('appel-neuf', 1)!.scenario.lines['bonjour']!.text).toBe(
      "Allô\u00a0? Bonjour, j'ai besoin d'aide.",
    );
    expect(catalog.get('appel-neuf')!.scenario.version).toBe(2);

    // Retiring version 2 makes version 1 the one new sessions get again.
    expect((await call(author, 'POST', '/calls/appel-neuf/versions/2/retire')).json).toMatchObject({
      status: 'retired',
    });
    expect(catalog.get('appel-neuf')!.scenario.version).toBe(1);
  });

  it('keeps built-ins read-only, duplicates them, imports and exports YAML', async () => {
    expect(await call(author, 'PUT', '/calls/appel-entrainement/draft', { yaml: 'id: x' })).toMatchObject({
      status: 403,
      json: { code: 'library/read_only' },
    });
    const copy = await call(author, 'POST', '/calls', { duplicate: 'appel-entrainement', id: 'ma-copie' });
    expect(copy.status).toBe(201);
    const copied = (await call(author, 'GET', '/calls/ma-copie/versions/1'))
      .json as unknown as LibraryVersionText;
    expect(copied.yaml).toMatch(/^id: ma-copie$/m);
    // Its title says it is a copy: the library does not list two « Appel d'entraînement ».
    expect(copied.yaml).toMatch(/^title: Appel d'entraînement \(copie\)$/m);
    const listed = (await call(author, 'GET', '')).json as unknown as LibraryCallSummary[];
    expect(listed.find((c) => c.id === 'ma-copie')?.title).toBe("Appel d'entraînement (copie)");
    // The author's comments stay (yaml's Document API).
    expect(copied.yaml).toContain('# yaml-language-server');
    expect(copied.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const exported = await call(author, 'GET', '/calls/ma-copie/versions/1/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('ma-copie-v1.yaml');
    const text = String(exported.json);
    const imported = await call(author, 'POST', '/calls', {
      yaml: text.replace('id: ma-copie', 'id: importe'),
    });
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ id: 'importe', draft: 1 });
    expect((await call(author, 'POST', '/calls', { yaml: text })).json).toMatchObject({
      code: 'library/id_taken',
    });
  });

  it('numbers the copies of a call as the library lists them, and makes the ids of new calls and copies itself', async () => {
    const created = async (who: Account, body: unknown) => {
      const answer = await call(who, 'POST', '/calls', body);
      expect(answer.status).toBe(201);
      return answer.json as unknown as LibraryCallDetail;
    };
    const titles = async (who: Account) =>
      ((await call(who, 'GET', '')).json as unknown as LibraryCallSummary[]).map((c) => c.title);

    // A trainer gives a title only: the id is made from it.
    const jeanne = await created(author, { blank: true, title: 'Appel de Jeanne' });
    expect(jeanne).toMatchObject({ id: 'appel-de-jeanne', title: 'Appel de Jeanne' });
    const text = (await call(author, 'GET', '/calls/appel-de-jeanne/versions/1'))
      .json as unknown as LibraryVersionText;
    expect(text.yaml).toMatch(/^id: appel-de-jeanne$/m);

    // Copied three times: three titles a trainer tells apart, the first free one each time.
    const copy = await created(author, { duplicate: 'appel-de-jeanne' });
    expect(copy).toMatchObject({ id: 'appel-de-jeanne-copie', title: 'Appel de Jeanne (copie)' });
    const second = await created(author, { duplicate: 'appel-de-jeanne' });
    expect(second).toMatchObject({ id: 'appel-de-jeanne-copie-2', title: 'Appel de Jeanne (copie 2)' });
    // A copy of the copy is numbered after the same call, not « (copie) (copie) ».
    const ofCopy = await created(author, { duplicate: 'appel-de-jeanne-copie' });
    expect(ofCopy).toMatchObject({ id: 'appel-de-jeanne-copie-copie', title: 'Appel de Jeanne (copie 3)' });
    const copied = (await call(author, 'GET', `/calls/${ofCopy.id}/versions/1`))
      .json as unknown as LibraryVersionText;
    expect(copied.yaml).toMatch(/^title: "?Appel de Jeanne \(copie 3\)"?$/m);

    // The second copy renamed: its number is free again, and the next copy takes it.
    const renamed = second.id;
    const draft = (await call(author, 'GET', `/calls/${renamed}/versions/1`))
      .json as unknown as LibraryVersionText;
    const saved = await call(author, 'PUT', `/calls/${renamed}/draft`, {
      yaml: draft.yaml.replace(/^title: .*$/m, 'title: Appel de Jeanne, version courte'),
    });
    expect(saved.status).toBe(200);
    expect((await created(author, { duplicate: 'appel-de-jeanne' })).title).toBe('Appel de Jeanne (copie 2)');
    const mine = await titles(author);
    expect(mine.filter((title) => title.startsWith('Appel de Jeanne')).sort()).toEqual([
      'Appel de Jeanne',
      'Appel de Jeanne (copie 2)',
      'Appel de Jeanne (copie 3)',
      'Appel de Jeanne (copie)',
      'Appel de Jeanne, version courte',
    ]);

    // Two copies asked at once (a double click on « Dupliquer »): two calls, told apart, no error.
    const [one, two] = await Promise.all([
      call(author, 'POST', '/calls', { duplicate: 'appel-de-jeanne' }),
      call(author, 'POST', '/calls', { duplicate: 'appel-de-jeanne' }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    const pair = [one.json, two.json] as unknown as LibraryCallDetail[];
    expect(pair[0]!.id).not.toBe(pair[1]!.id);
    expect(pair.map((c) => c.title).sort()).toEqual([
      'Appel de Jeanne (copie 4)',
      'Appel de Jeanne (copie 5)',
    ]);

    // Another organisation's library is its own for titles; ids are one namespace for all.
    const theirs = await created(outsider, { blank: true, title: 'Appel de Jeanne' });
    expect(theirs.id).toBe('appel-de-jeanne-2');
    expect(await created(outsider, { duplicate: theirs.id })).toMatchObject({
      id: 'appel-de-jeanne-2-copie',
      title: 'Appel de Jeanne (copie)',
    });
    // An id the author chose is still taken as given, and refused when a call has it.
    expect((await created(author, { blank: true, id: 'jeanne-courte', title: 'Jeanne' })).id).toBe(
      'jeanne-courte',
    );
    expect(
      await call(author, 'POST', '/calls', { blank: true, id: 'appel-de-jeanne-2', title: 'Jeanne' }),
    ).toMatchObject({
      status: 409,
      json: { code: 'library/id_taken' },
    });
  });

  it('refuses an unreadable import with its errors located, and one without an id, saying which', async () => {
    const unreadable = await call(author, 'POST', '/calls', {
      yaml: 'id: casse\ntitle: [oups\nstates:\n  a: 1\n',
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.json).toMatchObject({
      code: 'library/import_unreadable',
      issues: [{ line: 3, severity: 'error', code: 'scenario/yaml' }],
    });
    const noId = await call(author, 'POST', '/calls', { yaml: 'title: Appel sans identifiant\n' });
    expect(noId.status).toBe(422);
    expect(noId.json).toMatchObject({ code: 'library/import_no_id', issues: [] });
    // Neither was created.
    const listed = (await call(author, 'GET', '')).json as unknown as LibraryCallSummary[];
    expect(listed.map((c) => c.title)).not.toContain('Appel sans identifiant');
    expect(listed.map((c) => c.id)).not.toContain('casse');
  });

  it('shows nothing of a call to another organisation, which cannot start it either', async () => {
    expect(await call(outsider, 'GET', '/calls/appel-neuf')).toMatchObject({
      status: 404,
      json: { code: 'library/not_found' },
    });
    const list = (await call(outsider, 'GET', '')).json as unknown as LibraryCallSummary[];
    expect(list.some((c) => c.id === 'appel-neuf')).toBe(false);
    const started = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { ...outsiderTrainer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'appel-neuf' }),
    });
    expect(started.status).toBe(404);
    expect(await started.json()).toMatchObject({ code: 'scenario/not_found' });
    const publicList = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { id: string }[];
    expect(publicList.some((s) => s.id === 'appel-neuf')).toBe(false);
  });

  it('counts in the scenarios list the moves with example phrases, for the session form’s free-speech notice', async () => {
    const route = '/calls/appel-muet';
    expect(
      (await call(author, 'POST', '/calls', { blank: true, id: 'appel-muet', title: 'Muet' })).status,
    ).toBe(201);
    const blank = ((await call(author, 'GET', `${route}/versions/1`)).json as unknown as LibraryVersionText)
      .yaml;
    // Written in the studio without example phrases, and one more move without any.
    const bare = blank
      .replace(/ {4}# En parole libre.*\n {4}examples:\n(?: {6}- .*\n)+/, '')
      .replace(
        'moves:\n',
        'moves:\n  rassurer:\n    label: Rassurer\n    category: listening\n    help: Rassurer la personne.\n',
      );
    expect(bare).not.toContain('examples:');
    expect((await call(author, 'PUT', `${route}/draft`, { yaml: bare })).status).toBe(200);
    expect((await call(author, 'POST', `${route}/publish`)).status).toBe(201);
    const listed = async (id: string) =>
      (
        (await (await fetch(`${server.url}/api/scenarios`, { headers: trainer.headers })).json()) as {
          id: string;
          speechExamples: unknown;
        }[]
      ).find((s) => s.id === id)?.speechExamples;
    expect(await listed('appel-muet')).toEqual({ moves: 2, withExamples: 0 });
    // The built-ins have some for every move (the tutorial since its version 3).
    expect(await listed('appel-entrainement')).toEqual({ moves: 8, withExamples: 8 });
    expect(await listed('etudiante-crous')).toEqual({ moves: 34, withExamples: 34 });

    // Its next version is the blank template again, whose one move has example phrases.
    expect((await call(author, 'PUT', `${route}/draft`, { yaml: blank })).status).toBe(200);
    expect((await call(author, 'POST', `${route}/publish`)).status).toBe(201);
    expect(await listed('appel-muet')).toEqual({ moves: 1, withExamples: 1 });
  });

  it('refuses to publish a draft that changes nothing, and keeps the draft as it is', async () => {
    const route = '/calls/appel-inchange';
    const created = await call(author, 'POST', '/calls', {
      blank: true,
      id: 'appel-inchange',
      title: 'Inchangé',
    });
    expect(created.status).toBe(201);
    expect((await call(author, 'POST', `${route}/publish`)).status).toBe(201);
    const textOf = async (version: number) =>
      ((await call(author, 'GET', `${route}/versions/${version}`)).json as unknown as LibraryVersionText)
        .yaml;
    const v1 = await textOf(1);

    // « Publier » on the page saves the text shown (« version: 1 »): the server makes it the draft
    // of version 2, whose text differs from version 1's by that number only.
    const saved = (await call(author, 'PUT', `${route}/draft`, { yaml: v1 }))
      .json as unknown as LibraryDraftSaved;
    expect(saved.version).toBe(2);
    const draft = await textOf(2);
    expect(draft).not.toBe(v1);
    const refused = await call(author, 'POST', `${route}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ ok: false, code: 'library/no_change', message: expect.any(String) });
    // Nothing recorded is lost: the draft is still there, as it was; version 1 still the one played.
    const detail = (await call(author, 'GET', route)).json as unknown as LibraryCallDetail;
    expect(detail).toMatchObject({ published: 1, draft: 2 });
    expect(detail.history.filter((h) => h.change === 'publish').map((h) => h.version)).toEqual([1]);
    expect(await textOf(2)).toBe(draft);
    const catalog = server.app.get(ScenarioCatalog);
    expect(catalog.get('appel-inchange')!.scenario.version).toBe(1);
    expect(catalog.get('appel-inchange', 2)).toBeUndefined();

    // Any change of the text, a comment too, is a new version.
    const commented = `${v1}# Relu par Ada.\n`;
    expect((await call(author, 'PUT', `${route}/draft`, { yaml: commented })).status).toBe(200);
    expect((await call(author, 'POST', `${route}/publish`)).json).toMatchObject({
      version: 2,
      status: 'published',
    });

    // Compared with the version in use: version 2 retired, a draft of version 1's text again changes
    // nothing, one of version 2's text brings it back as version 3.
    expect((await call(author, 'POST', `${route}/versions/2/retire`)).json).toMatchObject({
      status: 'retired',
    });
    expect((await call(author, 'PUT', `${route}/draft`, { yaml: v1 })).json).toMatchObject({ version: 3 });
    expect((await call(author, 'POST', `${route}/publish`)).json).toMatchObject({
      code: 'library/no_change',
    });
    expect((await call(author, 'PUT', `${route}/draft`, { yaml: commented })).json).toMatchObject({
      version: 3,
    });
    expect((await call(author, 'POST', `${route}/publish`)).json).toMatchObject({
      version: 3,
      status: 'published',
    });
  });

  it('serves the published versions again after a restart on the same database', async () => {
    await server.app.close();
    const again = await startServer({ databaseFile });
    try {
      const catalog = again.app.get(ScenarioCatalog);
      expect(catalog.get('appel-neuf')!.scenario.version).toBe(1);
      expect(catalog.get('appel-neuf', 2)!.scenario.lines['bonjour']!.text).toBe(
        'Bonjour, vous êtes bien la ligne ?',
      );
      const relogged = await signIn(again, author.email);
      const response = await fetch(`${again.url}/api/library/calls/appel-neuf`, {
        headers: relogged.headers,
      });
      expect(((await response.json()) as LibraryCallDetail).versions.map((v) => v.status)).toEqual([
        'retired',
        'published',
      ]);
    } finally {
      await again.close();
    }
  }, 60_000);
});
