// REST exports of a session, for its trainer (the trainer's link in `Authorization: Bearer`, or
// the trainer signed in; rules in auth/policy.ts), each one written to the audit log:
//   GET  /api/sessions/:sessionId/export/json       → SessionExport (attachment)
//   GET  /api/sessions/:sessionId/export/xapi       → xAPI statements (attachment)
//   POST /api/sessions/:sessionId/export/xapi/send  → { sent, ids } once the LRS stored them
import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { LrsSendResult, SessionExport } from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import type { Access } from '../auth/access.service.js';
import { orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
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
  constructor(
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(AuditStore) private readonly audit: AuditStore,
  ) {}

  @Get('json')
  async json(
    @Param('sessionId') sessionId: string,
    @CurrentAccess() access: Access,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionExport> {
    await this.record(access, sessionId);
    const exported = orThrow(await this.exports.json(sessionId));
    res.setHeader('Content-Disposition', `attachment; filename="ecoute-${sessionId}.json"`);
    return exported;
  }

  @Get('xapi')
  async xapi(
    @Param('sessionId') sessionId: string,
    @CurrentAccess() access: Access,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<XapiStatement[]> {
    await this.record(access, sessionId);
    const statements = orThrow(await this.exports.xapi(sessionId, origin(req)));
    res.setHeader('Content-Disposition', `attachment; filename="ecoute-${sessionId}-xapi.json"`);
    return statements;
  }

  @Post('xapi/send')
  @HttpCode(HttpStatus.OK)
  async send(
    @Param('sessionId') sessionId: string,
    @CurrentAccess() access: Access,
    @Req() req: Request,
  ): Promise<LrsSendResult> {
    await this.record(access, sessionId);
    return orThrow(await this.exports.sendToLrs(sessionId, origin(req)));
  }

  private async record(access: Access, sessionId: string): Promise<void> {
    const who = access.credential;
    await this.audit.record({
      organizationId: access.session?.organizationId ?? null,
      actor: who?.kind === 'member' ? who.userId : `link:${who?.role ?? 'none'}`,
      action: 'session-exported',
      target: sessionId,
    });
  }
}
