import { Body, Controller, HttpException, HttpStatus, Inject, Post } from '@nestjs/common';
import { ErrorCode, createSessionSchema, failure } from '@ecoute/protocol';
import type { SessionLinks } from '@ecoute/protocol';
import { SessionsService } from './sessions.service.js';

@Controller('api/sessions')
export class SessionsController {
  constructor(@Inject(SessionsService) private readonly sessions: SessionsService) {}

  @Post()
  async create(@Body() body: unknown): Promise<SessionLinks> {
    const request = createSessionSchema.safeParse(body);
    if (!request.success) throw new HttpException(failure(ErrorCode.InputInvalid), HttpStatus.BAD_REQUEST);
    const created = await this.sessions.create(request.data);
    if ('ok' in created) throw new HttpException(created, HttpStatus.NOT_FOUND);
    return created;
  }
}
