import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { KyselyTimelineStore } from './kysely-timeline-store.js';
import { TIMELINE_STORE } from './timeline-store.js';

@Module({
  providers: [
    {
      provide: TIMELINE_STORE,
      inject: [DATABASE],
      useFactory: (db: Kysely<Database>) => new KyselyTimelineStore(db),
    },
  ],
  exports: [TIMELINE_STORE],
})
export class TimelineModule {}
