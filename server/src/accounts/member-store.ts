// Reads better-auth's member, user, organisation and invitation tables (better-auth alone writes
// them): who a signed-in account is in which organisation, and whether an administrator exists.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../database/schema.js';
import { memberRole } from './auth.js';
import type { MemberRole } from './auth.js';

export interface Membership {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
  role: MemberRole;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: MemberRole;
  organizationId: string;
  organizationName: string;
}

interface InvitationRow {
  id: string;
  email: string;
  role: string;
  status: string;
  expiresAt: string | number | Date;
  organizationId: string;
}

export class MemberStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The account's membership (an account belongs to one organisation), if any. */
  async membershipOf(userId: string): Promise<Membership | undefined> {
    const rows = await this.memberships([userId], undefined);
    return rows[0];
  }

  /** The members of an organisation, administrators first. */
  async members(organizationId: string): Promise<Membership[]> {
    const rows = await this.memberships(undefined, organizationId);
    const order: Record<MemberRole, number> = { admin: 0, trainer: 1, author: 2 };
    return rows.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, 'fr'));
  }

  /** An organisation's name (the issuer of its badges), if it exists. */
  async organizationName(organizationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('auth_organization')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirst();
    return row?.name;
  }

  /** Whether any organisation has an administrator (else the first boot's setup link is shown). */
  async hasAdministrator(): Promise<boolean> {
    const row = await this.db
      .selectFrom('auth_member')
      .select('id')
      .where('role', 'in', ['owner', 'admin'])
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** An invitation still pending and not expired, with its organisation's name. */
  async pendingInvitation(id: string, now = new Date()): Promise<PendingInvitation | undefined> {
    const row = (
      await sql<InvitationRow>`select id, email, role, status, "expiresAt", "organizationId"
      from auth_invitation where id = ${id}`.execute(this.db)
    ).rows[0];
    if (!row || row.status !== 'pending') return undefined;
    const expires = row.expiresAt instanceof Date ? row.expiresAt : new Date(row.expiresAt);
    if (!(expires.getTime() > now.getTime())) return undefined;
    const role = memberRole(row.role);
    if (!role) return undefined;
    const org = await this.db
      .selectFrom('auth_organization')
      .select('name')
      .where('id', '=', row.organizationId)
      .executeTakeFirst();
    if (!org) return undefined;
    return {
      id: row.id,
      email: row.email,
      role,
      organizationId: row.organizationId,
      organizationName: org.name,
    };
  }

  private async memberships(
    userIds: string[] | undefined,
    organizationId: string | undefined,
  ): Promise<Membership[]> {
    let query = this.db
      .selectFrom('auth_member as m')
      .innerJoin('auth_user as u', 'u.id', 'm.userId')
      .innerJoin('auth_organization as o', 'o.id', 'm.organizationId')
      .select(['m.userId', 'm.role', 'm.organizationId', 'u.name', 'u.email', 'o.name as organizationName']);
    if (userIds) query = query.where('m.userId', 'in', userIds);
    if (organizationId) query = query.where('m.organizationId', '=', organizationId);
    const rows = await query.execute();
    return rows.flatMap((row) => {
      const role = memberRole(row.role);
      return role
        ? [
            {
              userId: row.userId,
              name: row.name,
              email: row.email,
              organizationId: row.organizationId,
              organizationName: row.organizationName,
              role,
            },
          ]
        : [];
    });
  }
}
