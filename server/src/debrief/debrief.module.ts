import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { DebriefController } from './debrief.controller.js';
import { DebriefService } from './debrief.service.js';
import { DebriefStore } from './debrief-store.js';
import { SessionsListController } from './sessions-list.controller.js';

/** The debrief of a session (REST) and the trainers' sessions list. */
@Module({
  imports: [ScenariosModule, SessionsModule],
  controllers: [DebriefController, SessionsListController],
  providers: [
    { provide: DebriefStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new DebriefStore(db) },
    DebriefService,
  ],
})
export class DebriefModule {}
