// The sessions list for trainers (`/sessions` page): filter, open a debrief, delete. Until
// trainers have accounts, it is guarded by the admin token (ECOUTE_ADMIN_TOKEN, or one drawn at
// boot and printed in the boot line).
import { Controller, Delete, Get, Headers, HttpCode, Inject, Param, Query } from '@nestjs/common';
import { ErrorCode, failure, sessionListQuerySchema } from '@ecoute/protocol';
import type { Outcome } from '@ecoute/engine';
import type { SessionListItem } from '@ecoute/protocol';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionFilter } from '../sessions/session-store.js';
import { DebriefAccess, httpFailure } from './debrief-access.js';

/** The day after `day` (YYYY-MM-DD), at midnight UTC: the list's `to` day is inclusive. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

@Controller('api/sessions')
export class SessionsListController {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(DebriefAccess) private readonly access: DebriefAccess,
  ) {}

  @Get()
  async list(@Query() query: unknown, @Headers('authorization') auth?: string): Promise<SessionListItem[]> {
    this.access.requireAdmin(auth);
    const parsed = sessionListQuerySchema.safeParse(query);
    if (!parsed.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    const q = parsed.data;
    const from = q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined;
    if (from && Number.isNaN(from.getTime())) throw httpFailure(failure(ErrorCode.InputInvalid));
    const filter: SessionFilter = {
      ...(q.scenario ? { scenarioId: q.scenario } : {}),
      ...(q.learner ? { learner: q.learner } : {}),
      ...(from ? { from: from.toISOString() } : {}),
      ...(q.to ? { to: dayAfter(q.to) } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
    };
    const items = await this.sessions.list(filter);
    return items.map((item) => ({
      id: item.id,
      scenarioId: item.scenarioId,
      scenarioVersion: item.scenarioVersion,
      scenarioTitle:
        this.catalog.get(item.scenarioId, item.scenarioVersion)?.scenario.title ?? item.scenarioId,
      createdAt: item.createdAt,
      endedAt: item.endedAt,
      status: item.status,
      outcome: item.outcome as Outcome | null,
      learner: item.participants.findLast((p) => p.role === 'listener')?.name ?? null,
    }));
  }

  @Delete(':sessionId')
  @HttpCode(200)
  async delete(
    @Param('sessionId') sessionId: string,
    @Headers('authorization') auth?: string,
  ): Promise<{ ok: true }> {
    this.access.requireAdmin(auth);
    if (!(await this.sessions.delete(sessionId))) throw httpFailure(failure(ErrorCode.SessionNotFound));
    return { ok: true };
  }
}
