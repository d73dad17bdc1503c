// RGPD requests about learners, who have no account and are known only by the pseudonym they
// typed: everything about one pseudonym in the organisation (export, erasure), and a learner's
// own past sessions for their debrief link. One session's export and erasure are the session's
// JSON export and DELETE (sessions list).
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { LearnerHistoryItem, SessionExport } from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import { BadgesService } from '../badges/badges.service.js';
import type { LearnerBadgeExport } from '../badges/badges.service.js';
import type { Membership } from '../accounts/member-store.js';
import { ClassStore } from '../classroom/class-store.js';
import { ExportsService } from '../exports/exports.service.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionListItem } from '../sessions/session-store.js';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLocaleLowerCase('fr');
}

/** The audit log names a pseudonym by a hash: the log must not keep what was erased. */
function pseudonymHash(name: string): string {
  return `pseudonym:${createHash('sha256').update(fold(name)).digest('hex').slice(0, 16)}`;
}

@Injectable()
export class PrivacyService {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(ClassStore) private readonly classes: ClassStore,
    @Inject(BadgesService) private readonly badges: BadgesService,
  ) {}

  /** The organisation's sessions where `name` joined as the listener (same letters, any case or accent). */
  async sessionsOf(organizationId: string, name: string): Promise<SessionListItem[]> {
    const wanted = fold(name);
    const items = await this.sessions.list({ organizationId, learner: name });
    return items.filter((item) =>
      item.participants.some((p) => p.role === 'listener' && fold(p.name) === wanted),
    );
  }

  async exportLearner(
    admin: Membership,
    name: string,
  ): Promise<{ pseudonym: string; sessions: SessionExport[]; badges: LearnerBadgeExport[] }> {
    const items = await this.sessionsOf(admin.organizationId, name);
    const sessions: SessionExport[] = [];
    for (const item of items) {
      const exported = await this.exports.json(item.id);
      if (!('ok' in exported)) sessions.push(exported);
    }
    // Their badges too: name, date, revoked or not, where each is verified.
    const badges = await this.badges.learnerAwards(admin.organizationId, name);
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'learner-exported',
      target: pseudonymHash(name),
    });
    return { pseudonym: name, sessions, badges };
  }

  async eraseLearner(admin: Membership, name: string): Promise<{ sessions: string[] }> {
    const items = await this.sessionsOf(admin.organizationId, name);
    const erased: string[] = [];
    for (const item of items) if (await this.sessions.delete(item.id)) erased.push(item.id);
    // Group sessions (classroom): their learner rows and their name in the calls' members.
    const wanted = fold(name);
    const learners = await this.classes.eraseLearner(admin.organizationId, (p) => fold(p) === wanted);
    await this.badges.eraseLearner(admin.organizationId, name);
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'learner-erased',
      target: `${pseudonymHash(name)} sessions=${erased.length}${learners > 0 ? ` class-learners=${learners}` : ''}`,
    });
    return { sessions: erased };
  }

  /** The sessions of this organisation played by the listener of `sessionId` under the same name. */
  async learnerHistory(sessionId: string): Promise<LearnerHistoryItem[]> {
    const session = await this.sessions.item(sessionId);
    if (!session) return [];
    const names = session.participants.filter((p) => p.role === 'listener').map((p) => fold(p.name));
    if (names.length === 0 || !session.organizationId) return [];
    const items = await this.sessions.list({ organizationId: session.organizationId });
    return items
      .filter((item) => item.participants.some((p) => p.role === 'listener' && names.includes(fold(p.name))))
      .map((item) => ({
        sessionId: item.id,
        scenarioTitle:
          this.catalog.get(item.scenarioId, item.scenarioVersion)?.scenario.title ?? item.scenarioId,
        createdAt: item.createdAt,
        endedAt: item.endedAt,
        outcome: item.outcome,
        current: item.id === sessionId,
      }));
  }
}
