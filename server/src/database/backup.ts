// A consistent copy of the SQLite database while the server runs: SQLite's online backup API
// (better-sqlite3's `db.backup`), every page in one step, so the copy is one snapshot of committed
// transactions (the WAL included) and a busy writer cannot make it start over. Written beside the
// target and renamed once checked, so a half-written file never has the target's name.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  sessions: number;
  timelineEntries: number;
}

export class BackupError extends Error {}

/** All remaining pages in one step (sqlite3_backup_step with a page count this large). */
const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!existsSync(from))
    throw new BackupError(
      `base introuvable : ${from} (la sauvegarde lit la base du serveur : donnez-lui les mêmes ECOUTE_DATA_DIR ou ECOUTE_DATABASE_FILE que lui)`,
    );
  if (to === from) throw new BackupError('la copie ne peut pas remplacer la base elle-même');
  if (existsSync(to)) throw new BackupError(`le fichier existe déjà : ${to}`);
  if (!existsSync(path.dirname(to))) throw new BackupError(`dossier introuvable : ${path.dirname(to)}`);
  const partial = `${to}.partial-${process.pid}`;
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  let counts: { sessions: number; timelineEntries: number };
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`copie incohérente : ${String(check)}`);
    // One self-contained file: a rollback journal rather than WAL (the server turns WAL back on).
    copy.pragma('journal_mode = DELETE');
    counts = {
      sessions: (copy.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n,
      timelineEntries: (copy.prepare('SELECT count(*) AS n FROM timeline').get() as { n: number }).n,
    };
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, to);
  return { file: to, bytes: statSync(to).size, ...counts };
}
