import { Module } from '@nestjs/common';
import { RecoveryProgress } from './recovery-progress.js';

/** How far the background recovery of live sessions has got, for whoever reports it (`/readyz`). */
@Module({
  providers: [RecoveryProgress],
  exports: [RecoveryProgress],
})
export class RecoveryModule {}
