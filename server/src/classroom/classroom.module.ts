import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ClassReports } from './class-reports.js';
import { ClassStore } from './class-store.js';
import { ClassRooms, ClassroomGateway } from './classroom.gateway.js';
import { ClassroomController } from './classroom.controller.js';
import { CLASS_BROADCASTER, ClassroomService } from './classroom.service.js';
import { FLOOR_SINK, FloorService } from './floor.service.js';

/** The classroom (issue 14): classes, rounds, the floor, the group debrief. */
@Module({
  imports: [ScenariosModule, SessionsModule, AccountsModule],
  controllers: [ClassroomController],
  providers: [
    { provide: ClassStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new ClassStore(db) },
    ClassRooms,
    { provide: CLASS_BROADCASTER, useExisting: ClassRooms },
    { provide: FLOOR_SINK, useExisting: ClassRooms },
    ClassroomService,
    FloorService,
    ClassReports,
    ClassroomGateway,
  ],
  exports: [FloorService],
})
export class ClassroomModule {}
