// The classroom's REST (rules in auth/policy.ts; the class itself checked by `managed`):
// classes for their trainer, a learner's join by code, rounds, the group debrief and exports.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ErrorCode,
  classCreateSchema,
  classFreePlaceSchema,
  classJoinSchema,
  classSettingsSchema,
  failure,
  groupDebriefQuerySchema,
  launchRoundSchema,
} from '@ecoute/protocol';
import type {
  ClassDetail,
  ClassJoined,
  ClassPlaceFreed,
  ClassSettings,
  ClassSummary,
  Failure,
  GroupDebrief,
  RoundLaunched,
} from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow, parseBody } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { KeyedBuckets } from '../gateway/rate-limit.js';
import { ClassroomService } from './classroom.service.js';
import { ClassReports } from './class-reports.js';
import { classCsv } from './group-debrief.js';
import type { ClassRecord } from './class-store.js';

@Controller('api')
export class ClassroomController {
  /**
   * Joins per address: ECOUTE_CREATE_PER_MINUTE a minute (0: no limit), so that codes cannot be
   * tried by the thousand (a class of 20 behind one address joins in one burst).
   */
  private readonly joins: KeyedBuckets | null;

  constructor(
    @Inject(ClassroomService) private readonly classroom: ClassroomService,
    @Inject(ClassReports) private readonly reports: ClassReports,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const perMinute = config.createPerMinute;
    this.joins =
      perMinute > 0
        ? new KeyedBuckets({ capacity: Math.max(perMinute, 60), perSecond: perMinute / 60 })
        : null;
  }

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
    const request = parseBody(launchRoundSchema, body);
    return orThrow(await this.classroom.launch(record, request, access));
  }

  /** The group session's settings (its rounds' help mode, the machine as the caller), replaced. */
  @Put('classes/:classId/settings')
  async settings(
    @Param('classId') classId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<ClassSettings> {
    const record = await this.managed(classId, access);
    return this.classroom.setSettings(record, parseBody(classSettingsSchema, body));
  }

  /**
   * Frees a learner's place (their old device left open): their pages still open are told and
   * closed, and their next join with their pseudonym takes their place back.
   */
  @Post('classes/:classId/free-place')
  @HttpCode(200)
  async freePlace(
    @Param('classId') classId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<ClassPlaceFreed> {
    const record = await this.managed(classId, access);
    const { learnerId } = parseBody(classFreePlaceSchema, body);
    return orThrow(await this.classroom.freePlace(record, learnerId, access));
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
    await this.recordExport(record, access);
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
    await this.recordExport(record, access);
    const csv = classCsv(await this.reports.export(await this.classroom.detail(record)));
    res
      .status(200)
      .setHeader('content-type', 'text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="classe-${record.code}.csv"`)
      .send(csv);
  }

  @Post('class-join')
  @HttpCode(201)
  async join(@Body() body: unknown, @Req() req: Request): Promise<ClassJoined> {
    if (this.joins && !this.joins.get(req.socket.remoteAddress ?? '').take())
      throw httpFailure(failure(ErrorCode.InputRateLimited));
    const request = classJoinSchema.safeParse(body);
    if (!request.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    return orThrow(await this.classroom.join(request.data));
  }

  /** A class's export holds learners' data: each one in the audit log. */
  private async recordExport(record: ClassRecord, access: Access): Promise<void> {
    await this.audit.record({
      organizationId: record.organizationId,
      actor: access.member?.userId ?? 'unknown',
      action: 'class-exported',
      target: `class:${record.id}`,
    });
  }

  private async managed(classId: string, access: Access): Promise<ClassRecord> {
    const record: ClassRecord | Failure = await this.classroom.managed(classId, access);
    return orThrow(record);
  }
}
