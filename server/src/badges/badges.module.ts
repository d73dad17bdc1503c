import { Inject, Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { LinkSeal } from '../auth/link-seal.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { DebriefModule } from '../debrief/debrief.module.js';
import { DebriefService } from '../debrief/debrief.service.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { BadgeStore } from './badge-store.js';
import { BadgesController } from './badges.controller.js';
import { BadgesService } from './badges.service.js';
import { IssuerKeys } from './issuer-keys.js';

/** Open Badges 3.0 / 2.0: definitions, awarding when a call's results are kept, verification documents. */
@Module({
  imports: [ScenariosModule, SessionsModule, DebriefModule],
  controllers: [BadgesController],
  providers: [
    { provide: BadgeStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new BadgeStore(db) },
    {
      provide: IssuerKeys,
      inject: [BadgeStore, LinkSeal],
      useFactory: (store: BadgeStore, seal: LinkSeal) => new IssuerKeys(store, seal),
    },
    BadgesService,
  ],
  exports: [BadgesService],
})
export class BadgesModule implements OnModuleInit {
  constructor(
    @Inject(DebriefService) private readonly debrief: DebriefService,
    @Inject(BadgesService) private readonly badges: BadgesService,
  ) {}

  onModuleInit(): void {
    this.debrief.onResultsKept((sessionId) => void this.badges.evaluate(sessionId));
  }
}
