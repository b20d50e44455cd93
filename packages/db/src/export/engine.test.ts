import { Role, StatusKind } from '@crm/shared';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Writable } from 'node:stream';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Viewer } from '../access/viewer';
import { Card, Category, Client, Contact, CustomField, Department, Pipeline, Status, Tag, User, View } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';
import { ExportError, prepareExport, type ExportRequest } from './engine';
import { writeXlsx } from './xlsx';

const TZ = 'Europe/Budapest';

/** Collects what an export writes. */
function sink() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, buffer: () => Buffer.concat(chunks) };
}

describe('export engine', () => {
  let db: TestDatabase;
  let pipeline: Pipeline;
  let lead: Status, won: Status;
  let deptA: Department, deptB: Department;
  let admin: Viewer, manager: Viewer, deptManager: Viewer, normal: Viewer, restricted: Viewer;
  let fields: Record<'number' | 'date' | 'money' | 'bool' | 'multi', CustomField>;
  let tag: Tag;

  const ds = () => db.dataSource;
  const run = async (viewer: Viewer, request: Omit<ExportRequest, 'timeZone'>) => {
    const prepared = await prepareExport(ds(), viewer, { ...request, timeZone: TZ });
    const { out, buffer } = sink();
    const result = await prepared.run(out);
    return { ...result, prepared, body: buffer() };
  };
  const csvLines = (body: Buffer) => body.toString('utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);

  beforeAll(async () => {
    db = await createTestDatabase();
    const users = ds().getRepository(User);
    [deptA, deptB] = await ds().getRepository(Department).save([{ name: 'Hungary' }, { name: 'Poland' }]);
    const mk = async (role: Role, name: string, departments: Department[] = []) => {
      const u = await users.save({ email: `${name}@example.com`, name, role, passwordHash: 'x', departments });
      return { id: u.id, role, departmentIds: departments.map((d) => d.id) } as Viewer;
    };
    admin = await mk(Role.Admin, 'admin');
    manager = await mk(Role.Manager, 'manager');
    deptManager = await mk(Role.Manager, 'hu-manager', [deptA]);
    normal = await mk(Role.Normal, 'normal');
    restricted = await mk(Role.Restricted, 'restricted');

    pipeline = await ds().getRepository(Pipeline).save({ name: 'Sales pipeline' });
    [lead, won] = await ds().getRepository(Status).save([
      { pipelineId: pipeline.id, name: 'Lead', position: 0 },
      { pipelineId: pipeline.id, name: 'Won', position: 1, kind: StatusKind.Won },
    ]);
    const cf = ds().getRepository(CustomField);
    const [number, date, money, bool, multi] = await cf.save([
      { pipelineId: pipeline.id, label: 'Fleet size', kind: 'NUMBER', position: 0 },
      { pipelineId: pipeline.id, label: 'Renewal', kind: 'DATE', position: 1 },
      { pipelineId: pipeline.id, label: 'Budget', kind: 'MONEY', position: 2 },
      { pipelineId: pipeline.id, label: 'Signed', kind: 'BOOLEAN', position: 3 },
      { pipelineId: pipeline.id, label: 'Products', kind: 'MULTI_SELECT', position: 4, options: ['Fuel card', 'Tolls'] },
    ]);
    fields = { number, date, money, bool, multi };
    [tag] = await ds().getRepository(Tag).save([{ name: 'VIP', nameKey: 'vip' }]);
    const [category] = await ds().getRepository(Category).save([{ name: 'Fleet' }]);

    const clients = await ds().getRepository(Client).save([
      { name: 'Ő ő Ű ű Ł ł Š š Kft.', emails: ['info@orseg.hu'], phones: ['+36 1 234 5678'], departmentId: deptA.id, taxId: '12345678-2-42' },
      { name: 'Łódź Sp. z o.o.', emails: ['biuro@lodz.pl'], departmentId: deptB.id },
      { name: '=HYPERLINK("http://evil.example","click")', emails: ['-1+1@x.hu'], departmentId: null },
      { name: 'Trashed card s.r.o.', departmentId: deptA.id },
      { name: 'Trashed client Zrt.', departmentId: null },
      { name: 'España 中文 Kft.', departmentId: null },
    ]);
    await ds().query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [clients[0].id, tag.id]);
    await ds().query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2)`, [clients[0].id, category.id]);
    await ds().getRepository(Contact).save([
      { clientId: clients[0].id, name: 'Kovács Anna', title: 'CFO', emails: ['anna@orseg.hu'], phones: ['+36 30 111 2222'], isPrimary: true },
      { clientId: clients[0].id, name: 'Szabó Béla', emails: ['bela@orseg.hu'] },
    ]);
    const at = (d: string) => new Date(d);
    await ds().getRepository(Card).save([
      {
        clientId: clients[0].id, pipelineId: pipeline.id, statusId: lead.id, position: 'a0', value: '1234.50', currency: 'HUF', createdAt: at('2026-11-01T09:30:00Z'),
        customValues: { [number.id]: 12, [date.id]: '2027-03-31', [money.id]: { amount: 5000.25, currency: 'EUR' }, [bool.id]: true, [multi.id]: ['Fuel card', 'Tolls'] },
      },
      { clientId: clients[1].id, pipelineId: pipeline.id, statusId: lead.id, position: 'a1', createdAt: at('2026-11-02T09:30:00Z') },
      { clientId: clients[2].id, pipelineId: pipeline.id, statusId: won.id, position: 'a2', value: '-5', createdAt: at('2026-11-03T09:30:00Z') },
      { clientId: clients[3].id, pipelineId: pipeline.id, statusId: lead.id, position: 'a3', deletedAt: new Date() },
      { clientId: clients[4].id, pipelineId: pipeline.id, statusId: lead.id, position: 'a4', deletedAt: new Date() },
      { clientId: clients[5].id, pipelineId: pipeline.id, statusId: lead.id, position: 'a5', createdAt: at('2026-11-04T09:30:00Z') },
    ]);
    await ds().query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [clients[4].id]);
  });
  afterAll(() => db.drop(), 30_000);

  const cards = (extra: Partial<Extract<ExportRequest['source'], { kind: 'cards' }>> = {}) => ({ kind: 'cards' as const, pipelineId: pipeline.id, ...extra });

  it('refuses Normal and Restricted users; admins and managers may export', async () => {
    for (const viewer of [normal, restricted]) {
      await expect(prepareExport(ds(), viewer, { source: cards(), format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(prepareExport(ds(), manager, { source: cards(), format: 'csv' })).resolves.toBeDefined();
    await expect(prepareExport(ds(), admin, { source: { kind: 'cards', pipelineId: '00000000-0000-0000-0000-000000000000' }, format: 'csv' })).rejects.toBeInstanceOf(ExportError);
  });

  it('CSV: UTF-8 with BOM, the list order and default columns, nothing trashed, formulas neutralised', async () => {
    const { body, rows, prepared } = await run(admin, { source: cards(), format: 'csv' });
    expect(prepared.fileName).toMatch(/^Sales-pipeline-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(body);
    expect(lines[0]).toBe('Client,Status,Owner,Value,Currency,Next todo,Next todo deadline,Tags,Created');
    expect(rows).toBe(4);
    // Newest first, as the list; the trashed card and the trashed client's card are absent.
    expect(lines.slice(1)).toEqual([
      'España 中文 Kft.,Lead,,,,,,,2026-11-04 10:30:00',
      `"'=HYPERLINK(""http://evil.example"",""click"")",Won,,-5,EUR,,,,2026-11-03 10:30:00`,
      'Łódź Sp. z o.o.,Lead,,,,,,,2026-11-02 10:30:00',
      'Ő ő Ű ű Ł ł Š š Kft.,Lead,,1234.5,HUF,,,VIP,2026-11-01 10:30:00',
    ]);
    expect(body.toString()).not.toContain('Trashed');
  });

  it('respects the filter, the sort and the visible columns, custom fields included', async () => {
    const { body } = await run(admin, {
      source: cards({
        filter: { statusIds: [lead.id], tagIds: [tag.id] },
        columns: ['field:' + fields.number.id, 'email', 'phone', 'field:' + fields.date.id, 'field:' + fields.money.id, 'field:' + fields.bool.id, 'field:' + fields.multi.id, 'field:unknown'],
      }),
      format: 'csv',
    });
    expect(csvLines(body)).toEqual([
      'Client,Fleet size,Email,Phone,Renewal,Budget,Budget currency,Signed,Products',
      `Ő ő Ű ű Ł ł Š š Kft.,12,info@orseg.hu,'+36 1 234 5678,2027-03-31,5000.25,EUR,TRUE,"Fuel card, Tolls"`,
    ]);
    const sorted = await run(admin, { source: cards({ sort: { field: 'CLIENT_NAME', direction: 'ASC' }, columns: ['status'] }), format: 'csv' });
    expect(csvLines(sorted.body).slice(1).map((l) => l.split(',')[0])).toEqual([`"'=HYPERLINK(""http://evil.example""`, 'España 中文 Kft.', 'Łódź Sp. z o.o.', 'Ő ő Ű ű Ł ł Š š Kft.']);
  });

  it('joins the labels in one cell in the organisation’s alphabetical order, not byte order', async () => {
    const espana = (await ds().query(`SELECT id FROM clients WHERE name = 'España 中文 Kft.'`))[0].id;
    const labels = await ds().getRepository(Tag).save(['Zöld', 'Őszi', 'Piros', 'Łódka', 'Mazury', 'Csoki', 'Cukor'].map((name) => ({ name, nameKey: name.toLowerCase() })));
    await ds().query(`INSERT INTO client_tags (client_id, tag_id) SELECT $1, unnest($2::uuid[])`, [espana, labels.map((t) => t.id)]);
    const [saved] = await ds().query(`SELECT language FROM organisation_settings WHERE id = 1`);
    const tagsCell = async (language: string) => {
      await ds().query(`INSERT INTO organisation_settings (id, language) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET language = EXCLUDED.language`, [language]);
      const { body } = await run(admin, { source: cards({ columns: ['tags'] }), format: 'csv' });
      return csvLines(body).find((l) => l.startsWith('España'))!.split(',').slice(1).join(',');
    };
    try {
      // Ő sorts before P and Ł after L (byte order puts both after Z); Hungarian's "cs" is a letter after "c".
      expect(await tagsCell('hu')).toBe('"Cukor, Csoki, Łódka, Mazury, Őszi, Piros, Zöld"');
      expect(await tagsCell('pl')).toBe('"Csoki, Cukor, Łódka, Mazury, Őszi, Piros, Zöld"');
    } finally {
      await ds().query(`UPDATE organisation_settings SET language = $1 WHERE id = 1`, [saved?.language ?? null]);
      await ds().query(`DELETE FROM client_tags WHERE client_id = $1`, [espana]);
    }
  });

  it('writes the headers in the exporting user’s language', async () => {
    const { body } = await run(admin, { source: cards({ columns: ['value', 'field:' + fields.money.id, 'nextTodo'] }), format: 'csv', language: 'hu' });
    expect(csvLines(body)[0]).toBe('Ügyfél,Érték,Pénznem,Budget,Budget pénznem,Következő teendő,Következő teendő határideje');
  });

  it('a department-limited manager gets only their departments’ rows (and those in no department)', async () => {
    const { body } = await run(deptManager, { source: cards({ columns: ['department'] }), format: 'csv' });
    const names = csvLines(body).slice(1).map((l) => l.split(',')[0]);
    expect(names).toEqual(['España 中文 Kft.', `"'=HYPERLINK(""http://evil.example""`, 'Ő ő Ű ű Ł ł Š š Kft.']);
    const clients = await run(deptManager, { source: { kind: 'clients' }, format: 'csv' });
    expect(clients.body.toString()).not.toContain('Łódź');
    // A client whose only card is trashed is still a client.
    expect(clients.rows).toBe(4);
  });

  it('Excel (Central Europe): Windows-1250 bytes, ";" and comma decimals; other characters transliterated and reported', async () => {
    const { body, replaced } = await run(admin, { source: cards({ columns: ['value'] }), format: 'csv-excel' });
    expect(body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    // Ő ő Ű ű Ł ł Š š in Windows-1250.
    expect(body.includes(Buffer.from([0xd5, 0x20, 0xf5, 0x20, 0xdb, 0x20, 0xfb, 0x20, 0xa3, 0x20, 0xb3, 0x20, 0x8a, 0x20, 0x9a]))).toBe(true);
    const text = body.toString('latin1');
    expect(text.split('\r\n')[0]).toBe('Client;Value;Currency');
    expect(text).toContain(';1234,5;HUF');
    // ñ has no place in 1250: it loses its accent; 中 and 文 are written as code points, never "?".
    expect(text).toContain('Espana [U+4E2D][U+6587] Kft.');
    expect(text).not.toContain('?');
    expect(replaced).toEqual({ replaced: 3, examples: ['ñ', '中', '文'] });
  });

  it('XLSX: readable back, numbers and dates as typed cells, text neutralised', async () => {
    const { body } = await run(admin, {
      source: cards({ sort: { field: 'CREATED_AT', direction: 'ASC' }, columns: ['value', 'field:' + fields.date.id, 'field:' + fields.bool.id, 'createdAt'] }),
      format: 'xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Client', 'Value', 'Currency', 'Renewal', 'Signed', 'Created']);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Ő ő Ű ű Ł ł Š š Kft.');
    expect(first.getCell(2).value).toBe(1234.5);
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(5).value).toBe(true);
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 1, 10, 30)));
    expect(sheet.getRow(4).getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(sheet.getRow(4).getCell(2).value).toBe(-5);
    expect(sheet.rowCount).toBe(5);
  });

  it('XLSX: a new sheet starts when one is full', async () => {
    const field = { header: 'N', type: 'number' as const, get: (r: Record<string, any>) => r.n };
    async function* batches() {
      yield [{ n: 1 }, { n: 2 }, { n: 3 }];
      yield [{ n: 4 }, { n: 5 }];
    }
    const { out, buffer } = sink();
    expect(await writeXlsx([field], batches(), out, 'Export', 3)).toBe(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer() as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Export', 'Export 2', 'Export 3']);
    expect(wb.worksheets.map((s) => s.getColumn(1).values.slice(1))).toEqual([['N', 1, 2], ['N', 3, 4], ['N', 5]]);
  });

  it('XML: well-formed, one <client> per row with contacts, labels and custom fields', async () => {
    const { body } = await run(admin, { source: cards({ filter: { tagIds: [tag.id] } }), format: 'xml' });
    const xml = body.toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['client', 'contact', 'email', 'phone', 'tag', 'category', 'card', 'field', 'field-value'].includes(name) }).parse(xml);
    const [client] = doc.export.client;
    expect(doc.export['@source']).toBe('cards');
    expect(client.name).toBe('Ő ő Ű ű Ł ł Š š Kft.');
    expect(client['tax-id']).toBe('12345678-2-42');
    expect(client.department).toBe('Hungary');
    expect(client.tags.tag).toEqual(['VIP']);
    expect(client.categories.category).toEqual(['Fleet']);
    expect(client.contacts.contact.map((c: any) => [c.name, c['@primary']])).toEqual([['Kovács Anna', 'true'], ['Szabó Béla', 'false']]);
    const [card] = client.cards.card;
    expect(card.status['#text']).toBe('Lead');
    expect(card.value).toMatchObject({ '#text': 1234.5, '@currency': 'HUF' });
    const byName = Object.fromEntries(card.fields.field.map((f: any) => [f['@name'], f['field-value']]));
    expect(byName['Fleet size']).toEqual([12]);
    expect(byName['Budget'][0]).toMatchObject({ '#text': 5000.25, '@currency': 'EUR' });
    expect(byName['Products']).toEqual(['Fuel card', 'Tolls']);
  });

  it('XML of the client list: each client with the cards the viewer may see', async () => {
    const { body, rows } = await run(admin, { source: { kind: 'clients', filter: { text: 'hyperlink' } }, format: 'xml' });
    expect(rows).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(body.toString());
    expect(doc.export.client.name).toBe('=HYPERLINK("http://evil.example","click")');
    expect(doc.export.client.cards.card.pipeline).toBe('Sales pipeline');
  });

  it('a saved view exports with its own filter and columns; another user’s private view is not found', async () => {
    const views = ds().getRepository(View);
    const [shared, secret] = await views.save([
      { name: 'Won deals', kind: 'CARDS', pipelineId: pipeline.id, ownerId: admin.id, shared: true, filter: { outcomes: ['WON'] }, columns: ['client', 'status', 'value'] },
      { name: 'Mine', kind: 'CARDS', pipelineId: pipeline.id, ownerId: admin.id, shared: false, filter: {}, columns: [] },
    ]);
    const { body, prepared } = await run(manager, { source: { kind: 'view', viewId: shared.id }, format: 'csv' });
    expect(prepared.fileName).toMatch(/^Won-deals-/);
    expect(csvLines(body)).toEqual(['Client,Status,Value,Currency', `"'=HYPERLINK(""http://evil.example"",""click"")",Won,-5,EUR`]);
    await expect(prepareExport(ds(), manager, { source: { kind: 'view', viewId: secret.id }, format: 'csv' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('streams without a cap and ends the query when the reader goes away', async () => {
    const big = await ds().getRepository(Pipeline).save({ name: 'Big' });
    const [status] = await ds().getRepository(Status).save([{ pipelineId: big.id, name: 'Open', position: 0 }]);
    await ds().query(
      `WITH c AS (INSERT INTO clients (name) SELECT 'Bulk ' || g FROM generate_series(1, 12000) g RETURNING id)
       INSERT INTO cards (client_id, pipeline_id, status_id, position) SELECT id, $1, $2, 'p' || id FROM c`,
      [big.id, status.id],
    );
    const all = await run(manager, { source: { kind: 'cards', pipelineId: big.id }, format: 'csv' });
    expect(all.rows).toBe(12000);
    expect(csvLines(all.body)).toHaveLength(12001);

    const prepared = await prepareExport(ds(), manager, { source: { kind: 'cards', pipelineId: big.id }, format: 'xlsx' });
    let written = 0;
    const out = new Writable({
      write(chunk, _enc, done) {
        written += chunk.length;
        // The reader leaves after the first chunk.
        done();
        out.destroy();
      },
    });
    await expect(prepared.run(out)).rejects.toBeDefined();
    expect(written).toBeGreaterThan(0);
    const pool = (ds().driver as PostgresDriver).master as { totalCount: number; idleCount: number };
    // The query's connection was dropped, the rest of the pool is idle, and its backend is gone.
    expect(pool.idleCount).toBe(pool.totalCount);
    const [{ n }] = await ds().query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%Bulk%'`);
    expect(n).toBe(0);
  }, 30_000);
});
