// Who may do what, in one table: every REST route and every socket event names an action, and
// each action has one rule. `PolicyGuard` (policy.guard.ts) applies it to every REST route
// (a route without an entry in ROUTE_ACTIONS is refused `auth/no_rule`) and the gateway to the
// socket handshake. The authorization matrix test (server/test/authorization-matrix.test.ts)
// reads the routes of the running app and this table, and sends every kind of credential.
import type { Role } from '@ecoute/engine';
import type { MemberRole } from '../accounts/auth.js';

/**
 * One rule.
 * - `anyone`: no credential needed (public reads, the first boot's setup, invitations: the
 *   secret is in the request itself, checked by the handler).
 * - `links`: the role links that may, on their own session only.
 * - `members`: the accounts that may, per role: `organisation` = any session (or the
 *   organisation itself) of their organisation; `own` = only the sessions they created.
 */
export interface Rule {
  anyone?: true;
  links: readonly Role[];
  members: Partial<Record<MemberRole, 'organisation' | 'own'>>;
}

const NOBODY: Rule = { links: [], members: {} };
const ADMINS: Rule = { links: [], members: { admin: 'organisation' } };
const SESSION_OWNERS: Rule = { links: [], members: { trainer: 'own', admin: 'organisation' } };
const ANYONE: Rule = { anyone: true, links: [], members: {} };

export const POLICY = {
  // Server and library
  'server.health': ANYONE,
  // The metrics check their own bearer token (ECOUTE_METRICS_TOKEN) and are off by default.
  'server.metrics': ANYONE,
  'server.docs': ANYONE,
  // Mounted only with ECOUTE_TEST_CLOCK=manual (tests).
  'server.test-clock': ANYONE,
  'scenario.list': ANYONE,
  // Accounts: better-auth's own routes (sign-in, sign-out, session, reset-password) check their
  // own input, Origin and rate; the allow-list of which of its routes are reachable is in app.ts.
  'account.library': ANYONE,
  'account.setup': ANYONE,
  // Who is signed in, if anyone: the public pages ask it (signed out is an answer, not a 401).
  'account.current': ANYONE,
  'account.invitation': ANYONE,
  'account.me': {
    links: [],
    members: { admin: 'organisation', trainer: 'organisation', author: 'organisation' },
  },
  // The organisation
  'organisation.read': ADMINS,
  'organisation.invite': ADMINS,
  'organisation.reset-link': ADMINS,
  'organisation.retention': ADMINS,
  'organisation.audit': ADMINS,
  'privacy.learner-export': ADMINS,
  'privacy.learner-erase': ADMINS,
  'privacy.learner-find': ADMINS,
  // Sessions
  'session.create': { links: [], members: { trainer: 'organisation', admin: 'organisation' } },
  'session.list': { links: [], members: { trainer: 'organisation', admin: 'organisation' } },
  'session.delete': SESSION_OWNERS,
  'session.links': SESSION_OWNERS,
  'session.revoke-links': SESSION_OWNERS,
  'session.export': { links: ['trainer'], members: { trainer: 'own', admin: 'organisation' } },
  'session.learner-history': { links: ['listener'], members: {} },
  // Debrief
  'debrief.read': { links: ['trainer', 'listener'], members: { trainer: 'own', admin: 'organisation' } },
  'debrief.annotate': { links: ['trainer'], members: { trainer: 'own', admin: 'organisation' } },
  'debrief.judge': { links: ['trainer'], members: { trainer: 'own', admin: 'organisation' } },
  'debrief.self-assess': { links: ['listener'], members: {} },
  // Open Badges (server/src/badges): the organisation's definitions and awards; a learner's own
  // badges through their debrief link; the documents a verifier fetches, public.
  'badge.read': { links: [], members: { trainer: 'organisation', admin: 'organisation' } },
  'badge.write': ADMINS,
  'badge.learner': { links: ['listener', 'trainer'], members: { trainer: 'own', admin: 'organisation' } },
  'badge.public': ANYONE,
  // LTI 1.3 (server/src/lti): the platform's browser posts and the tool's keys, checked by the
  // handlers themselves (state, nonce, signed id_token, sealed registration link).
  'lti.protocol': ANYONE,
  'lti.registration': ADMINS,
  // NRPS: the course's members of a launched session, for its trainer (link) and administrators.
  'lti.members': { links: ['trainer'], members: { trainer: 'own', admin: 'organisation' } },
  // The live call over Socket.IO: role links only (each input is then checked against the role
  // by the engine's rules, `mayRoleSend`).
  'socket.join': { links: ['trainer', 'listener', 'observer', 'callerActor'], members: {} },
  'socket.input': { links: ['trainer', 'listener', 'observer', 'callerActor'], members: {} },
  'socket.sync': { links: ['trainer', 'listener', 'observer', 'callerActor'], members: {} },
  // The call library and the studio (server/src/studio): every member reads, authors and
  // administrators write; the call's organisation is checked by the library itself.
  'library.read': {
    links: [],
    members: { admin: 'organisation', trainer: 'organisation', author: 'organisation' },
  },
  'library.write': { links: [], members: { admin: 'organisation', author: 'organisation' } },
  // The classroom (server/src/classroom): the class is the target of `own` (its trainer).
  'class.create': { links: [], members: { trainer: 'organisation', admin: 'organisation' } },
  'class.list': { links: [], members: { trainer: 'own', admin: 'organisation' } },
  'class.manage': { links: [], members: { trainer: 'own', admin: 'organisation' } },
  'class.floor': { links: [], members: { trainer: 'own', admin: 'organisation' } },
  // A learner joins with the class's code (checked by the handler) and gets a learner token.
  'class.join': ANYONE,
  'class.learner': ANYONE,
  nothing: NOBODY,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Every REST route of the app (`METHOD path` as Express knows it) → its action. */
export const ROUTE_ACTIONS: Record<string, Action> = {
  'GET /api/health': 'server.health',
  'GET /healthz': 'server.health',
  'GET /readyz': 'server.health',
  'GET /metrics': 'server.metrics',
  'GET /api/docs': 'server.docs',
  'GET /api/docs/openapi.json': 'server.docs',
  'GET /api/docs/assets/:file': 'server.docs',
  'POST /api/test/clock/advance': 'server.test-clock',
  'GET /api/scenarios': 'scenario.list',
  'GET /api/account/setup': 'account.setup',
  'POST /api/account/setup': 'account.setup',
  'GET /api/account/invitations/:invitationId': 'account.invitation',
  'POST /api/account/invitations/:invitationId/accept': 'account.invitation',
  'GET /api/account/me': 'account.me',
  'GET /api/account/current': 'account.current',
  'GET /api/organization': 'organisation.read',
  'POST /api/organization/invitations': 'organisation.invite',
  'POST /api/organization/members/:userId/reset-link': 'organisation.reset-link',
  'PUT /api/organization/retention': 'organisation.retention',
  'GET /api/organization/audit': 'organisation.audit',
  'POST /api/privacy/learners/export': 'privacy.learner-export',
  'POST /api/privacy/learners/erase': 'privacy.learner-erase',
  'POST /api/privacy/learners/find': 'privacy.learner-find',
  'POST /api/sessions': 'session.create',
  'GET /api/sessions': 'session.list',
  'DELETE /api/sessions/:sessionId': 'session.delete',
  'GET /api/sessions/:sessionId/links': 'session.links',
  'POST /api/sessions/:sessionId/links/revoke': 'session.revoke-links',
  'GET /api/sessions/:sessionId/learner-history': 'session.learner-history',
  'GET /api/sessions/:sessionId/export/json': 'session.export',
  'GET /api/sessions/:sessionId/export/xapi': 'session.export',
  'POST /api/sessions/:sessionId/export/xapi/send': 'session.export',
  'GET /api/sessions/:sessionId/debrief': 'debrief.read',
  'POST /api/sessions/:sessionId/debrief/annotations': 'debrief.annotate',
  'PUT /api/sessions/:sessionId/debrief/annotations/:markId': 'debrief.annotate',
  'DELETE /api/sessions/:sessionId/debrief/annotations/:markId': 'debrief.annotate',
  'PUT /api/sessions/:sessionId/debrief/judgments/:criterion': 'debrief.judge',
  'POST /api/sessions/:sessionId/debrief/self-assessment': 'debrief.self-assess',
  'GET /api/library': 'library.read',
  'POST /api/library/calls': 'library.write',
  'GET /api/library/calls/:callId': 'library.read',
  'GET /api/library/calls/:callId/versions/:version': 'library.read',
  'GET /api/library/calls/:callId/versions/:version/export': 'library.read',
  'PUT /api/library/calls/:callId/draft': 'library.write',
  'POST /api/library/calls/:callId/publish': 'library.write',
  'POST /api/library/calls/:callId/versions/:version/retire': 'library.write',
  'GET /api/badges': 'badge.read',
  'GET /api/badges/criteria': 'badge.read',
  'POST /api/badges': 'badge.write',
  'PUT /api/badges/:badgeId': 'badge.write',
  'DELETE /api/badges/:badgeId': 'badge.write',
  'PUT /api/badges/:badgeId/image': 'badge.write',
  'DELETE /api/badges/:badgeId/image': 'badge.write',
  'GET /api/badges/awards': 'badge.read',
  'POST /api/badges/awards/:awardId/revoke': 'badge.write',
  'GET /api/sessions/:sessionId/badges': 'badge.learner',
  'GET /api/badges/issuers/:organizationId': 'badge.public',
  'GET /api/badges/issuers/:organizationId/ob2': 'badge.public',
  'GET /api/badges/issuers/:organizationId/jwks': 'badge.public',
  'GET /api/badges/issuers/:organizationId/keys/:keyId': 'badge.public',
  'GET /api/badges/issuers/:organizationId/status-list': 'badge.public',
  'GET /api/badges/achievements/:badgeId': 'badge.public',
  'GET /api/badges/achievements/:badgeId/image.png': 'badge.public',
  'GET /api/badges/credentials/:awardId': 'badge.public',
  'GET /api/badges/credentials/:awardId/credential.jwt': 'badge.public',
  'GET /api/badges/credentials/:awardId/badge.png': 'badge.public',
  'GET /api/badges/credentials/:awardId/badge.svg': 'badge.public',
  'GET /api/badges/credentials/:awardId/badge-ob2.png': 'badge.public',
  'GET /api/badges/credentials/:awardId/verification': 'badge.public',
  'GET /lti/login': 'lti.protocol',
  'POST /lti/login': 'lti.protocol',
  'POST /lti/launch': 'lti.protocol',
  'POST /lti/deep-link': 'lti.protocol',
  'GET /lti/jwks': 'lti.protocol',
  'GET /lti/close.js': 'lti.protocol',
  'GET /lti/register/:key': 'lti.protocol',
  'GET /api/lti/registration': 'lti.registration',
  'GET /api/sessions/:sessionId/lti/members': 'lti.members',
  'POST /api/classes': 'class.create',
  'GET /api/classes': 'class.list',
  'GET /api/classes/:classId': 'class.manage',
  'POST /api/classes/:classId/rounds': 'class.manage',
  'PUT /api/classes/:classId/settings': 'class.manage',
  'POST /api/classes/:classId/free-place': 'class.manage',
  'GET /api/classes/:classId/debrief': 'class.manage',
  'GET /api/classes/:classId/export/json': 'class.manage',
  'GET /api/classes/:classId/export/csv': 'class.manage',
  'POST /api/class-join': 'class.join',
};

/** better-auth's handler, mounted on Express (not a Nest route): its own action. */
export const AUTH_LIBRARY_ROUTE = {
  method: 'ALL',
  path: '/api/auth/*splat',
  action: 'account.library',
} as const;

/** Every socket event (and the handshake) → its action. */
export const SOCKET_ACTIONS = {
  handshake: 'socket.join',
  'session:input': 'socket.input',
  'session:sync': 'socket.sync',
  // The `/classroom` namespace: the floor's handshake (cookie) and commands, a learner's page.
  'classroom:floor': 'class.floor',
  'floor:command': 'class.floor',
  'classroom:learner': 'class.learner',
} as const satisfies Record<string, Action>;

/** Who is asking. A request may carry a cookie account and a role link at once. */
export type Credential =
  | { kind: 'member'; userId: string; organizationId: string; role: MemberRole }
  | { kind: 'link'; sessionId: string; role: Role };

/** What the request is about: a session (with its owner), the organisation, or nothing. */
export type Target =
  | { kind: 'session'; sessionId: string; ownerId: string | null; organizationId: string | null }
  | { kind: 'none' };

/** The credential that the rule lets through, or null. */
export function allowedBy(rule: Rule, credentials: readonly Credential[], target: Target): Credential | null {
  for (const credential of credentials) {
    if (credential.kind === 'link') {
      if (
        target.kind === 'session' &&
        credential.sessionId === target.sessionId &&
        rule.links.includes(credential.role)
      )
        return credential;
      continue;
    }
    const scope = rule.members[credential.role];
    if (!scope) continue;
    if (target.kind === 'none') return credential;
    if (target.organizationId !== credential.organizationId) continue;
    if (scope === 'organisation' || target.ownerId === credential.userId) return credential;
  }
  return null;
}
