// The one migration set, in code so it ships with the build and runs at boot.
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

const migrations: Record<string, Migration> = {
  '0001_sessions_and_timeline': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('seed', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('outcome', 'text')
        .execute();
      await db.schema
        .createTable('role_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('role_tokens_session').on('role_tokens').column('session_id').execute();
      await db.schema
        .createTable('timeline')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('t', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('timeline_pk', ['session_id', 'seq'])
        .execute();
    },
  },
  // The debrief's own records (server/src/debrief): never the timeline, which stays as recorded.
  '0002_debrief': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('debrief_annotations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        // The bookmark entry whose comment this edits; null for an annotation of its own.
        .addColumn('bookmark_seq', 'integer')
        .addColumn('t', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('debrief_annotations_session')
        .on('debrief_annotations')
        .columns(['session_id', 'bookmark_seq'])
        .execute();
      await db.schema
        .createTable('debrief_judgments')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('criterion', 'text', (c) => c.notNull())
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('debrief_judgments_pk', ['session_id', 'criterion'])
        .execute();
      await db.schema
        .createTable('debrief_self_assessments')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Live role-play: a session may have a caller actor (a fourth role link; the run suggests lines).
  '0003_sessions_caller_actor': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sessions')
        .addColumn('caller_actor', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  // Exports: each session's xAPI registration (a UUID drawn at its first export, then kept);
  // the sessions list (newest first) and retention (ended before a date) find rows by index.
  '0004_exports_and_retention': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('session_registrations')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('registration', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_created_at').on('sessions').column('created_at').execute();
      await db.schema
        .createIndex('sessions_status_ended_at')
        .on('sessions')
        .columns(['status', 'ended_at'])
        .execute();
    },
  },
  // The debrief's scores kept: the rubric's automatic results and the measures, computed once
  // when the call ends (or at the first debrief), valid while the timeline's last seq and the
  // rubric's key (scenario version and rubric) are the ones they were computed from.
  '0005_debrief_results': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('debrief_results')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('rubric_key', 'text', (c) => c.notNull())
        .addColumn('rubric', 'text', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Free speech (issue 12): the session's hint mode and whether the trainer picks the move of a
  // sentence not understood.
  '0006_sessions_hint_mode': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sessions')
        .addColumn('hint_mode', 'text', (c) => c.notNull().defaultTo('guided'))
        .execute();
      await db.schema
        .alterTable('sessions')
        .addColumn('ask_trainer', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  // Accounts (server/src/accounts): a session belongs to the trainer and the organisation that
  // created it; role links kept sealed for their owner; the audit log; retention per organisation.
  // better-auth's own tables (auth_user, auth_session, …) are made by its migration API at boot.
  '0010_accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sessions').addColumn('owner_id', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('organization_id', 'text').execute();
      await db.schema.createIndex('sessions_organization').on('sessions').column('organization_id').execute();
      await db.schema.alterTable('role_tokens').addColumn('sealed', 'text').execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_organization_at')
        .on('audit_log')
        .columns(['organization_id', 'at'])
        .execute();
      await db.schema
        .createTable('organization_settings')
        .addColumn('organization_id', 'text', (c) => c.primaryKey())
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  // The call library (server/src/studio): an organisation's calls, each version's YAML text and
  // status (draft, published, retired), and who changed what, when. A published version's text is
  // never updated (the store only inserts it, then changes its status to retired).
  '0013_library': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('library_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('library_calls_organization')
        .on('library_calls')
        .column('organization_id')
        .execute();
      await db.schema
        .createTable('library_versions')
        .addColumn('call_id', 'text', (c) => c.notNull().references('library_calls.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('yaml', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addPrimaryKeyConstraint('library_versions_pk', ['call_id', 'version'])
        .execute();
      await db.schema
        .createTable('library_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('call_id', 'text', (c) => c.notNull().references('library_calls.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('library_changes_call_at')
        .on('library_changes')
        .columns(['call_id', 'at'])
        .execute();
    },
  },
  // Open Badges (server/src/badges): an organisation's signing keys (the private half sealed with
  // the server key), its badge definitions, the badges awarded (each with its index in the
  // organisation's revocation status list).
  '0020_badges': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('badge_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('sealed_private_jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('badge_keys_organization')
        .on('badge_keys')
        .column('organization_id')
        .execute();
      await db.schema
        .createTable('badge_definitions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('criteria', 'text', (c) => c.notNull())
        .addColumn('min_calls', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('badge_definitions_organization')
        .on('badge_definitions')
        .column('organization_id')
        .execute();
      await db.schema
        .createTable('badge_awards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('badge_id', 'text', (c) =>
          c.notNull().references('badge_definitions.id').onDelete('cascade'),
        )
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('learner_key', 'text', (c) => c.notNull())
        .addColumn('sessions', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('status_index', 'integer', (c) => c.notNull())
        .addColumn('credential_jwt', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revocation_reason', 'text')
        .addUniqueConstraint('badge_awards_once', ['badge_id', 'learner_key'])
        .addUniqueConstraint('badge_awards_status_index', ['organization_id', 'status_index'])
        .execute();
    },
  },
  // LTI 1.3 (server/src/lti): the platforms registered (dynamic registration, per organisation),
  // the tool's own signing key (sealed), and the sessions a launch opened (whose grade goes back).
  '0021_lti': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('lti_platforms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('deployment_ids', 'text', (c) => c.notNull())
        .addColumn('auth_login_url', 'text', (c) => c.notNull())
        .addColumn('token_url', 'text', (c) => c.notNull())
        .addColumn('jwks_url', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('lti_platforms_issuer_client', ['issuer', 'client_id'])
        .execute();
      await db.schema
        .createTable('lti_tool_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('sealed_private_jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('lti_sessions')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('platform_id', 'text', (c) => c.notNull())
        .addColumn('resource_link', 'text', (c) => c.notNull())
        .addColumn('learner_sub', 'text')
        .addColumn('lineitem', 'text')
        .addColumn('score_sent_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('lti_sessions_resource_link')
        .on('lti_sessions')
        .columns(['platform_id', 'resource_link'])
        .execute();
    },
  },
  // Several processes (server/src/cluster): each live process's heartbeat, and per session the
  // process that owns it with a fencing epoch (bumped at each change of owner; every timeline
  // append of a clustered process carries it and is refused when stale).
  '0040_session_leases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cluster_nodes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('session_leases')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('owner', 'text')
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('session_leases_owner').on('session_leases').column('owner').execute();
    },
  },
  // The classroom (issue 14, server/src/classroom): a trainer's group session, its learners
  // (a pseudonym and a hashed token, no account) and its calls (one session per group and round).
  '0030_classes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('classes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('join_code', 'text', (c) => c.notNull().unique())
        .addColumn('scenario_ids', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('class_learners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('pseudonym', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('class_learners_class').on('class_learners').column('class_id').execute();
      await db.schema
        .createTable('class_calls')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('group_index', 'integer', (c) => c.notNull())
        .addColumn('members', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('class_calls_class').on('class_calls').column('class_id').execute();
    },
  },
  // LTI 1.3 (server/src/lti): what a login initiation or a Deep Linking choice leaves for the
  // next request — which may reach another process — single use, with an expiry (ms since epoch).
  '0022_lti_pending': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('lti_pending')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lti_pending_expires').on('lti_pending').column('expires_at').execute();
    },
  },
  // LTI Names and Roles Provisioning Service (server/src/lti): the course's membership URL a
  // launch carried, so that the instructor's console can list the course's members.
  '0023_lti_memberships': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('lti_sessions').addColumn('memberships_url', 'text').execute();
    },
  },
  // Open Badges (server/src/badges): an organisation's own picture for a badge (PNG or SVG, in
  // base64, and its type), and a deleted badge that was already issued, kept for verification.
  '0024_badge_images': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('badge_definitions').addColumn('image_type', 'text').execute();
      await db.schema.alterTable('badge_definitions').addColumn('image_base64', 'text').execute();
      await db.schema.alterTable('badge_definitions').addColumn('deleted_at', 'text').execute();
    },
  },
  // A draining process (server/src/cluster) says so on its heartbeat row: another drain never
  // names it successor, nor passes it a lease.
  '0041_cluster_nodes_draining': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('cluster_nodes')
        .addColumn('draining', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
    },
  },
  // The classroom (server/src/classroom): a learner who joined again from another device got a
  // new token; the one it replaced is kept, so that the old page is told its place was taken
  // over (`class/taken_over`) rather than that its code is wrong.
  '0042_class_learners_replaced_token': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('class_learners').addColumn('replaced_token_hash', 'text').execute();
    },
  },
  // The classroom: a group session's settings, kept with the class so that its page shows them
  // again on a reload — the help mode of its rounds' calls (as `sessions.hint_mode` and
  // `ask_trainer`) and whether the random groups leave the caller to the machine. Integers for the
  // booleans, as `sessions.ask_trainer` (the same on SQLite and PostgreSQL).
  '0043_class_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('classes')
        .addColumn('hint_mode', 'text', (c) => c.notNull().defaultTo('guided'))
        .execute();
      await db.schema
        .alterTable('classes')
        .addColumn('ask_trainer', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('classes')
        .addColumn('machine_caller', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  // The classroom: the token a learner held when their trainer freed their place (their old
  // device left open somewhere), kept so that its page, coming back, is told so
  // (`class/place_freed`) rather than that its code is wrong.
  '0044_class_learners_freed_token': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('class_learners').addColumn('freed_token_hash', 'text').execute();
    },
  },
  // The classroom: the trainer's last message to the class (JSON `ClassMessage`), sent again to a
  // learner page that connects during the same round (her call page opened after it was sent).
  '0045_classes_last_message': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('classes').addColumn('last_message', 'text').execute();
    },
  },
  // The server key's check value (server/src/accounts/server-key-check.ts): an HMAC of a fixed
  // label under the key that sealed this database's secrets — never the key, nothing that opens
  // what it sealed. One row (id 1); a database without it takes the current key's at boot.
  '0050_server_key_check': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('server_key_check')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('hmac', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
