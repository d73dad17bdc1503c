// Does the server's key (ECOUTE_SECRET or `secret.key`) match the database? The key seals what
// the database keeps for later (role links kept for their trainer, the badge and LTI private
// keys) and signs account cookies; a database restored under another key used to start silently,
// every sealed value then opening to nothing. The database keeps a check value — an HMAC of a
// fixed label under the key: it tells « same key » from « another key » and reveals nothing that
// opens what the key sealed (nor the key: HMAC-SHA256 is not reversed). Recorded on the first
// boot, and on the first boot of a database made before it; checked on every boot after.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

const LABEL = 'ecoute/server-key-check/v1';
const ROW_ID = 1;

/** The tables this check touches beyond the shared schema (their own stores type them too). */
type KeyCheckTables = {
  server_key_check: { id: number; hmac: string; recorded_at: string };
  badge_keys: { sealed_private_jwk: string };
  lti_tool_keys: { sealed_private_jwk: string };
  auth_session: { id: string };
};

/** The check value of a key: HMAC-SHA256 of a fixed label, base64url. */
export function keyCheckValue(secret: string): string {
  return createHmac('sha256', secret).update(LABEL).digest('base64url');
}

/** What the database lost when the key was declared lost (ECOUTE_FORGET_SEALED=1). */
export interface ForgottenSealed {
  roleLinks: number;
  badgeKeys: number;
  ltiKeys: number;
  accountSessions: number;
}

export type KeyCheck =
  | { outcome: 'recorded' }
  | { outcome: 'matched' }
  | { outcome: 'mismatch' }
  | { outcome: 'forgotten'; forgotten: ForgottenSealed };

/**
 * Compares the key with the database's check value: none yet → records this key's (`recorded`);
 * equal → `matched`; different → `mismatch`, touching nothing, unless `forgetSealed`: then every
 * value sealed under the lost key is forgotten and this key's check value recorded, in one
 * transaction (`forgotten`). Safe for several processes booting on one PostgreSQL at once.
 */
export async function checkServerKey(
  database: Kysely<Database>,
  secret: string,
  options: { forgetSealed: boolean },
): Promise<KeyCheck> {
  const db = database.withTables<KeyCheckTables>();
  const value = keyCheckValue(secret);
  // Two processes on an empty table: one insert wins, the other reads the winner's value.
  const inserted = await db
    .insertInto('server_key_check')
    .values({ id: ROW_ID, hmac: value, recorded_at: new Date().toISOString() })
    .onConflict((c) => c.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { outcome: 'recorded' };
  const row = await db
    .selectFrom('server_key_check')
    .select('hmac')
    .where('id', '=', ROW_ID)
    .executeTakeFirstOrThrow();
  if (row.hmac === value) return { outcome: 'matched' };
  if (!options.forgetSealed) return { outcome: 'mismatch' };
  return { outcome: 'forgotten', forgotten: await forgetSealed(database, value) };
}

/**
 * Forgets what the lost key sealed: the kept role links (their trainer re-issues them with
 * « Révoquer les liens »), the private halves of the badge and LTI signing keys (their public
 * halves stay published, so badges already issued still verify; a new key pair is made at the
 * next badge or launch), and the account sessions (their cookies were signed with the lost key:
 * everyone signs in again). Then records the new key's check value.
 */
async function forgetSealed(database: Kysely<Database>, value: string): Promise<ForgottenSealed> {
  const hasAuthSessions = (await database.introspection.getTables()).some((t) => t.name === 'auth_session');
  return database.transaction().execute(async (trx) => {
    const db = trx.withTables<KeyCheckTables>();
    const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number =>
      Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
    const roleLinks = count(
      await db
        .updateTable('role_tokens')
        .set({ sealed: null })
        .where('sealed', 'is not', null)
        .executeTakeFirst(),
    );
    const badgeKeys = count(
      await db
        .updateTable('badge_keys')
        .set({ sealed_private_jwk: '' })
        .where('sealed_private_jwk', '!=', '')
        .executeTakeFirst(),
    );
    const ltiKeys = count(
      await db
        .updateTable('lti_tool_keys')
        .set({ sealed_private_jwk: '' })
        .where('sealed_private_jwk', '!=', '')
        .executeTakeFirst(),
    );
    const accountSessions = hasAuthSessions
      ? count(await db.deleteFrom('auth_session').executeTakeFirst())
      : 0;
    await db
      .updateTable('server_key_check')
      .set({ hmac: value, recorded_at: new Date().toISOString() })
      .where('id', '=', ROW_ID)
      .execute();
    return { roleLinks, badgeKeys, ltiKeys, accountSessions };
  });
}
