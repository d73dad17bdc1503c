// Timeline entries as table rows: the same shape in SQLite and PostgreSQL (payload as JSON text).
import type { TimelineEntry } from '@ecoute/engine';
import type { TimelineTable } from '../database/schema.js';

export function entryToRow(sessionId: string, entry: TimelineEntry): TimelineTable {
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

export function entryFromRow(row: TimelineTable): TimelineEntry {
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
