// An organisation's settings: its retention period (days an ended session is kept; 0 = forever).
// Without a row, the server's ECOUTE_RETENTION_DAYS applies.
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

export class OrganizationSettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async retentionDays(organizationId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('organization_settings')
      .select('retention_days')
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row ? Number(row.retention_days) : undefined;
  }

  async setRetentionDays(organizationId: string, days: number): Promise<void> {
    await this.db
      .insertInto('organization_settings')
      .values({ organization_id: organizationId, retention_days: days })
      .onConflict((c) => c.column('organization_id').doUpdateSet({ retention_days: days }))
      .execute();
  }

  /** Every organisation with its own period. */
  async all(): Promise<{ organizationId: string; retentionDays: number }[]> {
    const rows = await this.db.selectFrom('organization_settings').selectAll().execute();
    return rows.map((row) => ({
      organizationId: row.organization_id,
      retentionDays: Number(row.retention_days),
    }));
  }
}
