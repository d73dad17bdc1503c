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
}

export interface RoleTokensTable {
  token_hash: string;
  session_id: string;
  role: string;
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

export interface Database {
  sessions: SessionsTable;
  role_tokens: RoleTokensTable;
  timeline: TimelineTable;
}
