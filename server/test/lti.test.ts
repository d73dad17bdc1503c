// LTI 1.3 against a simulated platform (lti-platform.ts, real HTTP on port 0, signing with
// jose): dynamic registration as Moodle 4 does it, OIDC login initiation, good launches
// (learner → the listener's console of a session of the chosen scenario; instructor → the
// trainer's console of the same session), the negative launches of the LTI Advantage
// certification each refused with a coded reason, Deep Linking, and the score sent back (AGS)
// when the learner's call has its results kept. A launch names the page (the platform's given
// name, else a stable pseudonym: an anonymous launch plays, is debriefed and graded like any
// other); the instructor lists the course's members (NRPS 2.0) with who played and earned.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { createRemoteJWKSet, generateKeyPair, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { CourseMembers } from '@ecoute/protocol';
import { SessionStore } from '../src/sessions/session-store.js';
import { LTI, NRPS_SCOPE, SimulatedPlatform } from './lti-platform.js';
import { RoleClient, createSession, setupAdministrator, startServer } from './utils.js';
import type { Account, TestServer } from './utils.js';

describe('LTI 1.3 tool', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let platform: SimulatedPlatform;
  let admin: Account;

  /** OIDC login initiation as the platform's browser does it: the redirect and the state cookie. */
  async function login(overrides: Record<string, string> = {}) {
    const query = new URLSearchParams({
      iss: platform.url,
      login_hint: 'user-hint',
      target_link_uri: `${server.url}/lti/launch`,
      lti_message_hint: 'message-hint',
      client_id: platform.clientId,
      lti_deployment_id: platform.deploymentId,
      ...overrides,
    });
    const response = await fetch(`${server.url}/lti/login?${query}`, { redirect: 'manual' });
    return response;
  }

  async function startLaunch() {
    const response = await login();
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ecoute_lti_state='))!;
    return {
      location,
      cookie,
      state: location.searchParams.get('state')!,
      nonce: location.searchParams.get('nonce')!,
    };
  }

  async function post(idToken: string, state: string, cookie: string | null) {
    const response = await fetch(`${server.url}/lti/launch`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: platform.url,
        ...(cookie ? { cookie: cookie.split(';')[0]! } : {}),
      },
      body: new URLSearchParams({ id_token: idToken, state }),
    });
    return response;
  }

  async function launch(
    claims: (nonce: string) => JWTPayload,
    options: Parameters<SimulatedPlatform['idToken']>[1] = {},
  ) {
    const { state, nonce, cookie } = await startLaunch();
    return post(await platform.idToken(claims(nonce), options), state, cookie);
  }

  /** The page a launch redirects to: session, role token, and the name the fragment gives. */
  function landing(response: Response) {
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const [path, fragment] = location.split('#') as [string, string];
    const params = new URLSearchParams(fragment);
    return {
      path,
      sessionId: path.split('/')[2]!,
      token: params.get('k')!,
      name: params.get('n'),
      pseudonym: params.get('p') === '1',
      /** `l=1`: the trainer's console knows a platform opened it (and may ask for members). */
      launched: params.get('l') === '1',
    };
  }

  /** A tutorial call played to its end by the listener (se présenter in time, reformuler). */
  async function playToEnd(session: string, token: string, name: string) {
    const client = await RoleClient.connect(server.url, { sessionId: session, token });
    const ok = async (input: Record<string, unknown>) => {
      const ack = await client.send(input);
      if (!ack.ok) throw new Error(`${JSON.stringify(input)}: ${ack.code}`);
    };
    await ok({ kind: 'join', name });
    scheduler.advanceBy(3_000);
    await ok({ kind: 'pickup' });
    scheduler.advanceBy(5_000);
    await ok({ kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(2_000);
    await ok({ kind: 'move', move: 'reformuler' });
    for (const _ of [1, 2, 3]) {
      scheduler.advanceBy(2_000);
      await ok({ kind: 'move', move: 'guider_pas_a_pas' });
    }
    await client.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    client.close();
  }

  async function scoresFor(count: number) {
    const deadline = Date.now() + 15_000;
    while (platform.scores.length < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    return platform.scores;
  }

  beforeAll(async () => {
    platform = await SimulatedPlatform.start();
    server = await startServer({ scheduler });
    admin = await setupAdministrator(server);
    // A badge earned in one call, to see it in the course's members list.
    const badge = await fetch(`${server.url}/api/badges`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Accueillir un appel',
        description: "Se présenter et reformuler le besoin de l'appelant·e.",
        criteria: [
          { competency: 'accueil', criterion: 'se_presente' },
          { competency: 'ecoute', criterion: 'reformule' },
        ],
        minCalls: 1,
      }),
    });
    expect(badge.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await platform.close();
  });

  it('registers dynamically as Moodle 4 offers it (openid_configuration + registration_token)', async () => {
    const link = await fetch(`${server.url}/api/lti/registration`, { headers: admin.headers });
    expect(link.status).toBe(200);
    const { url } = (await link.json()) as { url: string };
    const query = new URLSearchParams({
      openid_configuration: `${platform.url}/.well-known/openid-configuration`,
      registration_token: 'registration-token',
    });
    // Before any registration nobody may frame the app.
    expect((await fetch(`${server.url}/api/scenarios`)).headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    );
    // A link not made by an administrator is refused.
    const forged = await fetch(`${server.url}/lti/register/forged?${query}`);
    expect(forged.status).toBe(502);
    const page = await fetch(`${url.replace(/^http:\/\/localhost:\d+/, server.url)}?${query}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/lti/close.js');
    expect(platform.registrations).toHaveLength(1);
    expect(platform.registrations[0]).toMatchObject({
      response_types: ['id_token'],
      token_endpoint_auth_method: 'private_key_jwt',
      initiate_login_uri: expect.stringMatching(/\/lti\/login$/),
      redirect_uris: [expect.stringMatching(/\/lti\/launch$/)],
      jwks_uri: expect.stringMatching(/\/lti\/jwks$/),
      scope: `https://purl.imsglobal.org/spec/lti-ags/scope/score ${NRPS_SCOPE}`,
    });
    const platforms = (await (
      await fetch(`${server.url}/api/lti/registration`, { headers: admin.headers })
    ).json()) as {
      platforms: { issuer: string; deploymentIds: string[] }[];
    };
    // The registered platform may now frame the app (its course shows the tool in an iframe).
    const home = await fetch(`${server.url}/api/scenarios`);
    expect(home.headers.get('content-security-policy')).toContain(`frame-ancestors ${platform.url}`);
    expect(platforms.platforms).toEqual([
      expect.objectContaining({ issuer: platform.url, deploymentIds: ['deployment-1'] }),
    ]);
  });

  it('initiates the OIDC login: redirect to the platform with state and nonce, state cookie for an iframe', async () => {
    const { location, cookie } = await startLaunch();
    expect(location.origin + location.pathname).toBe(`${platform.url}/auth`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      login_hint: 'user-hint',
      lti_message_hint: 'message-hint',
      redirect_uri: expect.stringMatching(/\/lti\/launch$/),
    });
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=None/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Partitioned/i);
    const unknown = await login({ iss: 'https://unknown.example' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'lti/unknown_platform' });
  });

  let sessionId = '';
  it('lands a learner in the listener console of a session of the chosen scenario, the instructor in its trainer console', async () => {
    const learner = await launch((nonce) =>
      platform.claims(nonce, 'learner', 'learner-42', 'appel-entrainement'),
    );
    expect(learner.status).toBe(303);
    const listenerPath = learner.headers.get('location')!;
    expect(listenerPath).toMatch(/^\/ecoute\/[\w-]+#k=/);
    sessionId = listenerPath.split('/')[2]!.split('#')[0]!;
    expect((await server.app.get(SessionStore).find(sessionId))?.scenarioId).toBe('appel-entrainement');
    // Named by the platform (given_name): the page joins under it, nobody types it.
    expect(landing(learner)).toMatchObject({ name: 'Camille', pseudonym: false, launched: false });
    const instructor = await launch((nonce) => platform.claims(nonce, 'instructor', 'teacher-1'));
    expect(instructor.status).toBe(303);
    expect(instructor.headers.get('location')).toMatch(new RegExp(`^/animation/${sessionId}#k=`));
    expect(landing(instructor)).toMatchObject({ name: 'Dominique', pseudonym: false, launched: true });
    // Only `name` (no given_name): that one.
    const named = await launch((nonce) => {
      const claims = platform.claims(nonce, 'instructor', 'teacher-2');
      delete claims['given_name'];
      return claims;
    });
    expect(landing(named)).toMatchObject({ name: 'Dominique Prof', pseudonym: false });
  });

  // The certification's valid launches: instructor and learner, with names and email, names
  // only, email only, no PII at all. The email is never shown: without a name, a pseudonym.
  it.each([
    [
      'an instructor with names and email',
      'instructor',
      { given_name: 'Alix', name: 'Alix Prof', email: 'a@x.example' },
      'Alix',
    ],
    ['an instructor with names only', 'instructor', { name: 'Alix Prof' }, 'Alix Prof'],
    ['an instructor with email only', 'instructor', { email: 'a@x.example' }, null],
    ['an instructor with no PII', 'instructor', {}, null],
    [
      'a learner with names and email',
      'learner',
      { given_name: 'Noa', family_name: 'Petit', email: 'n@x.example' },
      'Noa',
    ],
    ['a learner with email only', 'learner', { email: 'n@x.example' }, null],
    ['a learner with no PII', 'learner', {}, null],
  ] as const)('accepts %s, named or given a pseudonym', async (_name, role, person, expected) => {
    const sub = `cert-${role}-${Object.keys(person).join('-') || 'none'}`;
    const response = await launch((nonce) => {
      const claims = platform.claims(nonce, role, sub);
      for (const claim of ['name', 'given_name', 'family_name', 'email']) delete claims[claim];
      return { ...claims, ...person };
    });
    const page = landing(response);
    expect(page.path).toMatch(role === 'instructor' ? /^\/animation\// : /^\/ecoute\//);
    if (expected !== null) expect(page).toMatchObject({ name: expected, pseudonym: false });
    else {
      expect(page.pseudonym).toBe(true);
      expect(page.name).toMatch(/^[\p{L}-]+ \d{2}$/u);
      expect(page.name).not.toContain('@');
    }
  });

  describe('refuses the negative launches of the certification, each with its reason', () => {
    const good = (nonce: string) => platform.claims(nonce, 'learner', 'learner-99');
    const without = (claim: string) => (nonce: string) => {
      const claims = good(nonce);
      delete claims[claim];
      return claims;
    };
    const cases: [
      string,
      (nonce: string) => JWTPayload,
      Parameters<SimulatedPlatform['idToken']>[1],
      string,
    ][] = [
      ['no kid in the header', good, { header: { kid: undefined } }, 'no_kid'],
      ['an unknown kid', good, { header: { kid: 'not-a-platform-key' } }, 'unknown_kid'],
      ['a wrong LTI version', (n) => ({ ...good(n), [`${LTI}version`]: '1.2.0' }), {}, 'wrong_version'],
      ['no LTI version', without(`${LTI}version`), {}, 'wrong_version'],
      [
        'an expired token',
        good,
        { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
        'expired',
      ],
      [
        'a token issued in the future',
        good,
        { iat: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 7200 },
        'issued_in_future',
      ],
      ['no message type', without(`${LTI}message_type`), {}, 'no_message_type'],
      [
        'an unknown message type',
        (n) => ({ ...good(n), [`${LTI}message_type`]: 'LtiSomethingElse' }),
        {},
        'unsupported_message_type',
      ],
      ['no roles', without(`${LTI}roles`), {}, 'no_roles'],
      ['no deployment id', without(`${LTI}deployment_id`), {}, 'no_deployment_id'],
      [
        'an unknown deployment id',
        (n) => ({ ...good(n), [`${LTI}deployment_id`]: 'other' }),
        {},
        'unknown_deployment',
      ],
      [
        'no resource link id',
        (n) => ({ ...good(n), [`${LTI}resource_link`]: { title: 'x' } }),
        {},
        'no_resource_link_id',
      ],
      ['no subject', without('sub'), {}, 'no_subject'],
      [
        'none of the LTI claims',
        (n) =>
          Object.fromEntries(
            Object.entries(good(n)).filter(([claim]) => !claim.startsWith('https://purl.imsglobal.org/')),
          ),
        {},
        'wrong_version',
      ],
      ['another audience', good, { aud: 'someone-else' }, 'wrong_audience'],
      ['another issuer', good, { iss: 'https://evil.example' }, 'wrong_issuer'],
      [
        'several audiences without azp',
        good,
        { aud: [platform?.clientId ?? 'client-ecoute', 'other'] },
        'wrong_azp',
      ],
      ['a wrong nonce', (n) => ({ ...good(n), nonce: `${n}x` }), {}, 'bad_nonce'],
    ];
    it.each(cases)('refuses %s', async (_name, claims, options, reason) => {
      const response = await launch(claims, options);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        code: 'lti/invalid_launch',
        reason,
        message: expect.stringContaining('refusé'),
      });
    });

    it('refuses an unreadable token (not a JWT, a header that is not JSON) before anything else', async () => {
      for (const idToken of [
        'not-a-jwt',
        'e30.e30',
        `${Buffer.from('{oops').toString('base64url')}.e30.sig`,
      ]) {
        const { state, cookie } = await startLaunch();
        const response = await post(idToken, state, cookie);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ code: 'lti/invalid_launch', reason: 'bad_token' });
      }
    });

    it('refuses a token signed by another key under the platform kid (bad signature)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const response = await launch(good, { key: privateKey });
      expect(await response.json()).toMatchObject({ code: 'lti/invalid_launch', reason: 'bad_signature' });
    });

    it('refuses a replayed state, an unknown state and a state cookie of another login', async () => {
      const { state, nonce, cookie } = await startLaunch();
      const token = await platform.idToken(good(nonce));
      expect((await post(token, state, cookie)).status).toBe(303);
      expect(await (await post(token, state, cookie)).json()).toMatchObject({ code: 'lti/invalid_state' });
      expect(await (await post(token, 'made-up', null)).json()).toMatchObject({ code: 'lti/invalid_state' });
      const other = await startLaunch();
      const mine = await startLaunch();
      const answer = await post(await platform.idToken(good(mine.nonce)), mine.state, other.cookie);
      expect(await answer.json()).toMatchObject({ code: 'lti/invalid_state' });
    });
  });

  it('lets the instructor choose the scenario by Deep Linking: a signed LtiDeepLinkingResponse', async () => {
    const response = await launch((nonce) => ({
      ...platform.claims(nonce, 'instructor', 'teacher-1'),
      [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
      [`${LTI}resource_link`]: undefined,
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
        deep_link_return_url: `${platform.url}/deep-link-return`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        data: 'opaque-data',
      },
    }));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('detresse-suicidaire');
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const chosen = await fetch(`${server.url}/lti/deep-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({ token, scenario: 'detresse-suicidaire' }),
    });
    const html = await chosen.text();
    expect(html).toContain(`action="${platform.url}/deep-link-return"`);
    const jwt = /name="JWT" value="([^"]+)"/.exec(html)![1]!;
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(`${server.url}/lti/jwks`)), {
      issuer: platform.clientId,
      audience: platform.url,
    });
    expect(payload).toMatchObject({
      [`${LTI}message_type`]: 'LtiDeepLinkingResponse',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: platform.deploymentId,
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'opaque-data',
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
        expect.objectContaining({ type: 'ltiResourceLink', custom: { scenario: 'detresse-suicidaire' } }),
      ],
    });
    // The same token cannot answer twice.
    const again = await fetch(`${server.url}/lti/deep-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, scenario: 'detresse-suicidaire' }),
    });
    expect(await again.json()).toMatchObject({ code: 'lti/invalid_state' });
  });

  it("sends the learner's score to the line item (AGS) when the call's results are kept", async () => {
    const learner = await launch((nonce) => platform.claims(nonce, 'learner', 'learner-42'));
    const path = learner.headers.get('location')!;
    expect(path.split('/')[2]!.split('#')[0]).toBe(sessionId);
    await playToEnd(sessionId, landing(learner).token, 'Camille');
    await scoresFor(1);
    expect(platform.tokenRequests).toEqual([
      { assertionValid: true, scope: 'https://purl.imsglobal.org/spec/lti-ags/scope/score' },
    ]);
    expect(platform.scores).toHaveLength(1);
    const score = platform.scores[0]!;
    expect(score.authorization).toBe('Bearer platform-access-token');
    expect(score.body).toMatchObject({
      userId: 'learner-42',
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(score.body['scoreGiven']).toEqual(expect.any(Number));
    expect(score.body['scoreGiven'] as number).toBeGreaterThan(0);
  }, 60_000);

  let anonymous: ReturnType<typeof landing>;
  it('lets a learner launched without name or email (only sub) play under a pseudonym they may change; debrief, badge and grade work', async () => {
    const anonymousClaims = (sub: string) => (nonce: string) => {
      const claims = platform.claims(nonce, 'learner', sub);
      for (const claim of ['name', 'given_name', 'family_name', 'email']) delete claims[claim];
      return claims;
    };
    anonymous = landing(await launch(anonymousClaims('learner-anonymous')));
    expect(anonymous.path).toMatch(/^\/ecoute\//);
    expect(anonymous.pseudonym).toBe(true);
    expect(anonymous.name).toMatch(/^[\p{L}-]+ \d{2}$/u);
    expect(anonymous.name).not.toContain('learner');
    // The same person gets the same pseudonym at the next launch (same session), another one not
    // necessarily the same: it comes from the subject.
    const again = landing(await launch(anonymousClaims('learner-anonymous')));
    expect(again).toMatchObject({ sessionId: anonymous.sessionId, name: anonymous.name, pseudonym: true });
    const names = new Set<string | null>();
    for (const sub of ['anon-a', 'anon-b', 'anon-c', 'anon-d'])
      names.add(landing(await launch(anonymousClaims(sub))).name);
    expect(names.size).toBeGreaterThan(1);
    // They play under the pseudonym, then change it on their page (a second join, another name).
    await playToEnd(anonymous.sessionId, anonymous.token, anonymous.name!);
    const scores = await scoresFor(2);
    expect(scores[1]!.body).toMatchObject({ userId: 'learner-anonymous', scoreMaximum: 100 });
    expect(scores[1]!.body['scoreGiven'] as number).toBeGreaterThan(0);
    const debrief = await fetch(`${server.url}/api/sessions/${anonymous.sessionId}/debrief`, {
      headers: { authorization: `Bearer ${anonymous.token}` },
    });
    expect(debrief.status).toBe(200);
    expect(((await debrief.json()) as { session: { learner: string | null } }).session.learner).toBe(
      anonymous.name,
    );
    const badges = await fetch(`${server.url}/api/sessions/${anonymous.sessionId}/badges`, {
      headers: { authorization: `Bearer ${anonymous.token}` },
    });
    expect(((await badges.json()) as { awards: { learner: string; badgeName: string }[] }).awards).toEqual([
      expect.objectContaining({ learner: anonymous.name, badgeName: 'Accueillir un appel' }),
    ]);
  }, 60_000);

  it("lists the course's members for the instructor (NRPS 2.0, every page): who played, whose grade went back, who earned what", async () => {
    // The instructor's console of the activity (its latest session); the list covers every
    // session launched on the activity's resource link.
    const instructor = landing(await launch((nonce) => platform.claims(nonce, 'instructor', 'teacher-1')));
    expect(instructor.path).toMatch(/^\/animation\//);
    // Badges are awarded when the results are kept; asking for them settles the evaluation.
    await fetch(`${server.url}/api/sessions/${sessionId}/badges`, { headers: admin.headers });
    const tokensBefore = platform.tokenRequests.length;
    const membersOf = (id: string, token: string) =>
      fetch(`${server.url}/api/sessions/${id}/lti/members`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const answer = await membersOf(instructor.sessionId, instructor.token);
    expect(answer.status).toBe(200);
    const { course, members } = (await answer.json()) as CourseMembers;
    expect(course).toBe('Médiation numérique');
    expect(members).toEqual(
      [
        {
          name: 'Camille',
          pseudonym: false,
          role: 'learner',
          active: true,
          calls: 1,
          ended: 1,
          scoreSent: true,
          badges: ['Accueillir un appel'],
        },
        {
          name: 'Dominique',
          pseudonym: false,
          role: 'instructor',
          active: true,
          calls: 0,
          ended: 0,
          scoreSent: false,
          badges: [],
        },
        {
          name: anonymous.name,
          pseudonym: true,
          role: 'learner',
          active: true,
          calls: 1,
          ended: 1,
          scoreSent: true,
          badges: ['Accueillir un appel'],
        },
        {
          name: 'Sacha',
          pseudonym: false,
          role: 'learner',
          active: false,
          calls: 0,
          ended: 0,
          scoreSent: false,
          badges: [],
        },
      ].sort((a, b) => a.name!.localeCompare(b.name!, 'fr')),
    );
    // Client credentials for the NRPS scope (the signed assertion checked), then both pages.
    expect(platform.tokenRequests.slice(tokensBefore)).toEqual([{ assertionValid: true, scope: NRPS_SCOPE }]);
    expect(platform.membershipRequests.slice(-2)).toEqual([
      {
        authorization: 'Bearer nrps-access-token',
        accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
        page: 0,
      },
      {
        authorization: 'Bearer nrps-access-token',
        accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
        page: 1,
      },
    ]);
    // The listener's link may not; a session no platform launched has no members to list.
    const asListener = await membersOf(anonymous.sessionId, anonymous.token);
    expect(asListener.status).toBe(403);
    const plain = await createSession(server.url, 'appel-entrainement', { as: admin });
    const none = await membersOf(plain.sessionId, plain.tokens.trainer);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ code: 'lti/no_membership_service' });
    // The platform failing is said, with its code.
    platform.membershipsFail = true;
    const failed = await membersOf(instructor.sessionId, instructor.token);
    platform.membershipsFail = false;
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ code: 'lti/membership_failed', message: expect.any(String) });
  }, 60_000);
});
