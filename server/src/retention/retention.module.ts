import { Module } from '@nestjs/common';
import { ClassroomModule } from '../classroom/classroom.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { RetentionService } from './retention.service.js';

@Module({
  imports: [SessionsModule, ClassroomModule],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
