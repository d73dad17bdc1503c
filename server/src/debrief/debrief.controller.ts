// REST of the debrief. Each route: who may call it (auth/policy.ts: a role link in
// `Authorization: Bearer`, or the session's trainer signed in), the body checked by its zod schema (`input/invalid`, nothing recorded), then one call into
// the service.
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ErrorCode,
  annotationCreateSchema,
  annotationUpdateSchema,
  criterionIdSchema,
  failure,
  judgmentSchema,
  markIdSchema,
  selfAssessmentSchema,
} from '@ecoute/protocol';
import type { CriterionJudgment, DebriefMark, DebriefViewer, SelfAssessment } from '@ecoute/protocol';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow, parseBody } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { DebriefService } from './debrief.service.js';
import { EncodedAnswer, sendAnswer } from './encoded-answer.js';

/** Who reads: the listener's link reads as the listener; the trainer's link or account as the trainer. */
function viewerOf(access: Access): DebriefViewer {
  return access.credential?.kind === 'link' && access.credential.role === 'listener' ? 'listener' : 'trainer';
}

@Controller('api/sessions/:sessionId/debrief')
export class DebriefController {
  constructor(@Inject(DebriefService) private readonly debriefs: DebriefService) {}

  /**
   * The `Debrief` as the service built it (JSON in UTF-8), sent in brotli or gzip as the request
   * takes it, as kept bytes (`EncodedAnswer`). No ETag, which Express would hash the whole
   * answer for at each request.
   */
  @Get()
  async get(
    @Param('sessionId') sessionId: string,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentAccess() access: Access,
    @Query('timeline') timeline: unknown,
  ): Promise<void> {
    // `?timeline=columns`: the compact answer the debrief page reads (`DebriefCompact`).
    if (timeline !== undefined && timeline !== 'columns' && timeline !== 'entries')
      throw httpFailure(failure(ErrorCode.InputInvalid, 'Requête invalide (timeline) : columns ou entries.'));
    const form = timeline === 'columns' ? 'columns' : 'entries';
    const answer = await this.debriefs.debriefAnswer(sessionId, viewerOf(access), form);
    if (!(answer instanceof EncodedAnswer)) throw httpFailure(answer);
    await sendAnswer(request, response, answer);
  }

  @Post('annotations')
  async addAnnotation(@Param('sessionId') sessionId: string, @Body() body: unknown): Promise<DebriefMark> {
    return orThrow(await this.debriefs.addAnnotation(sessionId, parseBody(annotationCreateSchema, body)));
  }

  @Put('annotations/:markId')
  async updateMark(
    @Param('sessionId') sessionId: string,
    @Param('markId') markId: string,
    @Body() body: unknown,
  ): Promise<DebriefMark> {
    const id = parseBody(markIdSchema, markId);
    return orThrow(await this.debriefs.updateMark(sessionId, id, parseBody(annotationUpdateSchema, body)));
  }

  @Delete('annotations/:markId')
  @HttpCode(200)
  async deleteMark(
    @Param('sessionId') sessionId: string,
    @Param('markId') markId: string,
  ): Promise<{ ok: true }> {
    return orThrow(await this.debriefs.deleteMark(sessionId, parseBody(markIdSchema, markId)));
  }

  @Put('judgments/:criterion')
  async judge(
    @Param('sessionId') sessionId: string,
    @Param('criterion') criterion: string,
    @Body() body: unknown,
  ): Promise<CriterionJudgment> {
    const id = parseBody(criterionIdSchema, criterion);
    return orThrow(await this.debriefs.judge(sessionId, id, parseBody(judgmentSchema, body)));
  }

  @Post('self-assessment')
  async selfAssess(@Param('sessionId') sessionId: string, @Body() body: unknown): Promise<SelfAssessment> {
    return orThrow(await this.debriefs.selfAssess(sessionId, parseBody(selfAssessmentSchema, body)));
  }
}
