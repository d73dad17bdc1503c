import { Global, Inject, Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Kysely } from 'kysely';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import type { Database } from './schema.js';
import { openSqliteDatabase } from './sqlite.js';

/** Injection token of the Kysely instance. */
export const DATABASE = Symbol('DATABASE');

@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openSqliteDatabase(config.databaseFile),
    },
  ],
  exports: [DATABASE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Kysely<Database>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}
