/**
 * Whether a database error is a unique key refused (a primary key or a unique index), on either
 * store: better-sqlite3's `SQLITE_CONSTRAINT_PRIMARYKEY` / `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL's
 * SQLSTATE 23505. A caller that checked a key was free and lost a race to another writer answers it
 * with its own refusal's code rather than a server error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
