import { PHONE_COUNTRY_FOR_TRANSACTION_SQL } from '../duplicates/keys';
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

  it('phone keys: the country a transaction states is used for each client it writes, else the organisation’s (PhoneCountryOncePerBatch)', async () => {
    const ds = db.dataSource;
    const keysOf = async (statement: string | null, phones: string[]) =>
      ds.transaction(async (em) => {
        if (statement) await em.query(statement);
        const [row] = await em.query(`INSERT INTO clients (name, phones) VALUES ('Phone key test', $1) RETURNING phone_keys`, [phones]);
        await em.query(`DELETE FROM clients WHERE name = 'Phone key test'`);
        return row.phone_keys as string[];
      });
    const [{ country }] = await ds.query(`SELECT org_phone_country() AS country`);
    const [{ expected }] = await ds.query(`SELECT normalize_phones(ARRAY['06 30 123 4567', '+48 601 234 567'], org_phone_country()) AS expected`);
    expect(await keysOf(null, ['06 30 123 4567', '+48 601 234 567'])).toEqual(expected);
    expect(await keysOf(PHONE_COUNTRY_FOR_TRANSACTION_SQL, ['06 30 123 4567', '+48 601 234 567'])).toEqual(expected);
    // Stated for the transaction, the country is taken as it is (not looked up again per row).
    const other = country === 'PL' ? 'HU' : 'PL';
    const [{ stated }] = await ds.query(`SELECT normalize_phones(ARRAY['601 234 567'], $1) AS stated`, [other]);
    expect(await keysOf(`SELECT set_config('crm.phone_country', '${other}', true)`, ['601 234 567'])).toEqual(stated);
    expect(stated).not.toEqual(await keysOf(null, ['601 234 567']));
    expect(await keysOf(PHONE_COUNTRY_FOR_TRANSACTION_SQL, [])).toEqual([]);
  });
});
