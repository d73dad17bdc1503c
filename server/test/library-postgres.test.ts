// Calls created at once on PostgreSQL, whose queries wait on the network (on SQLite a create runs
// to its end before the next request is read): one server process names them one after the other
// (a double click on « Dupliquer » or « Créer » gives two calls told apart), and two processes
// writing the same name answer `library/id_taken`, never a server error.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { ErrorCode } from '@ecoute/protocol';
import type { LibraryCallDetail } from '@ecoute/protocol';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import type { Membership } from '../src/accounts/member-store.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { ScenarioCatalog } from '../src/scenarios/scenario-catalog.js';
import { LibraryService } from '../src/studio/library.service.js';
import { LibraryStore } from '../src/studio/library-store.js';

const author: Membership = {
  userId: 'u1',
  name: 'Camille',
  email: 'camille@example.org',
  organizationId: 'org1',
  organizationName: 'Écoute Solidaire',
  role: 'author',
};

describe('library creates on PostgreSQL', () => {
  let server: PostgresServer;
  let db: Kysely<Database>;

  beforeAll(async () => {
    server = await startPostgres();
    db = await openPostgresDatabase(server.url);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const service = () => new LibraryService(new LibraryStore(db), new ScenarioCatalog([]));

  it('names two calls asked at once in one process one after the other', async () => {
    const library = service();
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => library.create(author, { blank: true, title: 'Appel de Jeanne' })),
    );
    const ids = answers.map((a) => (a as LibraryCallDetail).id);
    expect(ids).toEqual(['appel-de-jeanne', 'appel-de-jeanne-2', 'appel-de-jeanne-3']);
    const copies = await Promise.all([
      library.create(author, { duplicate: 'appel-de-jeanne' }),
      library.create(author, { duplicate: 'appel-de-jeanne' }),
    ]);
    expect(copies.map((c) => (c as LibraryCallDetail).title)).toEqual([
      'Appel de Jeanne (copie)',
      'Appel de Jeanne (copie 2)',
    ]);
  });

  it('answers library/id_taken when another process wrote the name first', async () => {
    // Two services on one database: two server processes. Each checks the name free, then writes.
    const answers = await Promise.all(
      [service(), service(), service()].map((library) =>
        library.create(author, { blank: true, title: 'Appel de Paul' }),
      ),
    );
    const made = answers.filter((a): a is LibraryCallDetail => 'id' in a);
    const refused = answers.filter((a) => 'code' in a);
    expect(made.length).toBeGreaterThanOrEqual(1);
    expect(new Set(made.map((m) => m.id)).size).toBe(made.length);
    for (const answer of refused) expect(answer).toMatchObject({ code: ErrorCode.LibraryIdTaken });
  });
});
