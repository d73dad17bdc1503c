// REST of accounts: the first boot's setup, invitations, who am I, and the organisation's page
// (administrators). Sign-in, sign-out and password reset are better-auth's own routes under
// /api/auth (app.ts mounts them). Every route's rule is in auth/policy.ts.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { fromNodeHeaders } from 'better-auth/node';
import {
  ErrorCode,
  failure,
  inviteRequestSchema,
  joinRequestSchema,
  retentionRequestSchema,
  setupRequestSchema,
} from '@ecoute/protocol';
import type {
  AccountCurrent,
  AccountMe,
  AuditLogEntry,
  InvitationSummary,
  OrganizationSummary,
  SetupStatus,
  ShareLink,
} from '@ecoute/protocol';
import { httpFailure, orThrow, parseBody } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import type { Access } from '../auth/access.service.js';
import { AccountsService } from './accounts.service.js';
import type { SignedUp } from './accounts.service.js';
import type { Membership } from './member-store.js';

/** The signed-in member the policy let through (the rule of these routes names members only). */
export function memberOf(access: Access): Membership {
  if (!access.member) throw httpFailure(failure(ErrorCode.AuthSignInRequired));
  return access.member;
}

function signedIn(res: Response, result: SignedUp): { ok: true } {
  for (const cookie of result.setCookies) res.append('Set-Cookie', cookie);
  return { ok: true };
}

@Controller('api/account')
export class AccountController {
  constructor(@Inject(AccountsService) private readonly accounts: AccountsService) {}

  @Get('setup')
  setupStatus(): SetupStatus {
    return { needed: this.accounts.setupNeeded() };
  }

  @Post('setup')
  @HttpCode(201)
  async setup(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<{ ok: true }> {
    return signedIn(res, orThrow(await this.accounts.setup(parseBody(setupRequestSchema, body))));
  }

  @Get('invitations/:invitationId')
  async invitation(@Param('invitationId') id: string): Promise<InvitationSummary> {
    const invitation = orThrow(await this.accounts.invitation(id.slice(0, 100)));
    return { email: invitation.email, role: invitation.role, organizationName: invitation.organizationName };
  }

  @Post('invitations/:invitationId/accept')
  @HttpCode(201)
  async accept(
    @Param('invitationId') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ ok: true }> {
    return signedIn(
      res,
      orThrow(await this.accounts.join(id.slice(0, 100), parseBody(joinRequestSchema, body))),
    );
  }

  @Get('me')
  async me(@CurrentAccess() access: Access): Promise<AccountMe> {
    const member = memberOf(access);
    return {
      userId: member.userId,
      name: member.name,
      email: member.email,
      role: member.role,
      organizationName: member.organizationName,
      retentionDays: await this.accounts.retentionDays(member.organizationId),
    };
  }

  /** `me`, or « signed out » as a normal answer: what the public pages ask. */
  @Get('current')
  async current(@CurrentAccess() access: Access): Promise<AccountCurrent> {
    return access.member ? { signedIn: true, me: await this.me(access) } : { signedIn: false };
  }
}

@Controller('api/organization')
export class OrganizationController {
  constructor(@Inject(AccountsService) private readonly accounts: AccountsService) {}

  @Get()
  organization(@CurrentAccess() access: Access, @Req() req: Request): Promise<OrganizationSummary> {
    return this.accounts.organization(memberOf(access), fromNodeHeaders(req.headers));
  }

  @Post('invitations')
  async invite(
    @CurrentAccess() access: Access,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ShareLink> {
    const request = parseBody(inviteRequestSchema, body);
    return orThrow(await this.accounts.invite(memberOf(access), fromNodeHeaders(req.headers), request));
  }

  @Post('members/:userId/reset-link')
  async resetLink(@CurrentAccess() access: Access, @Param('userId') userId: string): Promise<ShareLink> {
    return orThrow(await this.accounts.resetLink(memberOf(access), userId.slice(0, 100)));
  }

  @Put('retention')
  setRetention(@CurrentAccess() access: Access, @Body() body: unknown): Promise<{ retentionDays: number }> {
    return this.accounts.setRetention(
      memberOf(access),
      parseBody(retentionRequestSchema, body).retentionDays,
    );
  }

  @Get('audit')
  async audit(@CurrentAccess() access: Access): Promise<AuditLogEntry[]> {
    return this.accounts.auditLog(memberOf(access));
  }
}
