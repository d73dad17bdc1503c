// The authorization matrix: every REST route of the running app (read from Express's router,
// not from a list kept by hand) and every socket event, × every kind of credential, each
// request sent for real and its answer held against what the policy table (src/auth/policy.ts)
// says. A route without a rule, or a rule without a route, fails the first test.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@ecoute/engine';
import { MemberStore } from '../src/accounts/member-store.js';
import { AUTH_ROUTES_REACHABLE } from '../src/accounts/mount-auth.js';
import { AUTH_LIBRARY_ROUTE, POLICY, ROUTE_ACTIONS, SOCKET_ACTIONS, allowedBy } from '../src/auth/policy.js';
import type { Credential, Target } from '../src/auth/policy.js';
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
const LINK_ROLES: Role[] = ['trainer', 'listener', 'observer', 'callerActor'];
/** Codes of a refusal by the policy (a session of another organisation answers as not found). */
const REFUSALS = new Set([
  'auth/invalid_token',
  'auth/sign_in_required',
  'auth/forbidden_role',
  // A trainer on a session someone else created (an `own` rule): not hers, said so.
  'auth/not_session_owner',
  'session/not_found',
  // A class of another trainer, or of another organisation, answers as one that does not exist.
  'class/not_found',
]);

/** `METHOD path` of every route Express knows, better-auth's mount included. */
function routesOf(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) => {
    // Nest's own not-found handler (every method on `{/*splat}`) is not a route of the API.
    if (!layer.route || layer.route.path === '{/*splat}') return [];
    const { path, methods } = layer.route;
    // `app.all` (better-auth's mount) registers every HTTP method.
    if (Object.keys(methods).length > 20 || methods['_all']) return [`ALL ${path}`];
    return Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`);
  });
}

/**
 * The table's routes this server mounts: all of them, but the test clock's, mounted only with
 * ECOUTE_TEST_CLOCK=manual (browser tests; `startServer` drives time through its own scheduler).
 */
const CONDITIONAL_ROUTES = new Set(['POST /api/test/clock/advance']);
function mountedRuleRoutes(registered: readonly string[]): string[] {
  return Object.keys(ROUTE_ACTIONS).filter((r) => !CONDITIONAL_ROUTES.has(r) || registered.includes(r));
}

type Kind =
  | 'none'
  | 'other organisation trainer'
  | 'author'
  | 'trainer (owner)'
  | 'trainer (same organisation)'
  | 'admin'
  | `link ${Role}`
  | 'revoked link';

interface Session {
  sessionId: string;
  tokens: Record<Role, string>;
  revoked: string;
}

describe('the authorization matrix', () => {
  let server: TestServer;
  let accounts: Record<'admin' | 'owner' | 'colleague' | 'author' | 'outsider', Account>;
  const memberships = new Map<string, Credential>();
  let shared: Session;
  /** A class of the owner (the classroom's routes on `:classId`). */
  let classId: string;
  let figures = { routes: 0, kinds: 0, requests: 0, socket: 0 };

  async function newSession(): Promise<Session> {
    const created = await createSession(server.url, SCENARIO, { callerActor: true, as: accounts.owner });
    const old = created.tokens.trainer;
    const revoked = await fetch(`${server.url}/api/sessions/${created.sessionId}/links/revoke`, {
      method: 'POST',
      headers: accounts.owner.headers,
    });
    expect(revoked.status).toBe(200);
    const { links } = (await revoked.json()) as { links: Record<Role, string> };
    const tokens = Object.fromEntries(
      Object.entries(links).map(([role, link]) => [role, decodeURIComponent(link.split('#k=')[1] ?? '')]),
    ) as Record<Role, string>;
    return { sessionId: created.sessionId, tokens, revoked: old };
  }

  const KINDS: Kind[] = [
    'none',
    'other organisation trainer',
    'author',
    'trainer (owner)',
    'trainer (same organisation)',
    'admin',
    ...LINK_ROLES.map((role): Kind => `link ${role}`),
    'revoked link',
  ];

  function accountOf(kind: Kind): Account | null {
    const byKind: Partial<Record<Kind, Account>> = {
      'other organisation trainer': accounts.outsider,
      author: accounts.author,
      'trainer (owner)': accounts.owner,
      'trainer (same organisation)': accounts.colleague,
      admin: accounts.admin,
    };
    return byKind[kind] ?? null;
  }

  /** What the policy sees of this kind of credential on `session`. */
  function credentialsOf(kind: Kind, session: Session): Credential[] {
    const account = accountOf(kind);
    if (account) return [memberships.get(account.userId)!];
    if (kind.startsWith('link '))
      return [{ kind: 'link', sessionId: session.sessionId, role: kind.slice(5) as Role }];
    return [];
  }

  function headersOf(kind: Kind, session: Session): Record<string, string> {
    const account = accountOf(kind);
    if (account) return account.headers;
    if (kind === 'revoked link') return { authorization: `Bearer ${session.revoked}` };
    if (kind.startsWith('link ')) return { authorization: `Bearer ${session.tokens[kind.slice(5) as Role]}` };
    return {};
  }

  const BODIES: Record<string, unknown> = {
    'POST /api/sessions': { scenarioId: SCENARIO, seed: 1 },
    'PUT /api/organization/retention': { retentionDays: 400 },
    'POST /api/privacy/learners/export': { name: 'Personne' },
    'POST /api/privacy/learners/erase': { name: 'Personne' },
    'POST /api/privacy/learners/find': { name: 'Personne' },
    'POST /api/badges': { name: 'Badge', description: 'Un badge', criteria: [], minCalls: 1 },
    'PUT /api/badges/:badgeId': { name: 'Badge', description: 'Un badge', criteria: [], minCalls: 1 },
    'POST /api/badges/awards/:awardId/revoke': { reason: 'Une raison' },
  };

  beforeAll(async () => {
    server = await startServer();
    const admin = await setupAdministrator(server);
    const outsiderAdmin = await otherOrganization(server, 'Un autre organisme');
    accounts = {
      admin,
      owner: await inviteMember(server, admin, 'trainer'),
      colleague: await inviteMember(server, admin, 'trainer'),
      author: await inviteMember(server, admin, 'author'),
      outsider: await inviteMember(server, outsiderAdmin, 'trainer'),
    };
    const members = server.app.get(MemberStore);
    for (const account of Object.values(accounts)) {
      const membership = await members.membershipOf(account.userId);
      if (!membership) throw new Error('no membership');
      memberships.set(account.userId, {
        kind: 'member',
        userId: account.userId,
        organizationId: membership.organizationId,
        role: membership.role,
      });
    }
    shared = await newSession();
    const created = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { ...accounts.owner.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Groupe', scenarioIds: [SCENARIO] }),
    });
    expect(created.status).toBe(201);
    classId = ((await created.json()) as { classId: string }).classId;
  }, 60_000);

  afterAll(async () => {
    console.log(
      `authorization matrix: ${figures.routes} REST routes × ${figures.kinds} kinds of credential = ${figures.requests} requests; ${Object.keys(SOCKET_ACTIONS).length} socket events × ${figures.kinds} = ${figures.socket}`,
    );
    await server.close();
  });

  it('has a rule for every route of the running app, and a route for every rule', () => {
    const routes = routesOf(server.app);
    const auth = `${AUTH_LIBRARY_ROUTE.method} ${AUTH_LIBRARY_ROUTE.path}`;
    expect(routes).toContain(auth);
    expect(routes.filter((route) => route !== auth).sort()).toEqual(mountedRuleRoutes(routes).sort());
    for (const action of Object.values(ROUTE_ACTIONS)) expect(POLICY[action]).toBeDefined();
  });

  it('answers every REST route × every kind of credential as the policy says', async () => {
    const routes = mountedRuleRoutes(routesOf(server.app));
    figures = { ...figures, routes: routes.length + 1, kinds: KINDS.length };
    const mismatches: string[] = [];
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const action = ROUTE_ACTIONS[route]!;
      const onSession = pattern.includes(':sessionId') || pattern.includes(':classId');
      for (const kind of KINDS) {
        // A write may change or delete its session: each on a session of its own.
        const session = onSession && method !== 'GET' ? await newSession() : shared;
        const path = pattern
          .replace(':sessionId', session.sessionId)
          .replace(':classId', classId)
          .replace(':markId', 'a-0123456789abcdef0123')
          .replace(':criterion', 'ton_pose')
          .replace(':invitationId', 'nope')
          .replace(':userId', accounts.colleague.userId)
          .replace(':callId', SCENARIO)
          .replace(':version', '1')
          .replace(':badgeId', 'b-nope')
          .replace(':awardId', 'nope')
          .replace(':organizationId', 'nope')
          .replace(':keyId', 'k-nope');
        const target: Target = onSession
          ? {
              kind: 'session',
              sessionId: pattern.includes(':classId') ? classId : session.sessionId,
              ownerId: accounts.owner.userId,
              organizationId: (memberships.get(accounts.owner.userId) as { organizationId: string })
                .organizationId,
            }
          : { kind: 'none' };
        const rule = POLICY[action];
        const allowed =
          ('anyone' in rule && rule.anyone) || allowedBy(rule, credentialsOf(kind, session), target) !== null;
        const body =
          method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(BODIES[route] ?? {});
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { ...headersOf(kind, session), ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        });
        figures.requests += 1;
        const answer = (await response.json().catch(() => ({}))) as { code?: string };
        const refused = [401, 403, 404].includes(response.status) && REFUSALS.has(answer.code ?? '');
        if (allowed === refused)
          mismatches.push(
            `${route} × ${kind}: ${allowed ? 'allowed' : 'refused'} by the policy, got ${response.status} ${answer.code ?? ''}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("reaches only better-auth's routes the product uses, whoever asks", async () => {
    for (const kind of KINDS) {
      figures.requests += 2;
      const session = await fetch(`${server.url}/api/auth/get-session`, { headers: headersOf(kind, shared) });
      expect(session.status).toBe(200);
      const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { ...headersOf(kind, shared), 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'x@example.org', password: 'un mot de passe', name: 'X' }),
      });
      expect(signUp.status).toBe(404);
    }
    expect([...AUTH_ROUTES_REACHABLE].sort()).toEqual([
      'GET /api/auth/get-session',
      'POST /api/auth/reset-password',
      'POST /api/auth/sign-in/email',
      'POST /api/auth/sign-out',
    ]);
  });

  it('answers every socket event × every kind of credential as the policy says', async () => {
    const session = await newSession();
    const mismatches: string[] = [];
    for (const kind of KINDS) {
      const headers = headersOf(kind, session);
      const token = headers.authorization?.replace('Bearer ', '') ?? '';
      const target: Target = {
        kind: 'session',
        sessionId: session.sessionId,
        ownerId: null,
        organizationId: null,
      };
      const allows = (action: keyof typeof POLICY) =>
        allowedBy(POLICY[action], credentialsOf(kind, session), target) !== null;
      const client = await RoleClient.connect(server.url, { sessionId: session.sessionId, token }).catch(
        () => null,
      );
      figures.socket += 3;
      if ((client !== null) !== allows(SOCKET_ACTIONS.handshake))
        mismatches.push(`handshake × ${kind}: ${client ? 'connected' : 'refused'}`);
      if (!client) continue;
      const sync = await client.sync(0);
      if (sync.ok !== allows(SOCKET_ACTIONS['session:sync']))
        mismatches.push(`session:sync × ${kind}: ${JSON.stringify(sync)}`);
      const input = await client.send({ kind: 'join', name: `Personne ${kind}` });
      if (input.ok !== allows(SOCKET_ACTIONS['session:input']))
        mismatches.push(`session:input × ${kind}: ${JSON.stringify(input)}`);
      client.close();
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('drops the sockets of revoked links; the old links are refused, the new ones open', async () => {
    const session = await newSession();
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const gone = new Promise<void>((resolve) => listener.socket.once('disconnect', () => resolve()));
    const revoked = await fetch(`${server.url}/api/sessions/${session.sessionId}/links/revoke`, {
      method: 'POST',
      headers: accounts.owner.headers,
    });
    expect(revoked.status).toBe(200);
    await gone;
    await expect(
      RoleClient.connect(server.url, { sessionId: session.sessionId, token: session.tokens.listener }),
    ).rejects.toThrow('auth/invalid_token');
    // The owner sees the new links again from any browser (a new sign-in, another cookie).
    const again = await fetch(`${server.url}/api/sessions/${session.sessionId}/links`, {
      headers: accounts.owner.headers,
    });
    const { links } = (await again.json()) as { links: Record<Role, string> };
    expect(await revoked.json()).toMatchObject({ links });
    const token = decodeURIComponent(links.listener.split('#k=')[1] ?? '');
    const fresh = await RoleClient.connect(server.url, { sessionId: session.sessionId, token });
    fresh.close();
  });

  it('refuses a cookie-authenticated write from another origin, or without one, or not JSON (CSRF)', async () => {
    const post = (headers: Record<string, string>, body = JSON.stringify({ scenarioId: SCENARIO })) =>
      fetch(`${server.url}/api/sessions`, { method: 'POST', headers, body });
    const cookie = accounts.owner.cookie;
    // Refused by the first guard that sees it: another origin and a body that is not JSON by the
    // request guards of every write (http/request-guards.ts), a cookie without the app's Origin by
    // the policy guard's CSRF check.
    for (const [headers, status, code] of <[Record<string, string>, number, string][]>[
      [{ cookie, 'content-type': 'application/json' }, 403, 'auth/csrf'],
      [
        { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
        403,
        'auth/forbidden_origin',
      ],
      [{ cookie, 'content-type': 'text/plain', origin: server.url }, 415, 'input/invalid'],
      [
        { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
        415,
        'input/invalid',
      ],
    ]) {
      const answer = await post(headers);
      expect({ status: answer.status, code: ((await answer.json()) as { code?: string }).code }).toEqual({
        status,
        code,
      });
    }
    expect((await post({ cookie, 'content-type': 'application/json', origin: server.url })).status).toBe(201);
  });
});
