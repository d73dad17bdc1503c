import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { RetentionService } from './retention.service.js';

@Module({
  imports: [SessionsModule],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
