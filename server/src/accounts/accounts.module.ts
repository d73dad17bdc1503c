import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Kysely } from 'kysely';
import { AccessService } from '../auth/access.service.js';
import { PolicyGuard } from '../auth/policy.guard.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AccountController, OrganizationController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuditStore } from './audit-store.js';
import { AUTH, authProvider } from './auth.provider.js';
import { MemberStore } from './member-store.js';
import { OrganizationSettingsStore } from './organization-settings-store.js';

/** Accounts, organisations, the audit log, and the policy guard of every REST route. */
@Global()
@Module({
  imports: [SessionsModule, ScenariosModule],
  controllers: [AccountController, OrganizationController],
  providers: [
    { provide: MemberStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new MemberStore(db) },
    { provide: AuditStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new AuditStore(db) },
    {
      provide: OrganizationSettingsStore,
      inject: [DATABASE],
      useFactory: (db: Kysely<Database>) => new OrganizationSettingsStore(db),
    },
    authProvider,
    AccessService,
    AccountsService,
    { provide: APP_GUARD, useClass: PolicyGuard },
  ],
  exports: [AUTH, MemberStore, AuditStore, OrganizationSettingsStore, AccessService, AccountsService],
})
export class AccountsModule {}
