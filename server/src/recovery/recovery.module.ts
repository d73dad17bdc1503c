import { Module } from '@nestjs/common';
import { RecoveryProgress } from './recovery-progress.js';

/** How far the recovery of live sessions has got: written by the sessions, read by `/readyz`. */
@Module({
  providers: [RecoveryProgress],
  exports: [RecoveryProgress],
})
export class RecoveryModule {}
