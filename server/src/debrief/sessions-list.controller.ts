// The sessions list of the signed-in trainer's organisation (`/sessions` page): filter, open a
// debrief, delete (rules in auth/policy.ts). Each row says whether the signed-in account may open
// and manage it (the same rules, `MANAGE_ACTIONS`) and who created it.
import { Controller, Delete, Get, HttpCode, Inject, Param, Query } from '@nestjs/common';
import { ErrorCode, failure, sessionListQuerySchema } from '@ecoute/protocol';
import type { Outcome } from '@ecoute/engine';
import type { SessionListItem } from '@ecoute/protocol';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionFilter } from '../sessions/session-store.js';
import { AuditStore } from '../accounts/audit-store.js';
import { MemberStore } from '../accounts/member-store.js';
import type { Access } from '../auth/access.service.js';
import { memberCredential, sessionTarget } from '../auth/access.service.js';
import { POLICY, allowedBy } from '../auth/policy.js';
import type { Action } from '../auth/policy.js';
import { httpFailure } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';

/** The day after `day` (YYYY-MM-DD), at midnight UTC: the list's `to` day is inclusive. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** What the list's actions on a row ask the server: its debrief, its links, deleting it. */
const MANAGE_ACTIONS: readonly Action[] = [
  'debrief.read',
  'session.links',
  'session.revoke-links',
  'session.delete',
];

@Controller('api/sessions')
export class SessionsListController {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(MemberStore) private readonly members: MemberStore,
  ) {}

  @Get()
  async list(@Query() query: unknown, @CurrentAccess() access: Access): Promise<SessionListItem[]> {
    const organizationId = access.member?.organizationId;
    if (!organizationId) throw httpFailure(failure(ErrorCode.AuthSignInRequired));
    const parsed = sessionListQuerySchema.safeParse(query);
    if (!parsed.success) throw httpFailure(failure(ErrorCode.InputInvalid));
    const q = parsed.data;
    const from = q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined;
    if (from && Number.isNaN(from.getTime())) throw httpFailure(failure(ErrorCode.InputInvalid));
    const filter: SessionFilter = {
      organizationId,
      ...(q.scenario ? { scenarioId: q.scenario } : {}),
      ...(q.learner ? { learner: q.learner } : {}),
      ...(from ? { from: from.toISOString() } : {}),
      ...(q.to ? { to: dayAfter(q.to) } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
    };
    const items = await this.sessions.list(filter);
    const member = access.member;
    const credentials = member ? [memberCredential(member)] : [];
    const names = new Map((await this.members.members(organizationId)).map((m) => [m.userId, m.name]));
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
      manageable: MANAGE_ACTIONS.every(
        (action) => allowedBy(POLICY[action], credentials, sessionTarget(item)) !== null,
      ),
      createdBy: (item.ownerId && names.get(item.ownerId)) || null,
    }));
  }

  @Delete(':sessionId')
  @HttpCode(200)
  async delete(
    @Param('sessionId') sessionId: string,
    @CurrentAccess() access: Access,
  ): Promise<{ ok: true }> {
    if (!(await this.sessions.delete(sessionId))) throw httpFailure(failure(ErrorCode.SessionNotFound));
    await this.audit.record({
      organizationId: access.session?.organizationId ?? null,
      actor: access.member?.userId ?? 'unknown',
      action: 'session-deleted',
      target: sessionId,
    });
    return { ok: true };
  }
}
