// REST of privacy requests (rules in auth/policy.ts): an administrator exports or erases
// everything about one learner pseudonym; a learner's debrief link lists their past sessions.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { learnerRequestSchema } from '@ecoute/protocol';
import type { LearnerErasure, LearnerFound, LearnerHistoryItem, SessionExport } from '@ecoute/protocol';
import { memberOf } from '../accounts/accounts.controller.js';
import { parseBody } from '../auth/http-failure.js';
import type { Access } from '../auth/access.service.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { PrivacyService } from './privacy.service.js';

@Controller('api')
export class PrivacyController {
  constructor(@Inject(PrivacyService) private readonly privacy: PrivacyService) {}

  @Post('privacy/learners/export')
  @HttpCode(200)
  async exportLearner(
    @CurrentAccess() access: Access,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ pseudonym: string; sessions: SessionExport[] }> {
    const { name } = parseBody(learnerRequestSchema, body);
    res.setHeader('Content-Disposition', 'attachment; filename="ecoute-pseudonyme.json"');
    return this.privacy.exportLearner(memberOf(access), name);
  }

  /** What an erasure would take (counts only: the confirmation says them before anything goes). */
  @Post('privacy/learners/find')
  @HttpCode(200)
  findLearner(@CurrentAccess() access: Access, @Body() body: unknown): Promise<LearnerFound> {
    return this.privacy.findLearner(memberOf(access), parseBody(learnerRequestSchema, body).name);
  }

  @Post('privacy/learners/erase')
  @HttpCode(200)
  eraseLearner(@CurrentAccess() access: Access, @Body() body: unknown): Promise<LearnerErasure> {
    return this.privacy.eraseLearner(memberOf(access), parseBody(learnerRequestSchema, body).name);
  }

  @Get('sessions/:sessionId/learner-history')
  learnerHistory(@Param('sessionId') sessionId: string): Promise<LearnerHistoryItem[]> {
    return this.privacy.learnerHistory(sessionId);
  }
}
