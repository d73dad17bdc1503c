// The timeline store over Kysely (SQLite now, PostgreSQL through the same queries later).
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database, TimelineTable } from '../database/schema.js';
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
        .values(entries.map((entry) => toRow(sessionId, entry)))
        .execute();
    });
  }

  async read(sessionId: string, after = 0, upTo = Number.MAX_SAFE_INTEGER): Promise<TimelineEntry[]> {
    const rows = await this.db
      .selectFrom('timeline')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .execute();
    return rows.map(fromRow);
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

function toRow(sessionId: string, entry: TimelineEntry): TimelineTable {
  const body = entry.kind === 'input' ? entry.input : entry.observation;
  return {
    session_id: sessionId,
    seq: entry.seq,
    t: Math.round(entry.t),
    at: entry.at,
    source: entry.source,
    category: entry.kind,
    kind: body.kind,
    payload: JSON.stringify(body),
  };
}

function fromRow(row: TimelineTable): TimelineEntry {
  const base = {
    seq: Number(row.seq),
    t: Number(row.t),
    at: row.at,
    source: row.source as TimelineEntry['source'],
  };
  return row.category === 'input'
    ? { ...base, kind: 'input', input: JSON.parse(row.payload) as never }
    : { ...base, kind: 'observation', observation: JSON.parse(row.payload) as never };
}
