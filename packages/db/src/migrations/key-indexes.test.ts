import { createTestDatabase, type TestDatabase } from '../testing';

describe('duplicate-key indexes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('keep no pending list: an import probes them right after writing (KeyIndexesNoPendingList, PhoneKeysNoPendingList)', async () => {
    const rows: Array<{ relname: string; reloptions: string[] | null }> = await db.dataSource.query(
      `SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am am ON am.oid = c.relam
       WHERE am.amname = 'gin' AND c.relname IN ('clients_email_keys_idx', 'contacts_email_keys_idx', 'clients_phone_keys_idx') ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'clients_email_keys_idx', reloptions: ['fastupdate=off'] },
      { relname: 'clients_phone_keys_idx', reloptions: ['fastupdate=off'] },
      { relname: 'contacts_email_keys_idx', reloptions: ['fastupdate=off'] },
    ]);
  });
});
