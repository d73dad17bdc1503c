// REST exports of a session, for its trainer (`Authorization: Bearer <trainer token>`):
//   GET  /api/sessions/:sessionId/export/json       → SessionExport (attachment)
//   GET  /api/sessions/:sessionId/export/xapi       → xAPI statements (attachment)
//   POST /api/sessions/:sessionId/export/xapi/send  → { sent, ids } once the LRS stored them
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@ecoute/protocol';
import type { Failure, LrsSendResult, SessionExport } from '@ecoute/protocol';
import { orThrow } from '../auth/http-failure.js';
import { ExportsService } from './exports.service.js';
import type { XapiStatement } from './xapi.js';

/**
 * The server's origin for absolute URLs when ECOUTE_PUBLIC_URL is unset (the service prefers
 * it): this server on localhost at the port the request came in on, never the `Host` header,
 * which the client writes.
 */
function origin(req: Request): string {
  return `http://localhost:${req.socket.localPort ?? 80}`;
}

@Controller('api/sessions/:sessionId/export')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  @Get('json')
  async json(
    @Param('sessionId') sessionId: string,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionExport> {
    await this.allow(sessionId, authorization);
    const exported = orThrow(await this.exports.json(sessionId));
    res.setHeader('Content-Disposition', `attachment; filename="ecoute-${sessionId}.json"`);
    return exported;
  }

  @Get('xapi')
  async xapi(
    @Param('sessionId') sessionId: string,
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<XapiStatement[]> {
    await this.allow(sessionId, authorization);
    const statements = orThrow(await this.exports.xapi(sessionId, origin(req)));
    res.setHeader('Content-Disposition', `attachment; filename="ecoute-${sessionId}-xapi.json"`);
    return statements;
  }

  @Post('xapi/send')
  @HttpCode(HttpStatus.OK)
  async send(
    @Param('sessionId') sessionId: string,
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
  ): Promise<LrsSendResult> {
    await this.allow(sessionId, authorization);
    return orThrow(await this.exports.sendToLrs(sessionId, origin(req)));
  }

  private async allow(sessionId: string, authorization: string | undefined): Promise<void> {
    if (!/^[\w-]{1,64}$/.test(sessionId))
      orThrow({ ok: false, code: ErrorCode.AuthInvalidToken, message: '' } as Failure);
    const refused = await this.exports.authorize(sessionId, authorization);
    if (refused) orThrow(refused);
  }
}
