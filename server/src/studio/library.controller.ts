// REST of the call library (`/api/library`): one-line calls into LibraryService. Who may call
// each route is in auth/policy.ts (`library.read`: every member; `library.write`: authors and
// administrators). Bodies are checked with the protocol's zod schemas.
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
  Put,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { json } from 'express';
import type { RequestHandler } from 'express';
import {
  ErrorCode,
  failure,
  libraryCallIdSchema,
  libraryCreateSchema,
  libraryDraftSchema,
  SCENARIO_TEXT_LIMIT,
} from '@ecoute/protocol';
import type {
  LibraryCallDetail,
  LibraryCallSummary,
  LibraryDraftSaved,
  LibraryVersionSummary,
  LibraryVersionText,
} from '@ecoute/protocol';
import { memberOf } from '../accounts/accounts.controller.js';
import { parseBody } from '../auth/http-failure.js';
import { orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import type { Access } from '../auth/access.service.js';
import { LibraryService } from './library.service.js';
import type { LintRefusal } from './library.service.js';

export const LIBRARY_PATH = '/api/library';

/** Scenario texts are up to 1 MB: the library's routes take larger JSON bodies than the rest. */
export function libraryBodyParser(): RequestHandler {
  return json({ limit: SCENARIO_TEXT_LIMIT });
}

function callIdOf(value: string): string {
  return parseBody(libraryCallIdSchema, value);
}

function versionOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new HttpException(failure(ErrorCode.LibraryNotFound), 404);
  return n;
}

/** A refused publication answers 422 with the lint errors, located. */
function published(
  result: LibraryVersionSummary | LintRefusal | Parameters<typeof orThrow>[0],
): LibraryVersionSummary {
  if ('ok' in result && result.ok === false && result.code === ErrorCode.LibraryLintErrors)
    throw new HttpException(result, HttpStatus.UNPROCESSABLE_ENTITY);
  return orThrow(result as LibraryVersionSummary);
}

@Controller('api/library')
export class LibraryController {
  constructor(@Inject(LibraryService) private readonly library: LibraryService) {}

  @Get()
  list(@CurrentAccess() access: Access): Promise<LibraryCallSummary[]> {
    return this.library.list(memberOf(access));
  }

  @Post('calls')
  @HttpCode(201)
  async create(@CurrentAccess() access: Access, @Body() body: unknown): Promise<LibraryCallDetail> {
    return orThrow(await this.library.create(memberOf(access), parseBody(libraryCreateSchema, body)));
  }

  @Get('calls/:callId')
  async detail(@CurrentAccess() access: Access, @Param('callId') id: string): Promise<LibraryCallDetail> {
    return orThrow(await this.library.detail(memberOf(access), callIdOf(id)));
  }

  @Get('calls/:callId/versions/:version')
  async text(
    @CurrentAccess() access: Access,
    @Param('callId') id: string,
    @Param('version') version: string,
  ): Promise<LibraryVersionText> {
    return orThrow(await this.library.text(memberOf(access), callIdOf(id), versionOf(version)));
  }

  @Get('calls/:callId/versions/:version/export')
  async export(
    @CurrentAccess() access: Access,
    @Param('callId') id: string,
    @Param('version') version: string,
    @Res() res: Response,
  ): Promise<void> {
    const text = orThrow(await this.library.text(memberOf(access), callIdOf(id), versionOf(version)));
    res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${text.id}-v${text.version}.yaml"`);
    res.send(text.yaml);
  }

  @Put('calls/:callId/draft')
  async saveDraft(
    @CurrentAccess() access: Access,
    @Param('callId') id: string,
    @Body() body: unknown,
  ): Promise<LibraryDraftSaved> {
    const { yaml } = parseBody(libraryDraftSchema, body);
    return orThrow(await this.library.saveDraft(memberOf(access), callIdOf(id), yaml));
  }

  @Post('calls/:callId/publish')
  @HttpCode(201)
  async publish(
    @CurrentAccess() access: Access,
    @Param('callId') id: string,
  ): Promise<LibraryVersionSummary> {
    return published(await this.library.publish(memberOf(access), callIdOf(id)));
  }

  @Post('calls/:callId/versions/:version/retire')
  @HttpCode(200)
  async retire(
    @CurrentAccess() access: Access,
    @Param('callId') id: string,
    @Param('version') version: string,
  ): Promise<LibraryVersionSummary> {
    return orThrow(await this.library.retire(memberOf(access), callIdOf(id), versionOf(version)));
  }
}
