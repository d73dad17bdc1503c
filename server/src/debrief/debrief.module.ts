import { Module } from '@nestjs/common';
import compression from 'compression';
import type { RequestHandler } from 'express';
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
  exports: [DebriefStore, DebriefService],
})
export class DebriefModule {}

/**
 * The debrief's other answers compressed as the request takes them (its `GET` compresses its own
 * answer once and keeps it: `encoded-answer.ts`; the middleware leaves an answer that has its
 * `Content-Encoding`). Brotli (at the library's fast default quality, 4), else gzip. Mounted
 * by `app.ts` as plain Express middleware on the debrief's path (Nest's `forRoutes` would add a
 * route layer per route, which the route list of the policy table and OpenAPI would count twice).
 */
export const DEBRIEF_PATH = '/api/sessions/:sessionId/debrief';
export const debriefCompression = (): RequestHandler => compression();
