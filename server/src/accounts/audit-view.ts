// The audit log as an administrator reads it: who (a member's name, or the role of a link) and on
// what (a session by its call and date, a person by name, a number of days or sessions) beside the
// internal ids the log keeps (for tools, not for the page). Resolved at read time: a deleted
// session or account reads as gone.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuditLogEntry, AuditSubject } from '@ecoute/protocol';
import type { Database } from '../database/schema.js';
import type { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import type { AuditEntry } from './audit-store.js';

const SESSION_ACTIONS = new Set(['links-revoked', 'session-deleted', 'session-exported']);
const PERSON_ACTIONS = new Set(['join', 'reset-link']);

export async function describeAudit(
  entries: readonly AuditEntry[],
  db: Kysely<Database>,
  catalog: ScenarioCatalog,
): Promise<AuditLogEntry[]> {
  const userIds = new Set<string>();
  const sessionIds = new Set<string>();
  const invitationIds = new Set<string>();
  for (const entry of entries) {
    if (!entry.actor.startsWith('link:')) userIds.add(entry.actor);
    if (!entry.target) continue;
    if (PERSON_ACTIONS.has(entry.action)) userIds.add(entry.target);
    else if (SESSION_ACTIONS.has(entry.action)) sessionIds.add(entry.target);
    else if (entry.action === 'invitation') invitationIds.add(entry.target);
  }
  const names = new Map<string, string>();
  if (userIds.size > 0) {
    const rows = await db
      .selectFrom('auth_user')
      .select(['id', 'name'])
      .where('id', 'in', [...userIds])
      .execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  const sessions = new Map<string, { title: string; createdAt: string }>();
  if (sessionIds.size > 0) {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'scenario_id', 'scenario_version', 'created_at'])
      .where('id', 'in', [...sessionIds])
      .execute();
    for (const row of rows) {
      const title = catalog.get(row.scenario_id, row.scenario_version)?.scenario.title;
      if (title) sessions.set(row.id, { title, createdAt: row.created_at });
    }
  }
  const emails = new Map<string, string>();
  if (invitationIds.size > 0) {
    const rows = (
      await sql<{ id: string; email: string }>`select id, email from auth_invitation
        where id in (${sql.join([...invitationIds])})`.execute(db)
    ).rows;
    for (const row of rows) emails.set(row.id, row.email);
  }
  return entries.map((entry) => {
    const link = /^link:(\w+)$/.exec(entry.actor);
    return {
      at: entry.at,
      action: entry.action,
      actor: entry.actor,
      target: entry.target,
      who: link
        ? { kind: 'link', role: link[1] ?? '' }
        : { kind: 'member', name: names.get(entry.actor) ?? null },
      subject: subjectOf(entry, names, sessions, emails),
    };
  });
}

function subjectOf(
  entry: AuditEntry,
  names: ReadonlyMap<string, string>,
  sessions: ReadonlyMap<string, { title: string; createdAt: string }>,
  emails: ReadonlyMap<string, string>,
): AuditSubject | null {
  const target = entry.target;
  if (target === null) return null;
  if (SESSION_ACTIONS.has(entry.action)) {
    const session = sessions.get(target);
    return session ? { kind: 'session', ...session } : { kind: 'session-gone' };
  }
  if (PERSON_ACTIONS.has(entry.action)) return { kind: 'person', name: names.get(target) ?? null };
  if (entry.action === 'invitation') return { kind: 'person', name: emails.get(target) ?? null };
  if (entry.action === 'retention-changed') return { kind: 'days', count: Number(target) };
  if (entry.action === 'learner-erased') {
    const count = /sessions=(\d+)/.exec(target)?.[1];
    return count === undefined ? null : { kind: 'sessions', count: Number(count) };
  }
  return null;
}
