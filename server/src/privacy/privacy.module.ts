import { Module } from '@nestjs/common';
import { ClassroomModule } from '../classroom/classroom.module.js';
import { BadgesModule } from '../badges/badges.module.js';
import { ExportsModule } from '../exports/exports.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';

/** RGPD requests about learners (export, erasure) and a learner's own history. */
@Module({
  imports: [SessionsModule, ExportsModule, ScenariosModule, ClassroomModule, BadgesModule],
  controllers: [PrivacyController],
  providers: [PrivacyService],
})
export class PrivacyModule {}
