// The better-auth instance as a Nest provider, its tables migrated before anyone uses it.
import type { Provider } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { AuditStore } from './audit-store.js';
import { createAuth, migrateAuth } from './auth.js';
import type { AuthSettings } from './auth.js';
import { MemberStore } from './member-store.js';

/** Injection token of the better-auth instance. */
export const AUTH = Symbol('AUTH');
/** Injection token of the server's secret (server-secret.ts). */
export const SERVER_SECRET = Symbol('SERVER_SECRET');

export const authProvider: Provider = {
  provide: AUTH,
  inject: [DATABASE, APP_CONFIG, SERVER_SECRET, AuditStore, MemberStore],
  useFactory: async (
    db: Kysely<Database>,
    config: AppConfig,
    secret: string,
    audit: AuditStore,
    members: MemberStore,
  ) => {
    const settings: AuthSettings = {
      db,
      dialect: config.databaseUrl ? 'postgres' : 'sqlite',
      secret,
      publicUrl: config.publicUrl,
      async onSignIn(userId) {
        const member = await members.membershipOf(userId);
        await audit.record({
          organizationId: member?.organizationId ?? null,
          actor: userId,
          action: 'sign-in',
          target: null,
        });
      },
    };
    await migrateAuth(settings);
    return createAuth(settings);
  },
};
