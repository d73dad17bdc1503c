import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export async function migrate(db: Kysely<Database>): Promise<void> {
  // Engineers add migrations in parallel branches, each in its own range of numbers: a database
  // that ran a later one first still takes an earlier one merged after.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
