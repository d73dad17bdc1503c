// The sessions list says, per session, whether the signed-in account may open and manage it, and
// who created it; a member refused on someone else's session is told so (`auth/not_session_owner`),
// not that their role cannot (newcomer trial 2, item 2). A real SQLite file, two trainers and an
// administrator of one organisation, an author.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { MEMBER_PAGES } from '@ecoute/protocol';
import type { MemberPage, SessionListItem } from '@ecoute/protocol';
import { POLICY } from '../src/auth/policy.js';
import type { Action } from '../src/auth/policy.js';
import { createSession, inviteMember, setupAdministrator, startServer } from './utils.js';
import type { Account, TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

describe('the sessions list: which sessions the signed-in account may open, and whose they are', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let admin: Account;
  let dominique: Account;
  let camille: Account;
  let author: Account;
  let ofAdmin: string;
  let ofDominique: string;

  const call = async (method: string, path: string, who: Account) => {
    const response = await fetch(`${server.url}${path}`, { method, headers: who.headers });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const list = async (who: Account) => {
    const answer = await call('GET', '/api/sessions', who);
    expect(answer.status).toBe(200);
    return new Map((answer.body as SessionListItem[]).map((item) => [item.id, item]));
  };

  beforeAll(async () => {
    server = await startServer({ scheduler });
    admin = await setupAdministrator(server);
    dominique = await inviteMember(server, admin, 'trainer', 'Dominique');
    camille = await inviteMember(server, admin, 'trainer', 'Camille');
    author = await inviteMember(server, admin, 'author', 'Aude');
    ofAdmin = (await createSession(server.url, SCENARIO, { as: admin })).sessionId;
    ofDominique = (await createSession(server.url, SCENARIO, { as: dominique })).sessionId;
  });
  afterAll(async () => {
    await server.close();
  });

  it('a trainer manages her own sessions only; an administrator, all; each row names its creator', async () => {
    const forDominique = await list(dominique);
    expect(forDominique.get(ofDominique)).toMatchObject({ manageable: true, createdBy: 'Dominique' });
    expect(forDominique.get(ofAdmin)).toMatchObject({ manageable: false, createdBy: 'Alex Admin' });
    const forCamille = await list(camille);
    expect(forCamille.get(ofDominique)).toMatchObject({ manageable: false, createdBy: 'Dominique' });
    const forAdmin = await list(admin);
    expect(forAdmin.get(ofDominique)).toMatchObject({ manageable: true, createdBy: 'Dominique' });
    expect(forAdmin.get(ofAdmin)).toMatchObject({ manageable: true, createdBy: 'Alex Admin' });
  });

  it("what the flag says is what the server does: someone else's session is refused as not hers", async () => {
    for (const [method, path] of [
      ['GET', `/api/sessions/${ofAdmin}/debrief`],
      ['GET', `/api/sessions/${ofAdmin}/links`],
    ] as const)
      expect(await call(method, path, dominique)).toMatchObject({
        status: 403,
        body: { code: 'auth/not_session_owner' },
      });
    expect(await call('GET', `/api/sessions/${ofDominique}/links`, dominique)).toMatchObject({ status: 200 });
    expect(await call('GET', `/api/sessions/${ofDominique}/links`, admin)).toMatchObject({ status: 200 });
    // A role that may not at all is still told so by its role.
    expect(await call('GET', '/api/sessions', author)).toMatchObject({
      status: 403,
      body: { code: 'auth/forbidden_role' },
    });
    expect(await call('GET', `/api/sessions/${ofDominique}/links`, author)).toMatchObject({
      status: 403,
      body: { code: 'auth/forbidden_role' },
    });
    expect(await call('DELETE', `/api/sessions/${ofAdmin}`, dominique)).toMatchObject({
      status: 403,
      body: { code: 'auth/not_session_owner' },
    });
    expect(await call('DELETE', `/api/sessions/${ofDominique}`, camille)).toMatchObject({
      status: 403,
      body: { code: 'auth/not_session_owner' },
    });
    expect((await list(admin)).has(ofDominique)).toBe(true);
  });
});

describe("the member pages' roles (the menu and each page's refusal) are the policy's", () => {
  it("each page's roles are those its list's rule lets", () => {
    const actions: Record<MemberPage, Action> = {
      sessions: 'session.list',
      classes: 'class.list',
      badges: 'badge.read',
      library: 'library.read',
      organisation: 'organisation.read',
    };
    for (const [page, action] of Object.entries(actions) as [MemberPage, Action][])
      expect([...MEMBER_PAGES[page].roles].sort()).toEqual(Object.keys(POLICY[action].members).sort());
  });
});
