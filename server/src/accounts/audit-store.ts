// The audit log: who did what, when — sign-ins, invitations, reset links, link revocations,
// deletions, erasures, exports and retention changes. Append-only; read by administrators.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

export const AUDIT_ACTIONS = [
  'sign-in',
  'setup',
  'invitation',
  'join',
  'reset-link',
  'links-revoked',
  'session-deleted',
  'session-exported',
  'class-exported',
  'learner-exported',
  'learner-erased',
  'retention-changed',
  'badge-created',
  'badge-updated',
  'badge-revoked',
  'badge-deleted',
  'badge-image-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  organizationId: string | null;
  /** Who: an account id, or `link:<role>` for a role link. */
  actor: string;
  action: AuditAction;
  /** On what: a session id, an account id, a pseudonym's hash… */
  target: string | null;
}

export class AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: Omit<AuditEntry, 'at'>, at = new Date()): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: at.toISOString(),
        organization_id: entry.organizationId,
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
      })
      .execute();
  }

  /** An organisation's entries, newest first. */
  async list(organizationId: string, limit = 200): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      at: row.at,
      organizationId: row.organization_id,
      actor: row.actor,
      action: row.action as AuditAction,
      target: row.target,
    }));
  }
}
