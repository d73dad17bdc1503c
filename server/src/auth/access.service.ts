// Applies the policy table (policy.ts) to one REST request: which action the route is, who is
// asking (an account's cookie, a role link's `Authorization: Bearer`), on which session, and
// whether the rule lets them. Cookie-authenticated writes must come from the app itself (CSRF).
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { fromNodeHeaders } from 'better-auth/node';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { Role } from '@ecoute/engine';
import { AUTH } from '../accounts/auth.provider.js';
import type { Auth } from '../accounts/auth.js';
import { MemberStore } from '../accounts/member-store.js';
import type { Membership } from '../accounts/member-store.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionRecord } from '../sessions/session-store.js';
import { bearerToken, httpFailure } from './http-failure.js';
import { POLICY, ROUTE_ACTIONS, allowedBy } from './policy.js';
import type { Action, Credential, Rule, Target } from './policy.js';
import { hashToken } from './tokens.js';

/** What the guard found, for the handler: the action, who it let through, the session. */
export interface Access {
  action: Action;
  credential: Credential | null;
  /** The signed-in account, when the request carries one (even if a link let it through). */
  member: Membership | null;
  session: SessionRecord | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AccessService {
  constructor(
    @Inject(AUTH) private readonly auth: Auth,
    @Inject(MemberStore) private readonly members: MemberStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The route's action (`METHOD path` as Express matched it), or undefined: no rule. */
  actionOf(req: Request): Action | undefined {
    const path = (req.route as { path?: string } | undefined)?.path;
    return path === undefined ? undefined : ROUTE_ACTIONS[`${req.method} ${path}`];
  }

  /** The signed-in account of the request's cookie, if any. */
  async member(req: Request): Promise<Membership | null> {
    if (!(req.headers.cookie ?? '').includes('ecoute.session_token')) return null;
    const session = await this.auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
    if (!session) return null;
    return (await this.members.membershipOf(session.user.id)) ?? null;
  }

  /** Checks the request against the policy; throws the coded HTTP failure when refused. */
  async check(req: Request): Promise<Access> {
    const action = this.actionOf(req);
    if (!action) throw httpFailure(failure(ErrorCode.AuthNoRule));
    const rule = POLICY[action];
    const member = await this.member(req);
    const sessionId = typeof req.params['sessionId'] === 'string' ? req.params['sessionId'] : undefined;
    if ('anyone' in rule && rule.anyone) return { action, credential: null, member, session: null };

    const credentials: Credential[] = [];
    if (member) credentials.push(memberCredential(member));
    const token = bearerToken(req.headers.authorization);
    let badToken = false;
    if (token !== null) {
      // A wrong token is refused the same whether the session exists or not.
      const role =
        sessionId && /^[\w-]{1,64}$/.test(sessionId)
          ? await this.sessions.roleOf(sessionId, hashToken(token))
          : undefined;
      if (role && sessionId) credentials.push({ kind: 'link', sessionId, role: role as Role });
      else badToken = true;
    }
    if (credentials.length === 0)
      throw httpFailure(
        failure(
          badToken || rule.links.length > 0 ? ErrorCode.AuthInvalidToken : ErrorCode.AuthSignInRequired,
        ),
      );

    let session: SessionRecord | null = null;
    let target: Target = { kind: 'none' };
    if (sessionId !== undefined) {
      session = (await this.sessions.find(sessionId)) ?? null;
      const ownLink = credentials.some((c) => c.kind === 'link');
      // A session of another organisation is answered as one that does not exist.
      if (!session || (!ownLink && member && session.organizationId !== member.organizationId))
        throw httpFailure(failure(ErrorCode.SessionNotFound));
      target = sessionTarget(session);
    }
    const credential = allowedBy(rule, credentials, target);
    if (!credential)
      throw httpFailure(
        failure(
          refusedAsNotOwner(rule, member, target)
            ? ErrorCode.AuthNotSessionOwner
            : ErrorCode.AuthForbiddenRole,
        ),
      );
    if (credential.kind === 'member' && !SAFE_METHODS.has(req.method)) this.checkCsrf(req);
    return { action, credential, member, session };
  }

  /**
   * Whether the request's signed-in account (its cookie alone, no role link) may do `action` on
   * the session: the rule `check` applies, for what the server writes into a page it serves (a
   * debrief link's early lanes, `debrief/early-lanes.ts`). False without an account, for a session
   * that does not exist or is another organisation's, or when the rule does not let the account.
   */
  async memberMay(req: Request, action: Action, sessionId: string): Promise<boolean> {
    const member = await this.member(req);
    if (!member || !/^[\w-]{1,64}$/.test(sessionId)) return false;
    const session = await this.sessions.find(sessionId);
    if (!session || session.organizationId !== member.organizationId) return false;
    return allowedBy(POLICY[action], [memberCredential(member)], sessionTarget(session)) !== null;
  }

  /**
   * A write authenticated by the cookie must come from the app: its `Origin` is the server's
   * own (ECOUTE_PUBLIC_URL, else the address the browser used) and its body JSON. A form or a
   * script on another site can do neither without CORS, which the server never grants.
   */
  checkCsrf(req: Request): void {
    const origin = req.headers.origin;
    const allowed = this.config.publicUrl
      ? [new URL(this.config.publicUrl).origin]
      : [`http://${req.headers.host ?? ''}`, `https://${req.headers.host ?? ''}`];
    if (!origin || !allowed.includes(origin)) throw httpFailure(failure(ErrorCode.AuthCsrf));
    const length = Number(req.headers['content-length'] ?? 0);
    const type = req.headers['content-type'] ?? '';
    if (length > 0 && !/^application\/json\b/i.test(type)) throw httpFailure(failure(ErrorCode.AuthCsrf));
  }
}

/**
 * Whether the account is refused only because the session is someone else's: its role may do it
 * on its own sessions (`own`), and this one was created by another member. The refusal then says
 * so (`auth/not_session_owner`) rather than blaming a role that can do it.
 */
export function refusedAsNotOwner(rule: Rule, member: Membership | null, target: Target): boolean {
  return (
    member !== null &&
    target.kind === 'session' &&
    rule.members[member.role] === 'own' &&
    target.organizationId === member.organizationId &&
    target.ownerId !== member.userId
  );
}

export function memberCredential(member: Membership): Credential {
  return { kind: 'member', userId: member.userId, organizationId: member.organizationId, role: member.role };
}

export function sessionTarget(session: SessionRecord): Target {
  return {
    kind: 'session',
    sessionId: session.id,
    ownerId: session.ownerId ?? null,
    organizationId: session.organizationId ?? null,
  };
}
