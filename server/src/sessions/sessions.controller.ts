import { Body, Controller, HttpException, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ErrorCode, createSessionSchema, failure } from '@ecoute/protocol';
import type { SessionLinks } from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { httpFailure } from '../auth/http-failure.js';
import { KeyedBuckets } from '../gateway/rate-limit.js';
import { SessionsService } from './sessions.service.js';

@Controller('api/sessions')
export class SessionsController {
  /** Sessions created per address: ECOUTE_CREATE_PER_MINUTE, in bursts of as many (0: no limit). */
  private readonly creations: KeyedBuckets | null;

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const perMinute = config.createPerMinute;
    this.creations =
      perMinute > 0 ? new KeyedBuckets({ capacity: perMinute, perSecond: perMinute / 60 }) : null;
  }

  @Post()
  async create(@Body() body: unknown, @Req() req: Request): Promise<SessionLinks> {
    if (this.creations && !this.creations.get(req.socket.remoteAddress ?? '').take())
      throw httpFailure(failure(ErrorCode.InputRateLimited));
    const request = createSessionSchema.safeParse(body);
    if (!request.success) throw new HttpException(failure(ErrorCode.InputInvalid), HttpStatus.BAD_REQUEST);
    const created = await this.sessions.create(request.data);
    if ('ok' in created) throw new HttpException(created, HttpStatus.NOT_FOUND);
    return created;
  }
}
