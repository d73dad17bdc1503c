import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '../database/database.module.js';
import type { Database } from '../database/schema.js';
import { SessionGateway } from '../gateway/session.gateway.js';
import { ClusterNode } from '../cluster/cluster-node.js';
import { SessionPlacement } from '../cluster/session-placement.js';
import { PresenceTracker } from '../gateway/presence.js';
import { Refusals } from '../gateway/refusals.js';
import { SocketRooms } from '../gateway/socket-rooms.js';
import { LiveRecovery } from '../recovery/live-recovery.js';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionStore } from './session-store.js';
import { SessionsController } from './sessions.controller.js';
import { ROLE_BROADCASTER, SessionsService } from './sessions.service.js';

@Module({
  imports: [ScenariosModule, RecoveryModule],
  controllers: [SessionsController],
  providers: [
    { provide: SessionStore, inject: [DATABASE], useFactory: (db: Kysely<Database>) => new SessionStore(db) },
    SocketRooms,
    { provide: ROLE_BROADCASTER, useExisting: SocketRooms },
    SessionsService,
    PresenceTracker,
    Refusals,
    SessionGateway,
    LiveRecovery,
    // Several processes (cluster/): where inputs are served; heartbeat, takeover, drain.
    SessionPlacement,
    ClusterNode,
  ],
  // The debrief reads sessions and authenticates role tokens as the gateway does; the classroom
  // asks whether a learner's call page answers (a join by her pseudonym is refused meanwhile)
  // and closes a silent one when the join takes her place back.
  exports: [SessionStore, SessionsService, SocketRooms],
})
export class SessionsModule {}
