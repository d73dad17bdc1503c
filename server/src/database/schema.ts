// Table shapes for Kysely. One migration set serves SQLite (embedded default) and, later,
// PostgreSQL; payloads are JSON text so both stores hold the same bytes.
import type { Generated } from 'kysely';

export interface SessionsTable {
  id: string;
  scenario_id: string;
  scenario_version: number;
  seed: number;
  created_at: string;
  status: 'live' | 'ended';
  ended_at: string | null;
  outcome: string | null;
  /** 1 when a learner plays the caller (migration 0003; 0 by default). */
  caller_actor: Generated<number>;
  /** `guided`, `no_hints` or `free_speech` (migration 0006; `guided` by default). */
  hint_mode: Generated<string>;
  /** 1 when the trainer picks the move of a sentence not understood (migration 0006). */
  ask_trainer: Generated<number>;
  /** The account (better-auth user id) and organisation that created it (migration 0010). */
  owner_id: string | null;
  organization_id: string | null;
}

export interface RoleTokensTable {
  token_hash: string;
  session_id: string;
  role: string;
  /** The token sealed with the server key, for its owner to see the link again (0010). */
  sealed: string | null;
}

export interface TimelineTable {
  session_id: string;
  seq: number;
  t: number;
  at: string;
  source: string;
  category: 'input' | 'observation';
  kind: string;
  payload: string;
}

export interface MigrationsMarker {
  id: Generated<number>;
}

/** Migration 0004: the xAPI registration of each exported session. */
export interface SessionRegistrationsTable {
  session_id: string;
  registration: string;
}

/** Migration 0010: who did what, when (sign-ins, link revocations, deletions, exports). */
export interface AuditLogTable {
  id: string;
  at: string;
  organization_id: string | null;
  actor: string;
  action: string;
  target: string | null;
}

/** Migration 0010: an organisation's settings (its retention period). */
export interface OrganizationSettingsTable {
  organization_id: string;
  retention_days: number;
}

/** better-auth's tables, as read by `accounts/member-store.ts` (written only by better-auth). */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
}
export interface AuthMemberTable {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: string;
}
export interface AuthOrganizationTable {
  id: string;
  name: string;
  slug: string;
}

/** Migration 0013: the call library (server/src/studio). */
export interface LibraryCallsTable {
  id: string;
  organization_id: string;
  title: string;
  created_at: string;
  updated_at: string;
}
export interface LibraryVersionsTable {
  call_id: string;
  version: number;
  status: string;
  yaml: string;
  changed_by: string;
  changed_at: string;
  published_at: string | null;
}
export interface LibraryChangesTable {
  id: string;
  call_id: string;
  version: number;
  at: string;
  actor: string;
  change: string;
}

export interface ClusterNodesTable {
  id: string;
  /** Milliseconds since 1970 on the database's clock. */
  expires_at: number;
  /** Draining: handing its sessions over before it exits (never named successor). */
  draining: Generated<boolean>;
}

export interface SessionLeasesTable {
  session_id: string;
  owner: string | null;
  epoch: number;
}

export interface Database {
  sessions: SessionsTable;
  role_tokens: RoleTokensTable;
  timeline: TimelineTable;
  cluster_nodes: ClusterNodesTable;
  session_leases: SessionLeasesTable;
  session_registrations: SessionRegistrationsTable;
  audit_log: AuditLogTable;
  organization_settings: OrganizationSettingsTable;
  auth_user: AuthUserTable;
  auth_member: AuthMemberTable;
  auth_organization: AuthOrganizationTable;
  library_calls: LibraryCallsTable;
  library_versions: LibraryVersionsTable;
  library_changes: LibraryChangesTable;
}
