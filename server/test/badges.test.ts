// Open Badges on the real app (port 0, a real SQLite file): an administrator defines a badge
// on two rubric criteria met in two calls; a learner plays two calls (driven on a manual
// clock); the badge is awarded when the second call's results are kept, and every document it
// comes with is checked by a verifier written from the specifications (ob-verifier.ts):
// OB 3.0 VC-JWT, key ownership, dates, revocation by status list, baking in PNG and SVG, OB 2.0
// hosted assertion. Then revocation, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import type { AwardedBadge, BadgeDefinition } from '@ecoute/protocol';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { identifiesRecipient, pngTexts, svgCredential, verifyOb2Hosted, verifyOb3 } from './ob-verifier.js';
import {
  RoleClient,
  createSession,
  inviteMember,
  otherOrganization,
  setupAdministrator,
  startServer,
} from './utils.js';
import type { Account, TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

describe('Open Badges', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let admin: Account;
  let trainer: Account;
  let badge: BadgeDefinition;
  const calls: Awaited<ReturnType<typeof createSession>>[] = [];
  /** What a verifier on the network fetches (the server's own URLs on localhost). */
  const fetcher = (url: string) => fetch(url);

  async function api<T>(method: string, path: string, who: Account | string | null, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(typeof who === 'string' ? { authorization: `Bearer ${who}` } : {}),
        ...(who !== null && typeof who === 'object' ? who.headers : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** One tutorial call by `name`, who introduces themself in time (or late) and reformulates. */
  async function playCall(name: string, inTime: boolean) {
    const session = await createSession(server.url, SCENARIO, { as: trainer });
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const ok = async (input: Record<string, unknown>) => {
      const ack = await listener.send(input);
      if (!ack.ok) throw new Error(`${JSON.stringify(input)}: ${ack.code}`);
    };
    await ok({ kind: 'join', name });
    scheduler.advanceBy(3_000);
    await ok({ kind: 'pickup' });
    // « Se présenter dans la première minute »: met in time, not met 65 s after pickup.
    scheduler.advanceBy(inTime ? 5_000 : 65_000);
    await ok({ kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(2_000);
    await ok({ kind: 'move', move: 'reformuler' });
    scheduler.advanceBy(2_000);
    for (const _ of [1, 2, 3]) {
      await ok({ kind: 'move', move: 'guider_pas_a_pas' });
      scheduler.advanceBy(2_000);
    }
    await listener.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    listener.close();
    calls.push(session);
    return session;
  }

  async function badgesOf(session: { sessionId: string; tokens: { listener: string } }) {
    const answer = await api<{ awards: AwardedBadge[] }>(
      'GET',
      `/api/sessions/${session.sessionId}/badges`,
      session.tokens.listener,
    );
    expect(answer.status).toBe(200);
    return answer.body.awards;
  }

  beforeAll(async () => {
    server = await startServer({ scheduler });
    admin = await setupAdministrator(server);
    trainer = await inviteMember(server, admin, 'trainer', 'Dominique');
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('lets an administrator define a badge on rubric criteria, and refuses unknown criteria (input/invalid)', async () => {
    const criteria = await api<{ criteria: { competency: string; criterion: string }[] }>(
      'GET',
      '/api/badges/criteria',
      trainer,
    );
    expect(criteria.body.criteria).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          scenario: SCENARIO,
          scenarioTitle: expect.any(String),
          competency: 'accueil',
          criterion: 'se_presente',
        }),
      ]),
    );
    const definition = {
      name: 'Accueillir un appel',
      description: "Se présenter et reformuler le besoin de l'appelant·e.",
      criteria: [
        { scenario: SCENARIO, competency: 'accueil', criterion: 'se_presente' },
        { scenario: SCENARIO, competency: 'ecoute', criterion: 'reformule' },
      ],
      minCalls: 2,
    };
    expect(await api('POST', '/api/badges', trainer, definition)).toMatchObject({
      status: 403,
      body: { code: 'auth/forbidden_role' },
    });
    const unknown = await api('POST', '/api/badges', admin, {
      ...definition,
      criteria: [{ competency: 'accueil', criterion: 'nope' }],
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'input/invalid' } });
    // Known ids, but of no call of the catalogue.
    const otherCall = await api('POST', '/api/badges', admin, {
      ...definition,
      criteria: [{ scenario: 'appel-inconnu', competency: 'accueil', criterion: 'se_presente' }],
    });
    expect(otherCall).toMatchObject({ status: 400, body: { code: 'input/invalid' } });
    expect(await api('POST', '/api/badges', admin, { ...definition, minCalls: 0 })).toMatchObject({
      status: 400,
    });
    const created = await api<BadgeDefinition>('POST', '/api/badges', admin, definition);
    expect(created.status).toBe(201);
    const { retroactiveAwards, ...saved } = created.body;
    expect(retroactiveAwards).toBe(0); // no call played yet
    badge = saved;
    expect((await api<{ badges: BadgeDefinition[] }>('GET', '/api/badges', trainer)).body.badges).toEqual([
      badge,
    ]);
  });

  it('awards nothing after one call, nor to a learner who did not meet every criterion', async () => {
    const first = await playCall('Camille', true);
    expect(await badgesOf(first)).toEqual([]);
    await playCall('Sacha', false);
    const second = await playCall('Sacha', false);
    expect(await badgesOf(second)).toEqual([]);
  }, 60_000);

  let award: AwardedBadge;
  it('awards the badge when the second call meeting the criteria ends (same pseudonym, any case)', async () => {
    const second = await playCall('camille', true);
    // Awarded when the call's results are kept, without anyone opening the debrief.
    const deadline = Date.now() + 10_000;
    let awards = (await api<{ awards: AwardedBadge[] }>('GET', '/api/badges/awards', trainer)).body.awards;
    while (awards.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      awards = (await api<{ awards: AwardedBadge[] }>('GET', '/api/badges/awards', trainer)).body.awards;
    }
    expect(awards).toHaveLength(1);
    award = awards[0]!;
    expect(award).toMatchObject({ badgeId: badge.id, badgeName: 'Accueillir un appel', revoked: false });
    expect(await badgesOf(second)).toEqual([award]);
    expect(await badgesOf(calls[0]!)).toEqual([award]);
  }, 60_000);

  it('issues an OB 3.0 VC-JWT that the verifier accepts: structure, signature, key ownership, dates, status', async () => {
    const jwt = await (await fetch(award.downloads.jwt)).text();
    const result = await verifyOb3(jwt, fetcher);
    expect(result.errors).toEqual([]);
    expect(result.credential?.['credentialSubject']['achievement']['name']).toBe('Accueillir un appel');
    expect(identifiesRecipient(result.credential!, 'camille')).toBe(true);
    expect(identifiesRecipient(result.credential!, 'Sacha')).toBe(false);
    // Dates: the verifier refuses it before its validFrom.
    expect((await verifyOb3(jwt, fetcher, Date.parse(award.issuedAt) - 60_000)).errors).toContain(
      'dates/not_yet_valid',
    );
    // A changed payload fails the signature.
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    payload['name'] = 'Un autre badge';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect((await verifyOb3(tampered, fetcher)).errors).toContain('signature/invalid');
  });

  it("refuses a credential signed by a key that is not the issuer's (key ownership)", async () => {
    const jwt = await (await fetch(award.downloads.jwt)).text();
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const kid = 'https://forger.example/keys/1';
    const forged = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .sign(privateKey);
    const forgerJwk = await exportJWK(publicKey);
    const result = await verifyOb3(forged, (url) =>
      url === kid ? Promise.resolve(Response.json(forgerJwk)) : fetch(url),
    );
    expect(result.errors).toContain('key/not_issuers');
    // The published key is the organisation's, with no private member.
    const issuerId = String((payload['issuer'] as { id: string }).id);
    const jwks = (await (await fetch(`${issuerId}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('bakes the credential into PNG (iTXt openbadgecredential) and SVG (openbadges:credential), and OB 2.0 PNG (openbadges)', async () => {
    const jwt = await (await fetch(award.downloads.jwt)).text();
    const png = Buffer.from(await (await fetch(award.downloads.png)).arrayBuffer());
    const baked = pngTexts(png, 'openbadgecredential');
    expect(baked).toEqual([jwt]);
    expect((await verifyOb3(baked[0]!, fetcher)).valid).toBe(true);
    const svg = await (await fetch(award.downloads.svg)).text();
    expect(svgCredential(svg)).toBe(jwt);
    const ob2 = Buffer.from(await (await fetch(award.downloads.ob2Png)).arrayBuffer());
    expect(pngTexts(ob2, 'openbadges')).toEqual([award.downloads.ob2Assertion]);
  });

  it('serves an OB 2.0 hosted assertion the verifier accepts, and a public verification summary', async () => {
    const result = await verifyOb2Hosted(award.downloads.ob2Assertion, fetcher);
    expect(result.errors).toEqual([]);
    const summary = await api<Record<string, unknown>>(
      'GET',
      `/api/badges/credentials/${award.id}/verification`,
      null,
    );
    expect(summary).toMatchObject({
      status: 200,
      body: { badgeName: 'Accueillir un appel', learner: 'camille', revoked: false, signatureValid: true },
    });
    expect(await api('GET', '/api/badges/credentials/nope/verification', null)).toMatchObject({
      status: 404,
      body: { code: 'badge/not_found' },
    });
  });

  it('revokes: the status list bit is set, the hosted assertion answers 410 revoked; only administrators may', async () => {
    expect(
      await api('POST', `/api/badges/awards/${award.id}/revoke`, trainer, { reason: 'Erreur' }),
    ).toMatchObject({ status: 403 });
    expect(await api('POST', `/api/badges/awards/${award.id}/revoke`, admin, {})).toMatchObject({
      status: 400,
      body: { code: 'input/invalid' },
    });
    const revoked = await api<AwardedBadge>('POST', `/api/badges/awards/${award.id}/revoke`, admin, {
      reason: 'Attribué par erreur',
    });
    expect(revoked).toMatchObject({
      status: 201,
      body: { revoked: true, revocationReason: 'Attribué par erreur' },
    });
    const jwt = await (await fetch(award.downloads.jwt)).text();
    expect((await verifyOb3(jwt, fetcher)).errors).toEqual(['status/revocation']);
    expect((await verifyOb2Hosted(award.downloads.ob2Assertion, fetcher)).errors).toEqual([
      'assertion/revoked',
    ]);
    const summary = await api<Record<string, unknown>>(
      'GET',
      `/api/badges/credentials/${award.id}/verification`,
      null,
    );
    expect(summary.body).toMatchObject({ revoked: true, revocationReason: 'Attribué par erreur' });
  });

  it("exports a learner's badges with their pseudonym (RGPD export): name, date, revoked, verification", async () => {
    type Exported = {
      badges: { badgeName: string; issuedAt: string; revoked: boolean; verifyUrl: string }[];
    };
    const exported = await api<Exported>('POST', '/api/privacy/learners/export', admin, { name: 'Camille' });
    expect(exported.status).toBe(200);
    expect(exported.body.badges).toEqual([
      expect.objectContaining({
        badgeName: 'Accueillir un appel',
        issuedAt: award.issuedAt,
        revoked: true,
        revocationReason: 'Attribué par erreur',
        verifyUrl: award.verifyUrl,
        credentialUrl: award.downloads.jwt,
      }),
    ]);
    const other = await api<Exported>('POST', '/api/privacy/learners/export', admin, { name: 'Sacha' });
    expect(other.body.badges).toEqual([]);
  });

  it("erases a learner's badges with their pseudonym as typed (RGPD erasure), and says how many", async () => {
    // Typed as a person does (capitals, spaces, a full stop): the same person, before and after.
    expect(await api('POST', '/api/privacy/learners/find', admin, { name: ' CAMILLE. ' })).toMatchObject({
      status: 200,
      body: { badges: 1 },
    });
    const erased = await api('POST', '/api/privacy/learners/erase', admin, { name: ' CAMILLE. ' });
    expect(erased).toMatchObject({ status: 200, body: { badges: 1 } });
    expect((await api<{ awards: AwardedBadge[] }>('GET', '/api/badges/awards', trainer)).body.awards).toEqual(
      [],
    );
    // A verifier of the erased badge reads that it is not found: no detail, no trace of whom it named.
    const verification = await api('GET', `/api/badges/credentials/${award.id}/verification`, null);
    expect(verification).toMatchObject({ status: 404, body: { code: 'badge/not_found' } });
    expect(JSON.stringify(verification.body)).not.toMatch(/camille/i);
    const exported = await api<{ badges: unknown[] }>('POST', '/api/privacy/learners/export', admin, {
      name: 'Camille',
    });
    expect(exported.body.badges).toEqual([]);
  });

  it("offers the criteria of the organisation's published library calls, to that organisation only", async () => {
    const mine = { competency: 'accueil_maison', criterion: 'se_presente' };
    const definition = {
      name: 'Accueil maison',
      description: 'Notre grille.',
      criteria: [mine],
      minCalls: 1,
    };
    const choices = async (who: Account) =>
      (
        await api<{ criteria: { competency: string; criterion: string; scenarios: string[] }[] }>(
          'GET',
          '/api/badges/criteria',
          who,
        )
      ).body.criteria;
    expect(await choices(admin)).not.toContainEqual(expect.objectContaining(mine));
    expect(await api('POST', '/api/badges', admin, definition)).toMatchObject({ status: 400 });
    // A copy of the tutorial call with its own competency, published in the library.
    const library = (method: string, route: string, body?: unknown) =>
      api<{ yaml: string }>(method, `/api/library${route}`, admin, body);
    expect((await library('POST', '/calls', { duplicate: SCENARIO, id: 'appel-maison' })).status).toBe(201);
    const text = (await library('GET', '/calls/appel-maison/versions/1')).body.yaml;
    const yaml = text
      .replace(
        /^ {2}- id: accueil\n {4}label: Accueil$/m,
        '  - id: accueil_maison\n    label: Accueil maison',
      )
      .replace(/^title: .*$/m, 'title: Appel maison');
    expect(yaml).toContain('id: accueil_maison');
    expect((await library('PUT', '/calls/appel-maison/draft', { yaml })).status).toBe(200);
    expect((await library('POST', '/calls/appel-maison/publish')).status).toBe(201);

    expect(await choices(admin)).toContainEqual(
      expect.objectContaining({ ...mine, competencyLabel: 'Accueil maison', scenarios: ['Appel maison'] }),
    );
    const created = await api<BadgeDefinition>('POST', '/api/badges', admin, definition);
    expect(created.status).toBe(201);
    // Its narrative names the library call's labels.
    const achievement = (await (await fetch(created.body.url)).json()) as { criteria: { narrative: string } };
    expect(achievement.criteria.narrative).toContain('Accueil maison — Se présenter');
    // Another organisation sees none of it and cannot pick it.
    const outsider = await otherOrganization(server, 'Autre organisme');
    expect(await choices(outsider)).not.toContainEqual(expect.objectContaining(mine));
    expect(await api('POST', '/api/badges', outsider, definition)).toMatchObject({
      status: 400,
      body: { code: 'input/invalid' },
    });
  });

  it('awards a badge created after the calls were played (retroactive), matching criteria by call and id', async () => {
    await playCall('Alix', true);
    await playCall('Alix', true);
    // A copy of the tutorial published in the library: same competency and criterion ids.
    const library = (method: string, route: string, body?: unknown) =>
      api<{ yaml: string }>(method, `/api/library${route}`, admin, body);
    expect((await library('POST', '/calls', { duplicate: SCENARIO, id: 'appel-copie' })).status).toBe(201);
    const text = (await library('GET', '/calls/appel-copie/versions/1')).body.yaml;
    const yaml = text.replace(/^title: .*$/m, 'title: Appel copié');
    expect((await library('PUT', '/calls/appel-copie/draft', { yaml })).status).toBe(200);
    expect((await library('POST', '/calls/appel-copie/publish')).status).toBe(201);
    const choices = (
      await api<{ criteria: { scenario: string; competency: string; criterion: string }[] }>(
        'GET',
        '/api/badges/criteria',
        admin,
      )
    ).body.criteria.filter((c) => c.competency === 'accueil' && c.criterion === 'se_presente');
    expect(choices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scenario: SCENARIO }),
        expect.objectContaining({ scenario: 'appel-copie', scenarioTitle: 'Appel copié' }),
      ]),
    );

    const create = (name: string, criteria: object[], minCalls: number) =>
      api<BadgeDefinition>('POST', '/api/badges', admin, {
        name,
        description: 'Rétroactif.',
        criteria,
        minCalls,
      });
    const winners = async (badgeId: string) =>
      (await api<{ awards: AwardedBadge[] }>('GET', '/api/badges/awards', trainer)).body.awards
        .filter((a) => a.badgeId === badgeId)
        .map((a) => a.learner);

    // The copy's criterion: none of the tutorial's calls counts, despite the same ids.
    const copy = await create(
      'Copie',
      [{ scenario: 'appel-copie', competency: 'accueil', criterion: 'se_presente' }],
      1,
    );
    expect(copy).toMatchObject({ status: 201, body: { retroactiveAwards: 0 } });
    expect(await winners(copy.body.id)).toEqual([]);

    // The tutorial's criterion in two calls: Alix's two calls played before the badge count.
    const tutorial = await create(
      'Se présenter à temps',
      [{ scenario: SCENARIO, competency: 'accueil', criterion: 'se_presente' }],
      2,
    );
    expect(tutorial.status).toBe(201);
    const tutorialWinners = await winners(tutorial.body.id);
    expect(tutorialWinners).toContain('Alix');
    expect(tutorialWinners).not.toContain('Sacha'); // introduced themself late in both calls
    expect(tutorial.body.retroactiveAwards).toBe(tutorialWinners.length);

    // A badge defined before criteria named their call stays readable and matches in any call.
    const legacy = await create('Ancien', [{ competency: 'accueil', criterion: 'se_presente' }], 2);
    expect(legacy.status).toBe(201);
    expect(await winners(legacy.body.id)).toContain('Alix');
    const achievement = (await (await fetch(legacy.body.url)).json()) as { criteria: { narrative: string } };
    expect(achievement.criteria.narrative).toContain('Accueil — Se présenter');
  }, 90_000);
});
