import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
