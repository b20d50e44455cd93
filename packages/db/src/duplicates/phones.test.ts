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
    await db.dataSource.query(`INSERT INTO clients (name, type, phones) VALUES ('Kowalski', 'PERSON', ARRAY['601 234 567']), ('Novák', 'PERSON', ARRAY['0903 123 456'])`);
    const find = async (phone: string) =>
      ((await db.dataSource.query(`SELECT name FROM clients WHERE normalize_phones(phones) @> ARRAY[normalize_phone($1)] AND deleted_at IS NULL ORDER BY name`, [phone])) as { name: string }[]).map((r) => r.name);
    expect(await find('+48 601 234 567')).toEqual(['Kowalski']);
    expect(await find('+421 903 123 456')).toEqual(['Novák']);
    expect(await find('+36 20 123 4567')).toEqual([]);
  });
});
