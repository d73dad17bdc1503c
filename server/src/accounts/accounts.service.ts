// Accounts in organisations, on better-auth: the first boot's setup link (single use, printed in
// the start line while no administrator exists), invitation links, password-reset links made by
// an administrator (no mail server), the organisation's page.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { APIError } from 'better-auth/api';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { AuditLogEntry, Failure } from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { hashToken, newToken, sameHash } from '../auth/tokens.js';
import { AuditStore } from './audit-store.js';
import { describeAudit } from './audit-view.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import type { Kysely } from 'kysely';
import type { Auth, MemberRole } from './auth.js';
import { AUTH } from './auth.provider.js';
import { MemberStore } from './member-store.js';
import type { Membership, PendingInvitation } from './member-store.js';
import { OrganizationSettingsStore } from './organization-settings-store.js';

const RESET_LINK_HOURS = 24;

export interface SetupRequest {
  token: string;
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

/** What a sign-up answers: the cookies of the new account's session. */
export interface SignedUp {
  setCookies: string[];
}

export interface OrganizationView {
  name: string;
  members: { userId: string; name: string; email: string; role: MemberRole }[];
  invitations: { id: string; email: string; role: string; expiresAt: string }[];
  retentionDays: number;
  /** The server's default (ECOUTE_RETENTION_DAYS) when the organisation set none. */
  defaultRetentionDays: number;
}

/** The cookie header that carries the cookies of `Set-Cookie` lines (to act as the new account). */
function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(';')[0]).join('; ');
}

function slugOf(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'organisme'}-${newToken().slice(0, 6).toLowerCase()}`;
}

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');
  /** The setup token's hash while no administrator exists; null once used. */
  private setupHash: string | null = null;
  /** The setup token itself, until the start line has shown it once. */
  private setupToken: string | null = null;

  constructor(
    @Inject(AUTH) private readonly auth: Auth,
    @Inject(MemberStore) private readonly members: MemberStore,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(OrganizationSettingsStore) private readonly settings: OrganizationSettingsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Kysely<Database>,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.members.hasAdministrator()) return;
    const token = newToken();
    this.setupHash = hashToken(token);
    this.setupToken = token;
  }

  /** The first boot's setup path, once (the start line prints it); null when not needed. */
  takeSetupPath(): string | null {
    const token = this.setupToken;
    this.setupToken = null;
    return token && this.setupHash ? `/setup#k=${token}` : null;
  }

  setupNeeded(): boolean {
    return this.setupHash !== null;
  }

  /** Creates the first administrator and organisation; the link works once. */
  async setup(request: SetupRequest): Promise<SignedUp | Failure> {
    const hash = this.setupHash;
    if (!hash || !sameHash(hash, hashToken(request.token))) return failure(ErrorCode.AccountSetupInvalid);
    this.setupHash = null;
    if (await this.members.hasAdministrator()) return failure(ErrorCode.AccountSetupInvalid);
    let userId: string;
    let setCookies: string[];
    try {
      const signedUp = await this.auth.api.signUpEmail({
        body: { name: request.name, email: request.email, password: request.password },
        returnHeaders: true,
      });
      userId = signedUp.response.user.id;
      setCookies = signedUp.headers.getSetCookie();
    } catch (error) {
      // Nothing was made: the same link may be used again.
      this.setupHash = hash;
      return this.refusal(error);
    }
    const organization = await this.auth.api.createOrganization({
      body: { name: request.organizationName, slug: slugOf(request.organizationName), userId },
    });
    await this.audit.record({
      organizationId: organization?.id ?? null,
      actor: userId,
      action: 'setup',
      target: null,
    });
    this.logger.log('account/setup first administrator and organisation created');
    return { setCookies };
  }

  async invitation(id: string): Promise<PendingInvitation | Failure> {
    return (await this.members.pendingInvitation(id)) ?? failure(ErrorCode.AccountInvitationInvalid);
  }

  /** An administrator invites someone: the link carries the invitation's id (its secret). */
  async invite(
    admin: Membership,
    headers: Headers,
    request: { email: string; role: MemberRole },
  ): Promise<{ link: string } | Failure> {
    try {
      const invitation = await this.auth.api.createInvitation({
        headers,
        body: {
          email: request.email,
          role: request.role,
          organizationId: admin.organizationId,
          resend: true,
        },
      });
      await this.audit.record({
        organizationId: admin.organizationId,
        actor: admin.userId,
        action: 'invitation',
        target: invitation.id,
      });
      return { link: `/invitation#i=${invitation.id}` };
    } catch (error) {
      return this.refusal(error);
    }
  }

  /** The invited person makes their account and joins the organisation. */
  async join(id: string, request: { name: string; password: string }): Promise<SignedUp | Failure> {
    const invitation = await this.members.pendingInvitation(id);
    if (!invitation) return failure(ErrorCode.AccountInvitationInvalid);
    let setCookies: string[];
    let userId: string;
    try {
      const signedUp = await this.auth.api.signUpEmail({
        body: { name: request.name, email: invitation.email, password: request.password },
        returnHeaders: true,
      });
      setCookies = signedUp.headers.getSetCookie();
      userId = signedUp.response.user.id;
      await this.auth.api.acceptInvitation({
        headers: new Headers({ cookie: cookieHeader(setCookies) }),
        body: { invitationId: id },
      });
    } catch (error) {
      return this.refusal(error);
    }
    await this.audit.record({
      organizationId: invitation.organizationId,
      actor: userId,
      action: 'join',
      target: id,
    });
    return { setCookies };
  }

  /** A password-reset link for a member of the administrator's organisation (valid 24 h, once). */
  async resetLink(admin: Membership, userId: string): Promise<{ link: string } | Failure> {
    const member = await this.members.membershipOf(userId);
    if (!member || member.organizationId !== admin.organizationId)
      return failure(ErrorCode.AuthForbiddenRole);
    const context = await this.auth.$context;
    const token = newToken();
    // better-auth's own /reset-password route consumes it (the identifier is its format).
    await context.internalAdapter.createVerificationValue({
      identifier: `reset-password:${token}`,
      value: userId,
      expiresAt: new Date(Date.now() + RESET_LINK_HOURS * 3600_000),
    });
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'reset-link',
      target: userId,
    });
    return { link: `/reset-password#k=${token}` };
  }

  async organization(admin: Membership, headers: Headers): Promise<OrganizationView> {
    const [members, invitations, retentionDays] = await Promise.all([
      this.members.members(admin.organizationId),
      this.auth.api.listInvitations({ headers, query: { organizationId: admin.organizationId } }),
      this.retentionDays(admin.organizationId),
    ]);
    return {
      name: admin.organizationName,
      members: members.map(({ userId, name, email, role }) => ({ userId, name, email, role })),
      invitations: invitations
        .filter((i) => i.status === 'pending' && new Date(i.expiresAt).getTime() > Date.now())
        .map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          expiresAt: new Date(i.expiresAt).toISOString(),
        })),
      retentionDays,
      defaultRetentionDays: this.config.retentionDays,
    };
  }

  async retentionDays(organizationId: string): Promise<number> {
    return (await this.settings.retentionDays(organizationId)) ?? this.config.retentionDays;
  }

  async setRetention(admin: Membership, days: number): Promise<{ retentionDays: number }> {
    await this.settings.setRetentionDays(admin.organizationId, days);
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'retention-changed',
      target: String(days),
    });
    return { retentionDays: days };
  }

  async auditLog(admin: Membership): Promise<AuditLogEntry[]> {
    return describeAudit(await this.audit.list(admin.organizationId), this.db, this.catalog);
  }

  private refusal(error: unknown): Failure {
    if (error instanceof APIError) {
      const code = (error.body as { code?: string } | undefined)?.code ?? '';
      if (/ALREADY_EXISTS/.test(code)) return failure(ErrorCode.AccountExists);
      // better-auth's USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: an invitation to a member.
      if (/ALREADY_A_MEMBER/.test(code)) return failure(ErrorCode.AccountAlreadyMember);
      if (/INVITATION/.test(code)) return failure(ErrorCode.AccountInvitationInvalid);
      return failure(
        ErrorCode.InputInvalid,
        `${failure(ErrorCode.InputInvalid).message} (${code || error.message})`,
      );
    }
    throw error;
  }
}
