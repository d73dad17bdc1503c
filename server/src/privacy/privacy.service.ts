// RGPD requests about learners, who have no account and are known only by the pseudonym they
// typed: everything about one pseudonym in the organisation (export, erasure), and a learner's
// own past sessions for their debrief link. One session's export and erasure are the session's
// JSON export and DELETE (sessions list).
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { LearnerErasure, LearnerFound, LearnerHistoryItem, SessionExport } from '@ecoute/protocol';
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

/**
 * A pseudonym as an RGPD request names a person: folded as the sessions list's learner filter
 * folds it (any case, any accent), without the spaces around it, with one space between its words,
 * and without a final full stop (« lucie m » is « Lucie M. »). The whole name, not part of it
 * (unlike the list's filter): « Luc » is not « Lucie M. ». Export and erasure take this same set.
 */
export function requestKey(name: string): string {
  return fold(name)
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/, '');
}

/** The audit log names a pseudonym by a hash: the log must not keep what was erased. */
function pseudonymHash(name: string): string {
  return `pseudonym:${createHash('sha256').update(requestKey(name)).digest('hex').slice(0, 16)}`;
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

  /** The organisation's sessions where `name` joined as the listener (`requestKey`: the same person). */
  async sessionsOf(organizationId: string, name: string): Promise<SessionListItem[]> {
    const wanted = requestKey(name);
    const items = await this.sessions.list({ organizationId });
    return items.filter((item) =>
      item.participants.some((p) => p.role === 'listener' && requestKey(p.name) === wanted),
    );
  }

  /** The learner keys of the organisation's badges awarded to `name` (`requestKey`: the same person). */
  private badgeKeysOf(organizationId: string, name: string): Promise<string[]> {
    const wanted = requestKey(name);
    return this.badges.learnerKeysWhere(organizationId, (key) => requestKey(key) === wanted);
  }

  /** What an erasure of `name` would take, asked before the administrator confirms it. */
  async findLearner(admin: Membership, name: string): Promise<LearnerFound> {
    const [sessions, keys] = await Promise.all([
      this.sessionsOf(admin.organizationId, name),
      this.badgeKeysOf(admin.organizationId, name),
    ]);
    const badges = await this.badges.learnerAwards(admin.organizationId, keys);
    return { sessions: sessions.length, badges: badges.length };
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
    const badges = await this.badges.learnerAwards(
      admin.organizationId,
      await this.badgeKeysOf(admin.organizationId, name),
    );
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'learner-exported',
      target: `${pseudonymHash(name)} sessions=${sessions.length} badges=${badges.length}`,
    });
    return { pseudonym: name, sessions, badges };
  }

  async eraseLearner(admin: Membership, name: string): Promise<LearnerErasure> {
    const items = await this.sessionsOf(admin.organizationId, name);
    const erased: string[] = [];
    for (const item of items) if (await this.sessions.delete(item.id)) erased.push(item.id);
    // Group sessions (classroom): their learner rows and their name in the calls' members.
    const wanted = requestKey(name);
    const learners = await this.classes.eraseLearner(admin.organizationId, (p) => requestKey(p) === wanted);
    const badges = await this.badges.eraseLearner(
      admin.organizationId,
      await this.badgeKeysOf(admin.organizationId, name),
    );
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'learner-erased',
      target: `${pseudonymHash(name)} sessions=${erased.length} badges=${badges}${learners > 0 ? ` class-learners=${learners}` : ''}`,
    });
    return { sessions: erased, badges };
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
