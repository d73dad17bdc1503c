// The timeline store over Kysely: PostgreSQL's (each append its own transaction; the server's
// own commit batching does the grouping under concurrency).
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database } from '../database/schema.js';
import { entryFromRow, entryToRow } from './rows.js';
import { TimelineGapError } from './timeline-store.js';
import type { TimelineStore } from './timeline-store.js';

export class KyselyTimelineStore implements TimelineStore {
  constructor(private readonly db: Kysely<Database>) {}

  async append(sessionId: string, entries: readonly TimelineEntry[]): Promise<void> {
    const first = entries[0];
    if (!first) return;
    entries.forEach((entry, i) => {
      if (entry.seq !== first.seq + i) throw new TimelineGapError(sessionId, first.seq + i, entry.seq);
    });
    await this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('timeline')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      const expected = Number(last?.seq ?? 0) + 1;
      if (first.seq !== expected) throw new TimelineGapError(sessionId, expected, first.seq);
      await trx
        .insertInto('timeline')
        .values(entries.map((entry) => entryToRow(sessionId, entry)))
        .execute();
    });
  }

  async read(sessionId: string, after = 0, upTo?: number): Promise<TimelineEntry[]> {
    const rows = await this.db
      .selectFrom('timeline')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('seq', '>', after)
      .$if(upTo !== undefined, (q) => q.where('seq', '<=', upTo!))
      .orderBy('seq')
      .execute();
    return rows.map(entryFromRow);
  }

  async lastSeq(sessionId: string): Promise<number> {
    const last = await this.db
      .selectFrom('timeline')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(last?.seq ?? 0);
  }
}
