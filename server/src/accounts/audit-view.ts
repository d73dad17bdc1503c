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
const PERSON_ACTIONS = new Set(['reset-link']);
/** Actions whose target is an invitation: read by the address it was sent to. */
const INVITATION_ACTIONS = new Set(['invitation', 'join']);
const BADGE_ACTIONS = new Set(['badge-created', 'badge-updated', 'badge-deleted', 'badge-image-changed']);

export async function describeAudit(
  entries: readonly AuditEntry[],
  db: Kysely<Database>,
  catalog: ScenarioCatalog,
): Promise<AuditLogEntry[]> {
  const userIds = new Set<string>();
  const sessionIds = new Set<string>();
  const invitationIds = new Set<string>();
  const classIds = new Set<string>();
  const badgeIds = new Set<string>();
  const awardIds = new Set<string>();
  for (const entry of entries) {
    if (!entry.actor.startsWith('link:')) userIds.add(entry.actor);
    if (!entry.target) continue;
    if (PERSON_ACTIONS.has(entry.action)) userIds.add(entry.target);
    else if (SESSION_ACTIONS.has(entry.action)) sessionIds.add(entry.target);
    else if (INVITATION_ACTIONS.has(entry.action)) invitationIds.add(entry.target);
    else if (entry.action === 'class-exported') classIds.add(entry.target.replace(/^class:/, ''));
    else if (BADGE_ACTIONS.has(entry.action)) badgeIds.add(entry.target);
    else if (entry.action === 'badge-revoked') awardIds.add(entry.target);
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
  const classes = await namesOf(db, sql`select id, name from classes where id in`, classIds);
  const badges = await namesOf(db, sql`select id, name from badge_definitions where id in`, badgeIds);
  const awards = await namesOf(
    db,
    sql`select a.id as id, d.name as name from badge_awards a
      join badge_definitions d on d.id = a.badge_id where a.id in`,
    awardIds,
  );
  const named = { classes, badges, awards };
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
      subject: subjectOf(entry, names, sessions, emails, named),
    };
  });
}

function subjectOf(
  entry: AuditEntry,
  names: ReadonlyMap<string, string>,
  sessions: ReadonlyMap<string, { title: string; createdAt: string }>,
  emails: ReadonlyMap<string, string>,
  named: Record<'classes' | 'badges' | 'awards', ReadonlyMap<string, string>>,
): AuditSubject | null {
  const target = entry.target;
  if (target === null) return null;
  if (SESSION_ACTIONS.has(entry.action)) {
    const session = sessions.get(target);
    return session ? { kind: 'session', ...session } : { kind: 'session-gone' };
  }
  if (PERSON_ACTIONS.has(entry.action)) return { kind: 'person', name: names.get(target) ?? null };
  // A member who joined: the actor is the person, the target the invitation they accepted.
  if (INVITATION_ACTIONS.has(entry.action)) return { kind: 'person', name: emails.get(target) ?? null };
  if (entry.action === 'class-exported')
    return { kind: 'class', name: named.classes.get(target.replace(/^class:/, '')) ?? null };
  if (BADGE_ACTIONS.has(entry.action)) return { kind: 'badge', name: named.badges.get(target) ?? null };
  if (entry.action === 'badge-revoked') return { kind: 'badge', name: named.awards.get(target) ?? null };
  if (entry.action === 'retention-changed') return { kind: 'days', count: Number(target) };
  if (entry.action === 'learner-erased' || entry.action === 'learner-exported') {
    const sessions = /sessions=(\d+)/.exec(target)?.[1];
    const badges = /badges=(\d+)/.exec(target)?.[1];
    if (sessions === undefined) return null;
    return badges === undefined
      ? { kind: 'learner-data', sessions: Number(sessions) }
      : { kind: 'learner-data', sessions: Number(sessions), badges: Number(badges) };
  }
  return null;
}

/** `id → name` of the rows `query … in (ids)` finds (tables of other rooms, read by their ids). */
async function namesOf(
  db: Kysely<Database>,
  query: ReturnType<typeof sql>,
  ids: ReadonlySet<string>,
): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map();
  const rows = (await sql<{ id: string; name: string }>`${query} (${sql.join([...ids])})`.execute(db)).rows;
  return new Map(rows.map((row) => [row.id, row.name]));
}
