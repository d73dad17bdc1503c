import { Inject, Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { BadgesModule } from '../badges/badges.module.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { DebriefModule } from '../debrief/debrief.module.js';
import { DebriefService } from '../debrief/debrief.service.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { LtiFrameAncestors } from './frame-ancestors.js';
import { LtiController } from './lti.controller.js';
import { LtiService } from './lti.service.js';
import { LtiStore } from './lti-store.js';

/** Écoute as an LTI 1.3 tool: login, launch, Deep Linking, grades back (AGS), course members (NRPS), dynamic registration. */
@Module({
  imports: [ScenariosModule, SessionsModule, DebriefModule, BadgesModule],
  controllers: [LtiController],
  providers: [
    { provide: LtiStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new LtiStore(db) },
    LtiService,
    LtiFrameAncestors,
  ],
  exports: [LtiFrameAncestors],
})
export class LtiModule implements OnModuleInit {
  constructor(
    @Inject(DebriefService) private readonly debrief: DebriefService,
    @Inject(LtiService) private readonly lti: LtiService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.lti.loadFrameAncestors();
    // The score goes back when the call's results are kept (the debrief is ready).
    this.debrief.onResultsKept((sessionId) => void this.lti.sendScore(sessionId));
  }
}
