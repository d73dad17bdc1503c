// REST of sessions for their trainers (rules in auth/policy.ts): create (a signed-in trainer or
// administrator; the session belongs to them and their organisation; rate-limited per address),
// see its role links again from any browser (with the call they open and when it was made), revoke them (new links; the old ones open nothing
// any more).
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
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { ErrorCode, createSessionSchema, failure } from '@ecoute/protocol';
import type { SessionLinks, SessionShare } from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { KeyedBuckets } from '../gateway/rate-limit.js';
import { clientAddressOf } from '../http/client-address.js';
import type { AddressOf } from '../http/client-address.js';
import { SessionsService } from './sessions.service.js';

@Controller('api/sessions')
export class SessionsController {
  /** Sessions created per address: ECOUTE_CREATE_PER_MINUTE, in bursts of as many (0: no limit). */
  private readonly creations: KeyedBuckets | null;
  private readonly addressOf: AddressOf;

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const perMinute = config.createPerMinute;
    this.addressOf = clientAddressOf(config.trustProxy);
    this.creations =
      perMinute > 0 ? new KeyedBuckets({ capacity: perMinute, perSecond: perMinute / 60 }) : null;
  }

  @Post()
  async create(
    @Body() body: unknown,
    @Req() req: Request,
    @CurrentAccess() access: Access,
  ): Promise<SessionLinks> {
    if (this.creations && !this.creations.get(this.addressOf(req)).take())
      throw httpFailure(failure(ErrorCode.InputRateLimited));
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
  async links(@Param('sessionId') sessionId: string): Promise<SessionShare> {
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
