import { createTestDatabase, type TestDatabase } from '../testing';

/** Values like those people type: every national and international form, junk, NULLs and empties. */
const SAMPLE = `
  SELECT i,
    ARRAY[
      CASE i % 10 WHEN 0 THEN '+36 1 ' || i WHEN 1 THEN '06 20 ' || i WHEN 2 THEN '0048 601 ' || i WHEN 3 THEN '0421' || lpad(i::text, 9, '7')
        WHEN 4 THEN '0903 ' || lpad(i::text, 6, '1') WHEN 5 THEN lpad(i::text, 9, '6') WHEN 6 THEN 'x' WHEN 7 THEN NULL WHEN 8 THEN '' ELSE '+420 603 ' || i END,
      CASE WHEN i % 3 = 0 THEN '06-30/' || i END, '12 34 56'] AS phones,
    ARRAY[' Info@Ceg' || i || '.HU ', CASE WHEN i % 4 = 0 THEN NULL ELSE 'Ödön' || i || '@Szűcs.hu' END] AS emails,
    CASE WHEN i % 5 = 0 THEN NULL::text[] WHEN i % 5 = 1 THEN '{}'::text[] END AS empty
  FROM generate_series(1, 3000) i`;

describe('FastKeyFunctions migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('gives the very keys and search text the SQL forms gave', async () => {
    const ds = db.dataSource;
    const read = async () =>
      ds.query(`SELECT i, normalize_phones(phones) AS p, normalize_emails(emails) AS e, normalize_phones(empty) AS pe, normalize_emails(empty) AS ee,
                  normalize_phone(phones[1]) AS p1 FROM (${SAMPLE}) s ORDER BY i`);
    const search = async () => {
      await ds.query(`DELETE FROM clients WHERE name LIKE 'Fast key %'`);
      await ds.query(`INSERT INTO clients (name, emails, phones, tax_id, domain) SELECT 'Fast key ' || i, emails, coalesce(empty, phones), i || '-2-41', 'd' || i || '.hu' FROM (${SAMPLE}) s`);
      return ds.query(`SELECT name, search_text FROM clients WHERE name LIKE 'Fast key %' ORDER BY name`);
    };
    const now = { keys: await read(), search: await search() };
    const language = async () => (await ds.query(`SELECT lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE proname = 'normalize_phones' AND pronargs = 1`))[0].lanname;
    expect(await language()).toBe('plpgsql');
    // Undo the later migrations too, down to and including FastKeyFunctions.
    for (;;) {
      const [last] = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await ds.undoLastMigration({ transaction: 'each' });
      if (last.name === 'FastKeyFunctions1796061100000') break;
    }
    try {
      expect(await language()).toBe('sql');
      expect(await read()).toEqual(now.keys);
      expect(await search()).toEqual(now.search);
    } finally {
      await ds.runMigrations({ transaction: 'each' });
    }
  }, 120_000);
});
