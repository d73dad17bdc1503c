import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { LibraryController } from './library.controller.js';
import { LibraryService } from './library.service.js';
import { LibraryStore } from './library-store.js';

/** The call library and its versions (the authoring studio's server side). */
@Module({
  imports: [ScenariosModule],
  controllers: [LibraryController],
  providers: [
    { provide: LibraryStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new LibraryStore(db) },
    LibraryService,
  ],
})
export class StudioModule {}
