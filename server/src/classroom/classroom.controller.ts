// The classroom's REST (rules in auth/policy.ts; the class itself checked by `managed`):
// classes for their trainer, a learner's join by code, rounds, the group debrief and exports.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ErrorCode,
  classCreateSchema,
  classJoinSchema,
  failure,
  groupDebriefQuerySchema,
  launchRoundSchema,
} from '@ecoute/protocol';
import type {
  ClassDetail,
  ClassJoined,
  ClassSummary,
  Failure,
  GroupDebrief,
  RoundLaunched,
} from '@ecoute/protocol';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { ClassroomService } from './classroom.service.js';
import { ClassReports } from './class-reports.js';
import { classCsv } from './group-debrief.js';
import type { ClassRecord } from './class-store.js';

@Controller('api')
export class ClassroomController {
  constructor(
    @Inject(ClassroomService) private readonly classroom: ClassroomService,
    @Inject(ClassReports) private readonly reports: ClassReports,
  ) {}

  @Post('classes')
  async create(@Body() body: unknown, @CurrentAccess() access: Access): Promise<ClassSummary> {
    const request = classCreateSchema.safeParse(body);
    if (!request.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    return orThrow(await this.classroom.create(request.data, access));
  }

  @Get('classes')
  list(@CurrentAccess() access: Access): Promise<ClassSummary[]> {
    return this.classroom.list(access);
  }

  @Get('classes/:classId')
  async detail(@Param('classId') classId: string, @CurrentAccess() access: Access): Promise<ClassDetail> {
    return this.classroom.detail(await this.managed(classId, access));
  }

  @Post('classes/:classId/rounds')
  async launch(
    @Param('classId') classId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<RoundLaunched> {
    const record = await this.managed(classId, access);
    const request = launchRoundSchema.safeParse(body);
    if (!request.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    return orThrow(await this.classroom.launch(record, request.data, access));
  }

  @Get('classes/:classId/debrief')
  async debrief(
    @Param('classId') classId: string,
    @Query() query: unknown,
    @CurrentAccess() access: Access,
  ): Promise<GroupDebrief> {
    const record = await this.managed(classId, access);
    const request = groupDebriefQuerySchema.safeParse(query);
    if (!request.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    return orThrow(await this.reports.debrief(record, request.data.scenarioId));
  }

  @Get('classes/:classId/export/json')
  async exportJson(
    @Param('classId') classId: string,
    @CurrentAccess() access: Access,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const record = await this.managed(classId, access);
    res.setHeader('content-disposition', `attachment; filename="classe-${record.code}.json"`);
    return this.reports.export(await this.classroom.detail(record));
  }

  @Get('classes/:classId/export/csv')
  async exportCsv(
    @Param('classId') classId: string,
    @CurrentAccess() access: Access,
    @Res() res: Response,
  ): Promise<void> {
    const record = await this.managed(classId, access);
    const csv = classCsv(await this.reports.export(await this.classroom.detail(record)));
    res
      .status(200)
      .setHeader('content-type', 'text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="classe-${record.code}.csv"`)
      .send(csv);
  }

  @Post('class-join')
  @HttpCode(201)
  async join(@Body() body: unknown): Promise<ClassJoined> {
    const request = classJoinSchema.safeParse(body);
    if (!request.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    return orThrow(await this.classroom.join(request.data));
  }

  private async managed(classId: string, access: Access): Promise<ClassRecord> {
    const record: ClassRecord | Failure = await this.classroom.managed(classId, access);
    return orThrow(record);
  }
}
