// Accounts on the real app (port 0, a real SQLite file): the first boot's setup link works once,
// invitations once, a reset link changes the password through better-auth's own route, passwords
// are argon2id, sessions belong to their trainer and organisation, the audit log records what
// the issue names, retention per organisation, a pseudonym's export and erasure, a learner's
// history.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import Database from 'better-sqlite3';
import { sessionShareSchema } from '@ecoute/protocol';
import type {
  AuditLogEntry,
  LearnerHistoryItem,
  OrganizationSummary,
  SessionShare,
  ShareLink,
} from '@ecoute/protocol';
import { ScenarioCatalog } from '../src/scenarios/scenario-catalog.js';
import { AccountsService } from '../src/accounts/accounts.service.js';
import {
  RoleClient,
  createSession,
  inviteMember,
  otherOrganization,
  setupAdministrator,
  signIn,
  startServer,
} from './utils.js';
import type { Account, TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

describe('accounts and organisations', () => {
  let server: TestServer;
  let admin: Account;
  let trainer: Account;

  const call = async <T = unknown>(
    method: string,
    path: string,
    account: Account | null,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(account ? account.headers : { origin: server.url }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(server.config.databaseFile, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await startServer();
    expect(server.app.get(AccountsService).setupNeeded()).toBe(true);
    admin = await setupAdministrator(server);
    trainer = await inviteMember(server, admin, 'trainer', 'Dominique');
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('makes the first administrator once: the setup link is single use', async () => {
    expect(server.app.get(AccountsService).setupNeeded()).toBe(false);
    expect(await call('GET', '/api/account/setup', null)).toMatchObject({
      status: 200,
      body: { needed: false },
    });
    const again = await call('POST', '/api/account/setup', null, {
      token: 'anything',
      name: 'Intrus',
      email: 'intrus@example.org',
      password: 'un mot de passe assez long',
      organizationName: 'Autre',
    });
    expect(again).toMatchObject({ status: 403, body: { code: 'account/setup_invalid' } });
    expect(await call('GET', '/api/account/me', admin)).toMatchObject({
      status: 200,
      body: { name: 'Alex Admin', role: 'admin', organizationName: 'Organisme de test' },
    });
  });

  it('says who is signed in, or that nobody is, without a 401 (the public pages ask it)', async () => {
    expect(await call('GET', '/api/account/me', null)).toMatchObject({ status: 401 });
    expect(await call('GET', '/api/account/current', null)).toEqual(
      expect.objectContaining({ status: 200, body: { signedIn: false } }),
    );
    expect(await call('GET', '/api/account/current', admin)).toMatchObject({
      status: 200,
      body: {
        signedIn: true,
        me: { name: 'Alex Admin', role: 'admin', organizationName: 'Organisme de test' },
      },
    });
  });

  it('hashes passwords with argon2id and keeps no password in clear', () => {
    const rows = query<{ password: string }>('SELECT password FROM auth_account WHERE password IS NOT NULL');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password).not.toContain('un mot de passe de test');
    }
  });

  it('sets the session cookie HttpOnly and SameSite; refuses a wrong password', async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: trainer.email, password: trainer.password }),
    });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ecoute.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    await expect(signIn(server, trainer.email, 'pas le bon mot de passe')).rejects.toThrow(/sign-in: 401/);
  });

  it('takes an invitation once; its link is refused afterwards', async () => {
    const made = await call<ShareLink>('POST', '/api/organization/invitations', admin, {
      email: 'auteur@example.org',
      role: 'author',
    });
    expect(made.status).toBe(201);
    const id = made.body.link.split('#i=')[1] ?? '';
    expect(await call('GET', `/api/account/invitations/${id}`, null)).toMatchObject({
      status: 200,
      body: { email: 'auteur@example.org', role: 'author', organizationName: 'Organisme de test' },
    });
    const body = { name: 'Auteur', password: 'un mot de passe assez long' };
    expect((await call('POST', `/api/account/invitations/${id}/accept`, null, body)).status).toBe(201);
    expect(await call('POST', `/api/account/invitations/${id}/accept`, null, body)).toMatchObject({
      status: 404,
      body: { code: 'account/invitation_invalid' },
    });
    const organization = await call<OrganizationSummary>('GET', '/api/organization', admin);
    expect(organization.body.members.map((m) => [m.name, m.role])).toEqual([
      ['Alex Admin', 'admin'],
      ['Dominique', 'trainer'],
      ['Auteur', 'author'],
    ]);
    // Inviting someone already a member says so (not « invalid message »), and invites nobody.
    expect(
      await call('POST', '/api/organization/invitations', admin, {
        email: 'auteur@example.org',
        role: 'trainer',
      }),
    ).toMatchObject({ status: 409, body: { code: 'account/already_member' } });
    const after = await call<OrganizationSummary>('GET', '/api/organization', admin);
    expect(after.body.invitations.filter((i) => i.email === 'auteur@example.org')).toEqual([]);
  });

  it("an administrator's reset link changes the password once, through better-auth's route", async () => {
    const member = await inviteMember(server, admin, 'trainer', 'Oubli');
    const made = await call<ShareLink>(
      'POST',
      `/api/organization/members/${member.userId}/reset-link`,
      admin,
    );
    expect(made.status).toBe(201);
    const token = made.body.link.split('#k=')[1] ?? '';
    const reset = (newPassword: string) =>
      fetch(`${server.url}/api/auth/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ token, newPassword }),
      });
    expect((await reset('un nouveau mot de passe')).status).toBe(200);
    expect((await reset('encore un autre mot de passe')).status).toBe(400);
    await expect(signIn(server, member.email)).rejects.toThrow(/401/);
    expect((await signIn(server, member.email, 'un nouveau mot de passe')).userId).toBe(member.userId);
    // Not for a member of another organisation.
    const outsider = await otherOrganization(server, 'Ailleurs');
    expect(
      await call('POST', `/api/organization/members/${outsider.userId}/reset-link`, admin),
    ).toMatchObject({ status: 403 });
  });

  it('gives a session to its trainer and organisation, and shows its links again', async () => {
    const created = await createSession(server.url, SCENARIO, { as: trainer });
    const rows = query<{ owner_id: string; organization_id: string }>(
      'SELECT owner_id, organization_id FROM sessions WHERE id = ?',
      created.sessionId,
    );
    expect(rows[0]?.owner_id).toBe(trainer.userId);
    expect(rows[0]?.organization_id).toBeTruthy();
    // The tokens are stored hashed and sealed, never in clear.
    const tokens = query<{ token_hash: string; sealed: string }>(
      'SELECT token_hash, sealed FROM role_tokens WHERE session_id = ?',
      created.sessionId,
    );
    for (const row of tokens)
      for (const token of Object.values(created.tokens)) expect(row.sealed).not.toContain(token);
    // From another browser (a new sign-in), the same links.
    const elsewhere = await signIn(server, trainer.email);
    const again = await call<SessionShare>('GET', `/api/sessions/${created.sessionId}/links`, elsewhere);
    expect(again.body.links).toEqual(created.links);
    // …and which session they open, for a page opened from its address alone (a reload, a
    // bookmark): the call's title and version as it plays them, and when it was created.
    const [stored] = query<{ scenario_version: number; created_at: string }>(
      'SELECT scenario_version, created_at FROM sessions WHERE id = ?',
      created.sessionId,
    );
    const played = server.app.get(ScenarioCatalog).get(SCENARIO, stored!.scenario_version)!.scenario;
    expect(again.body).toMatchObject({
      sessionId: created.sessionId,
      scenarioId: SCENARIO,
      scenarioTitle: played.title,
      scenarioVersion: played.version,
      createdAt: stored!.created_at,
    });
    expect(played.title).toBe("Appel d'entraînement");
    expect(sessionShareSchema.strict().safeParse(again.body).success).toBe(true);
  });

  it('records sign-ins, revocations, deletions and exports in the audit log', async () => {
    const created = await createSession(server.url, SCENARIO, { as: trainer });
    await call('POST', `/api/sessions/${created.sessionId}/links/revoke`, trainer);
    await call('GET', `/api/sessions/${created.sessionId}/export/json`, trainer);
    await call('DELETE', `/api/sessions/${created.sessionId}`, admin);
    const log = await call<AuditLogEntry[]>('GET', '/api/organization/audit', admin);
    const actions = log.body.map((entry) => `${entry.action} ${entry.target ?? ''}`.trim());
    expect(actions).toEqual(
      expect.arrayContaining([
        `links-revoked ${created.sessionId}`,
        `session-exported ${created.sessionId}`,
        `session-deleted ${created.sessionId}`,
        'sign-in',
        'setup',
      ]),
    );
    expect(log.body.filter((entry) => entry.action === 'sign-in').map((entry) => entry.actor)).toContain(
      trainer.userId,
    );
    // As a person reads it: names and calls, never the ids.
    const signIns = log.body.filter((entry) => entry.action === 'sign-in');
    expect(signIns.map((entry) => entry.who)).toContainEqual({ kind: 'member', name: 'Dominique' });
    const revoked = log.body.find(
      (entry) => entry.target === created.sessionId && entry.action === 'links-revoked',
    );
    // The session was deleted since: it reads as gone rather than as an id.
    expect(revoked?.subject).toEqual({ kind: 'session-gone' });
    const kept = await createSession(server.url, SCENARIO, { as: trainer });
    await call('POST', `/api/sessions/${kept.sessionId}/links/revoke`, trainer);
    const again = await call<AuditLogEntry[]>('GET', '/api/organization/audit', admin);
    expect(again.body.find((entry) => entry.target === kept.sessionId)?.subject).toMatchObject({
      kind: 'session',
      title: expect.stringMatching(/\S/),
    });
    // A member's arrival: who joined, and the invitation they accepted, by its address (its
    // target is the invitation, not an account: it read as a deleted account).
    expect(
      again.body.find((entry) => entry.action === 'join' && entry.actor === trainer.userId),
    ).toMatchObject({
      who: { kind: 'member', name: 'Dominique' },
      subject: { kind: 'person', name: trainer.email },
    });
    // A trainer does not read it.
    expect((await call('GET', '/api/organization/audit', trainer)).status).toBe(403);
  });

  /** A call the trainer made, joined by a listener under `name` (then left). */
  async function play(name: string) {
    const created = await createSession(server.url, SCENARIO, { as: trainer });
    const listener = await RoleClient.connect(server.url, {
      sessionId: created.sessionId,
      token: created.tokens.listener,
    });
    expect(await listener.send({ kind: 'join', name })).toMatchObject({ ok: true });
    listener.close();
    return created;
  }

  it("lists a learner's own past sessions of the organisation, and exports or erases a pseudonym", async () => {
    const first = await play('Camille');
    const second = await play('camille');
    const other = await play('Sam');
    const history = await fetch(`${server.url}/api/sessions/${second.sessionId}/learner-history`, {
      headers: { authorization: `Bearer ${second.tokens.listener}` },
    });
    const items = (await history.json()) as LearnerHistoryItem[];
    expect(items.map((item) => item.sessionId).sort()).toEqual([first.sessionId, second.sessionId].sort());
    expect(items.find((item) => item.current)?.sessionId).toBe(second.sessionId);
    // Not with the trainer's link.
    expect(
      (
        await fetch(`${server.url}/api/sessions/${second.sessionId}/learner-history`, {
          headers: { authorization: `Bearer ${second.tokens.trainer}` },
        })
      ).status,
    ).toBe(403);

    const exported = await call<{ sessions: { session: { id: string } }[] }>(
      'POST',
      '/api/privacy/learners/export',
      admin,
      { name: 'CAMILLE' },
    );
    expect(exported.body.sessions.map((s) => s.session.id).sort()).toEqual(
      [first.sessionId, second.sessionId].sort(),
    );
    const erased = await call<{ sessions: string[] }>('POST', '/api/privacy/learners/erase', admin, {
      name: 'Camille',
    });
    expect(erased.body.sessions.sort()).toEqual([first.sessionId, second.sessionId].sort());
    expect(query('SELECT id FROM sessions WHERE id IN (?, ?)', first.sessionId, second.sessionId)).toEqual(
      [],
    );
    expect(query('SELECT id FROM sessions WHERE id = ?', other.sessionId)).toHaveLength(1);
    // The audit log keeps no pseudonym in clear.
    expect(JSON.stringify(query('SELECT * FROM audit_log'))).not.toMatch(/camille/i);
  });

  it('finds a pseudonym as a person types it (case, spaces, a final full stop), the same set for export and erasure', async () => {
    const lucie = await play('Lucie M.');
    const again = await play('lucie  m');
    const lucien = await play('Lucien M.');
    // Before the erasure, what it would take (nothing is recorded, nothing goes).
    expect(await call('POST', '/api/privacy/learners/find', admin, { name: ' lucie m ' })).toMatchObject({
      status: 200,
      body: { sessions: 2, badges: 0 },
    });
    // A part of the name is another person: « Luc » finds nobody (unlike the list's filter).
    expect((await call('POST', '/api/privacy/learners/find', admin, { name: 'Luc' })).body).toEqual({
      sessions: 0,
      badges: 0,
    });
    const exported = await call<{ sessions: { session: { id: string } }[] }>(
      'POST',
      '/api/privacy/learners/export',
      admin,
      { name: 'lucie m' },
    );
    const ids = [lucie.sessionId, again.sessionId].sort();
    expect(exported.body.sessions.map((s) => s.session.id).sort()).toEqual(ids);
    const erased = await call<{ sessions: string[]; badges: number }>(
      'POST',
      '/api/privacy/learners/erase',
      admin,
      { name: 'LUCIE M' },
    );
    expect(erased.body).toEqual({ sessions: expect.any(Array), badges: 0 });
    expect(erased.body.sessions.sort()).toEqual(ids);
    expect(query('SELECT id FROM sessions WHERE id = ?', lucien.sessionId)).toHaveLength(1);
    // The log says what went (counts), never the pseudonym.
    const log = await call<AuditLogEntry[]>('GET', '/api/organization/audit', admin);
    expect(log.body.find((entry) => entry.action === 'learner-erased')?.subject).toEqual({
      kind: 'learner-data',
      sessions: 2,
      badges: 0,
    });
    expect(log.body.find((entry) => entry.action === 'learner-exported')?.subject).toEqual({
      kind: 'learner-data',
      sessions: 2,
      badges: 0,
    });
    expect(JSON.stringify(query('SELECT * FROM audit_log'))).not.toMatch(/lucie/i);
  });

  it("sets the organisation's retention period (administrators only)", async () => {
    expect(await call('PUT', '/api/organization/retention', admin, { retentionDays: 30 })).toMatchObject({
      status: 200,
      body: { retentionDays: 30 },
    });
    expect(await call('PUT', '/api/organization/retention', admin, { retentionDays: -1 })).toMatchObject({
      status: 400,
      body: { code: 'input/invalid' },
    });
    expect((await call('PUT', '/api/organization/retention', trainer, { retentionDays: 1 })).status).toBe(
      403,
    );
    expect(await call('GET', '/api/account/me', trainer)).toMatchObject({ body: { retentionDays: 30 } });
  });
});
