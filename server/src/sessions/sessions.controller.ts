// REST of sessions for their trainers (rules in auth/policy.ts): create (a signed-in trainer or
// administrator; the session belongs to them and their organisation), see its role links again
// from any browser, revoke them (new links; the old ones open nothing any more).
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import { ErrorCode, createSessionSchema, failure } from '@ecoute/protocol';
import type { SessionLinks } from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import type { Access } from '../auth/access.service.js';
import { orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { SessionsService } from './sessions.service.js';

@Controller('api/sessions')
export class SessionsController {
  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditStore) private readonly audit: AuditStore,
  ) {}

  @Post()
  async create(@Body() body: unknown, @CurrentAccess() access: Access): Promise<SessionLinks> {
    const request = createSessionSchema.safeParse(body);
    if (!request.success) throw new HttpException(failure(ErrorCode.InputInvalid), HttpStatus.BAD_REQUEST);
    const owner = access.member
      ? { ownerId: access.member.userId, organizationId: access.member.organizationId }
      : undefined;
    const created = await this.sessions.create(request.data, owner);
    if ('ok' in created) throw new HttpException(created, HttpStatus.NOT_FOUND);
    return created;
  }

  @Get(':sessionId/links')
  async links(@Param('sessionId') sessionId: string): Promise<SessionLinks> {
    return orThrow(await this.sessions.links(sessionId));
  }

  @Post(':sessionId/links/revoke')
  @HttpCode(200)
  async revoke(
    @Param('sessionId') sessionId: string,
    @CurrentAccess() access: Access,
  ): Promise<SessionLinks> {
    const links = orThrow(await this.sessions.revokeLinks(sessionId));
    await this.audit.record({
      organizationId: access.session?.organizationId ?? null,
      actor: access.member?.userId ?? 'unknown',
      action: 'links-revoked',
      target: sessionId,
    });
    return links;
  }
}
