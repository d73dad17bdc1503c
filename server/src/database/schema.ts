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
  /** `guided`, `no_hints` or `free_speech` (migration 0005; `guided` by default). */
  hint_mode: Generated<string>;
  /** 1 when the trainer picks the move of a sentence not understood (migration 0005). */
  ask_trainer: Generated<number>;
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

/** Migration 0004: the xAPI registration of each exported session. */
export interface SessionRegistrationsTable {
  session_id: string;
  registration: string;
}

export interface Database {
  sessions: SessionsTable;
  role_tokens: RoleTokensTable;
  timeline: TimelineTable;
  session_registrations: SessionRegistrationsTable;
}
