import { saveOrganisationSettings } from '../organisation/settings';
import { createTestDatabase, TestDatabase } from '../testing';

// Each number written five ways (international with +, with 00, without prefix, national, punctuated).
const SAME: Record<string, string[]> = {
  '36201234567': ['+36 20 123 4567', '0036 20 123 4567', '36 20 123 4567', '06 20 123 4567', '06-20/123-4567'],
  '3612345678': ['+36 1 234 5678', '0036 1 234 5678', '36-1-234-5678', '06 1 234 5678', '(06 1) 234 5678'],
  '48601234567': ['+48 601 234 567', '0048 601 234 567', '48 601 234 567', '601 234 567', '601-234-567'],
  '421903123456': ['+421 903 123 456', '00421 903 123 456', '421 903 123 456', '0903 123 456', '0421 903 123 456'],
  '421212345678': ['+421 2 1234 5678', '00421 2 1234 5678', '421 2 1234 5678', '02/1234 5678', '02 1234 5678'],
  '420603123456': ['+420 603 123 456', '00420 603 123 456', '420 603 123 456', '0420 603 123 456', '+420-603-123-456'],
};

describe('phone keys of Hungary, Poland, Slovakia and Czechia', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each(Object.entries(SAME))('every way of writing %s gives that key', async (key, written) => {
    const rows: { key: string }[] = await db.dataSource.query(`SELECT normalize_phone(w) AS key FROM unnest($1::text[]) w`, [written]);
    expect(rows.map((r) => r.key)).toEqual(written.map(() => key));
  });

  it('finds a client by any form of its number through the phone index, and keeps different numbers apart', async () => {
    await db.dataSource.query(`INSERT INTO clients (name, type, phones) VALUES ('Kowalski', 'PERSON', ARRAY['+48 601 234 567']), ('Novák', 'PERSON', ARRAY['0903 123 456'])`);
    const find = async (phone: string) =>
      ((await db.dataSource.query(`SELECT name FROM clients WHERE phone_keys @> ARRAY[normalize_phone($1, org_phone_country())] AND deleted_at IS NULL ORDER BY name`, [phone])) as { name: string }[]).map((r) => r.name);
    expect(await find('+48 601 234 567')).toEqual(['Kowalski']);
    expect(await find('+421 903 123 456')).toEqual(['Novák']);
    expect(await find('+36 20 123 4567')).toEqual([]);
    await db.dataSource.query(`INSERT INTO clients (name, type, phones) SELECT 'Filler ' || i, 'PERSON', ARRAY['+36 30 ' || (1000000 + i)] FROM generate_series(1, 300) i`);
    await db.dataSource.query(`ANALYZE clients`);
    const plan = await db.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      await em.query(`SET LOCAL enable_indexscan = off`);
      await em.query(`SET LOCAL enable_bitmapscan = on`);
      return em.query(`EXPLAIN SELECT id FROM clients WHERE phone_keys @> ARRAY[normalize_phone('601 234 567', org_phone_country())] AND deleted_at IS NULL`);
    });
    expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('clients_phone_keys_idx');
  });
});

// National numbers read as the organisation's default country's; international ones keep theirs.
const NATIONAL: Record<string, Record<string, string[]>> = {
  HU: { '36201234567': ['+36 20 123 4567', '06 20 123 4567', '20 123 4567', '0036 20 123 4567', '36 20 123 4567'], '3612345678': ['1 234 5678', '06-1-234-5678'] },
  PL: { '48601234567': ['+48 601 234 567', '601 234 567', '601-234-567', '0048 601 234 567', '0 601 234 567'], '48221234567': ['22 123 45 67', '+48 22 123 45 67'] },
  SK: { '421903123456': ['+421 903 123 456', '0903 123 456', '903 123 456', '00421 903 123 456', '0421 903 123 456'], '421212345678': ['02/1234 5678', '+421 2 1234 5678'] },
  CZ: { '420603123456': ['+420 603 123 456', '603 123 456', '603-123-456', '00420 603 123 456', '0420 603 123 456'] },
};

describe('phone keys in the organisation’s default country', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const setCountry = (country: string) =>
    db.dataSource.query(`INSERT INTO organisation_settings (id, time_zone, language, default_country) VALUES (1, 'Europe/Budapest', 'en', $1)
      ON CONFLICT (id) DO UPDATE SET default_country = $1`, [country]);

  it.each(Object.keys(NATIONAL))('in %s every way of writing a number gives its E.164 key', async (country) => {
    for (const [key, written] of Object.entries(NATIONAL[country])) {
      const rows: { key: string }[] = await db.dataSource.query(`SELECT normalize_phone(w, $2) AS key FROM unnest($1::text[]) w`, [written, country]);
      expect(rows.map((r) => r.key)).toEqual(written.map(() => key));
    }
  });

  it('a bare nine-digit number is Polish in Poland, Slovak in Slovakia and Czech in Czechia', async () => {
    const [row] = await db.dataSource.query(`SELECT normalize_phone('603 123 456', 'PL') AS pl, normalize_phone('603 123 456', 'SK') AS sk, normalize_phone('603 123 456', 'CZ') AS cz`);
    expect(row).toEqual({ pl: '48603123456', sk: '421603123456', cz: '420603123456' });
  });

  it('stored keys use the country when written, and are rewritten when an admin changes it', async () => {

    await setCountry('PL');
    await db.dataSource.query(`INSERT INTO clients (name, type, phones) VALUES ('Nowak', 'PERSON', ARRAY['603 123 456'])`);
    const keys = async () => (await db.dataSource.query(`SELECT phone_keys FROM clients WHERE name = 'Nowak'`))[0].phone_keys;
    expect(await keys()).toEqual(['48603123456']);
    await saveOrganisationSettings(db.dataSource.manager, { timeZone: 'Europe/Bratislava', language: 'sk', defaultCountry: 'SK' }, null);
    expect(await keys()).toEqual(['421603123456']);
  });
});
