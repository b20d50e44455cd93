import { BackgroundJobState, DuplicatePolicy, Role } from '@crm/shared';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { Automation, Client, Pipeline, Status, User } from '../entities';
import { LocalDiskStorage } from '../storage/storage';
import { createTestDatabase, TestDatabase } from '../testing';
import type { ImportTarget } from './engine';
import { inspectFile } from './source';
import { createImport, previewImport, rejectsFile, requestUndoImport, runImport, runImportUndo } from './run';
import { suggestMapping } from '@crm/shared';

describe('import engine', () => {
  let db: TestDatabase;
  let manager: User;
  let pipeline: Pipeline;
  let lead: Status;
  const storage = new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'crm-import-')));
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    manager = await db.dataSource.getRepository(User).save({ email: 'manager@example.com', name: 'Manager', role: Role.Manager, passwordHash: 'x' });
    pipeline = await db.dataSource.getRepository(Pipeline).save({ name: 'Sales' });
    [lead] = await db.dataSource.getRepository(Status).save([
      { pipelineId: pipeline.id, name: 'Lead', position: 0 },
      { pipelineId: pipeline.id, name: 'Contacted', position: 1 },
    ]);
  });
  afterAll(() => db.drop());

  const viewer = () => ({ id: manager.id, role: manager.role, departmentIds: [] as string[] });
  const target = (over: Partial<ImportTarget> = {}): ImportTarget => ({
    pipelineId: pipeline.id,
    statusId: lead.id,
    ownerId: null,
    categoryIds: [],
    tagIds: [],
    departmentId: null,
    duplicates: DuplicatePolicy.Skip,
    noAutomations: false,
    locale: 'hu',
    country: 'HU',
    currency: 'HUF',
    ...over,
  });

  /** Asks for the undo and runs its job here (the worker's part), in batches of `batch` rows. */
  async function undoImport(importId: string, batch?: number) {
    const jobId = await db.dataSource.transaction((em) => requestUndoImport(em, viewer(), importId));
    return (await runImportUndo(db.dataSource, jobId, batch))!;
  }

  async function stored(file: Buffer | string) {
    const body = typeof file === 'string' ? readFileSync(path.join(__dirname, 'fixtures', file)) : file;
    const key = `imports/test/${++n}`;
    await storage.put(key, Readable.from([body]));
    return { key, size: body.length, open: () => storage.get(key) };
  }

  async function start(file: Buffer | string, name: string, over: Partial<ImportTarget> = {}) {
    const f = await stored(file);
    const { settings, rows } = await inspectFile(f.open, name);
    const mapping = suggestMapping(rows[settings.headerRow - 1]);
    const input = { fileName: name, fileKey: f.key, fileSize: f.size, settings, mapping, target: target(over) };
    const imp = await db.dataSource.transaction((em) => createImport(em, viewer(), input));
    return { imp, input, open: f.open };
  }

  it('imports a vCard 2.1 file (quoted-printable ISO-8859-2): a client per card, its person as the contact', async () => {
    const { imp } = await start('contacts-2.1-qp-iso-8859-2.vcf', 'névjegyek.vcf', { pipelineId: null, statusId: null });
    const job = await runImport(db.dataSource, imp.id, { storage });
    expect(job).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 2, result: { created: 2, updated: 0, skipped: 0, rejected: 0 } });
    const [orseg] = await db.dataSource.query(
      `SELECT cl.name, cl.phones, cl.address, (SELECT json_agg(json_build_object('name', name, 'title', title, 'emails', emails, 'phones', phones)) FROM contacts WHERE client_id = cl.id) AS contacts
       FROM clients cl WHERE cl.name = 'Őrség Fűtéstechnika Kft.' AND cl.deleted_at IS NULL`,
    );
    expect(orseg).toMatchObject({
      phones: ['+36 1 234 5678'],
      address: 'Fő utca 12., 9021 Győr, Magyarország',
      contacts: [{ name: 'Szűcs Őzike', title: 'Director', emails: ['ozike@orseg-futes.hu'], phones: ['+36 30 123 4567'] }],
    });
    await undoImport(imp.id);
  });

  it('imports the Hungarian Excel CSV: clients, contacts, labels, cards with values; rejects what it cannot store', async () => {
    const { imp, input, open } = await start('hu-excel-1250.csv', 'ügyfelek.csv');
    const preview = await previewImport(db.dataSource, viewer(), input, open);
    expect(preview.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 2 });
    expect(preview.rows.find((r) => r.rowNo === 5)).toMatchObject({ outcome: 'REJECTED', reason: 'IMPORT_INVALID_EMAIL', reasonParams: { column: 'E-mail', row: 5 } });
    expect(preview.rows.find((r) => r.rowNo === 6)).toMatchObject({ outcome: 'REJECTED', reason: 'IMPORT_UNKNOWN_STATUS', reasonParams: { value: 'Nincs ilyen' } });
    // The preview wrote nothing.
    expect(await db.dataSource.getRepository(Client).count()).toBe(0);

    const job = await runImport(db.dataSource, imp.id, { storage });
    expect(job).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 6, rowsTotal: 6, result: { created: 3, updated: 0, skipped: 1, rejected: 2 } });
    const [orseg] = await db.dataSource.query(
      `SELECT cl.name, cl.tax_id, cl.emails, cl.phones, cl.domain, c.value, c.currency, s.name AS status,
        (SELECT array_agg(name ORDER BY name) FROM categories g JOIN client_categories cc ON cc.category_id = g.id WHERE cc.client_id = cl.id) AS categories,
        (SELECT array_agg(name ORDER BY name) FROM tags t JOIN client_tags ct ON ct.tag_id = t.id WHERE ct.client_id = cl.id) AS tags,
        (SELECT json_agg(json_build_object('name', name, 'title', title)) FROM contacts WHERE client_id = cl.id) AS contacts
       FROM clients cl JOIN cards c ON c.client_id = cl.id JOIN statuses s ON s.id = c.status_id WHERE cl.name = 'Őrség Fűtéstechnika Kft.'`,
    );
    expect(orseg).toMatchObject({
      tax_id: '12345678-2-41',
      emails: ['info@orsegfutes.hu'],
      phones: ['+36 30 123 4567'],
      domain: 'orsegfutes.hu',
      value: '1250000.50',
      currency: 'HUF',
      status: 'Lead',
      categories: ['Viszonteladó'],
      tags: ['fűtés', 'ősz'],
      contacts: [{ name: 'Kovács Ödön', title: 'ügyvezető' }],
    });
    const history = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'create' AND entity = 'client' AND changes->'importId'->>1 = $1`, [imp.id]);
    expect(history[0].n).toBe(3);

    // The rejects file: the original cells, in Windows-1250 with ';', plus the row and a reason.
    const reloaded = await db.dataSource.query(`SELECT * FROM imports WHERE id = $1`, [imp.id]);
    const rejects = await rejectsFile(db.dataSource.manager, { ...reloaded[0], fileName: reloaded[0].file_name } as never, (code) => code);
    const text = iconv.decode(rejects.body, 'windows-1250');
    expect(text.split('\r\n')[0]).toBe('Cégnév;Adószám;E-mail;Telefon;Kapcsolattartó;Beosztás;Kategória;Címke;Érték;Pénznem;Állapot;Row;Reason');
    expect(text).toContain('Hibás Című Kft.;;nem-email-cím;06 30 999 8888;Nagy Béla;;;;12;HUF;Lead;5;IMPORT_INVALID_EMAIL');
    expect(text).toContain('Ismeretlen Állapot Kft.');

    // Before the undo, the imported card gets a note and mail is queued to it and to its client.
    const [card] = await db.dataSource.query(`SELECT c.id, c.client_id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE cl.name = 'Őrség Fűtéstechnika Kft.'`);
    await db.dataSource.query(`INSERT INTO notes (card_id, client_id, author_id, body) VALUES ($1, $2, $3, 'Called')`, [card.id, card.client_id, manager.id]);
    await db.dataSource.query(
      `INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, status, message_id)
       SELECT k, CASE WHEN k = 'undo-card' THEN $1::uuid END, $2, 'a@example.com', 'A', '{info@orsegfutes.hu}', 'Hi', '', '', 'QUEUED', k FROM unnest(ARRAY['undo-card', 'undo-client']) k`,
      [card.id, card.client_id],
    );
    const notes = () => db.dataSource.query(`SELECT coalesce(sum(n), 0)::int AS n FROM report_activity_totals WHERE kind = 'note'`).then((r) => r[0].n);
    expect(await notes()).toBe(1);

    // Undo: the created clients and their cards go to the trash, their note leaves the report, their mail is not sent.
    expect(await undoImport(imp.id, 2)).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 3, rowsTotal: 3, result: { trashed: 3, restored: 0 } });
    expect(await db.dataSource.getRepository(Client).count()).toBe(0);
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM cards WHERE deleted_at IS NULL`))[0].n).toBe(0);
    expect(await notes()).toBe(0);
    expect(await db.dataSource.query(`SELECT idempotency_key, status FROM outbox_mails ORDER BY 1`)).toEqual([
      { idempotency_key: 'undo-card', status: 'CANCELLED' },
      { idempotency_key: 'undo-client', status: 'CANCELLED' },
    ]);
    await expect(undoImport(imp.id)).rejects.toMatchObject({ code: 'IMPORT_ALREADY_UNDONE' });
  });

  it('fills empty fields of a duplicate, and undo restores what it had', async () => {
    const existing = await db.dataSource.getRepository(Client).save({ name: 'Old Name Kft.', emails: ['hello@urhajo.hu'], phones: [], taxId: null, website: 'old.example' });
    const { imp } = await start('hu-excel-1250.csv', 'again.csv', { duplicates: DuplicatePolicy.FillEmpty });
    const job = await runImport(db.dataSource, imp.id, { storage });
    // Row 3 matches the existing client by email; row 7 matches row 2 by tax id (within the file).
    expect(job?.result).toEqual({ created: 2, updated: 2, skipped: 0, rejected: 2 });
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE name = 'Őrség Fűtéstechnika Kft.' AND deleted_at IS NULL`)).toEqual([{ n: 1 }]);
    expect(await db.dataSource.query(`SELECT emails FROM clients WHERE name = 'Őrség Fűtéstechnika Kft.' AND deleted_at IS NULL`)).toEqual([{ emails: ['info@orsegfutes.hu', 'masik@orsegfutes.hu'] }]);
    const after = await db.dataSource.getRepository(Client).findOneByOrFail({ id: existing.id });
    expect(after).toMatchObject({ name: 'Old Name Kft.', taxId: '87654321-1-13', website: 'old.example', phones: ['+36 1 234 5678'] });
    await undoImport(imp.id);
    const restored = await db.dataSource.getRepository(Client).findOneByOrFail({ id: existing.id });
    expect(restored).toMatchObject({ name: 'Old Name Kft.', taxId: null, phones: [], emails: ['hello@urhajo.hu'] });
    expect(await db.dataSource.query(`SELECT id FROM contacts WHERE client_id = $1 AND deleted_at IS NULL`, [existing.id])).toEqual([]);
    expect(await db.dataSource.query(`SELECT id FROM cards WHERE client_id = $1 AND deleted_at IS NULL`, [existing.id])).toEqual([]);
  });

  it('undo gives a client two rows updated (in two batches) what it had before the first, one row a batch', async () => {
    const existing = await db.dataSource.getRepository(Client).save({ name: 'Kétszer Kft.', emails: ['ketszer@example.hu'], phones: [], taxId: null });
    const csv = Buffer.from('Cégnév;Adószám;E-mail;Telefon\nKétszer Kft.;;ketszer@example.hu;+36 1 222 2222\nKétszer Új Kft.;11111111-1-11;ketszer@example.hu;\n');
    const { imp } = await start(csv, 'ketszer.csv', { duplicates: DuplicatePolicy.Overwrite, pipelineId: null, statusId: null });
    expect((await runImport(db.dataSource, imp.id, { storage, batchSize: 1 }))?.result).toMatchObject({ created: 0, updated: 2 });
    expect(await db.dataSource.getRepository(Client).findOneByOrFail({ id: existing.id })).toMatchObject({ name: 'Kétszer Új Kft.', taxId: '11111111-1-11', phones: ['+36 1 222 2222'] });
    expect(await undoImport(imp.id, 1)).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 2, result: { trashed: 0, restored: 1 } });
    expect(await db.dataSource.getRepository(Client).findOneByOrFail({ id: existing.id })).toMatchObject({ name: 'Kétszer Kft.', taxId: null, phones: [], emails: ['ketszer@example.hu'] });
  });

  it('undoes in batches: cancelled after the first, asked again, it goes on from there and undoes each row once', async () => {
    const { imp } = await start('hu-excel-1250.csv', 'batches.csv');
    await runImport(db.dataSource, imp.id, { storage });
    const clientIds = (await db.dataSource.query(`SELECT client_id FROM import_rows WHERE import_id = $1 AND outcome = 'CREATED' ORDER BY row_no`, [imp.id])).map((r: any) => r.client_id);
    expect(clientIds.length).toBeGreaterThanOrEqual(2);
    const live = () => db.dataSource.query(`SELECT id FROM clients WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY array_position($1::uuid[], id)`, [clientIds]).then((r) => r.map((c: any) => c.id));
    // A cancel arriving while the first batch writes its History entries.
    await db.dataSource.query(`CREATE FUNCTION test_cancel_undo() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE background_jobs SET state = 'CANCELLING' WHERE kind = 'IMPORT_UNDO' AND state = 'RUNNING'; RETURN NULL; END $$`);
    await db.dataSource.query(`CREATE TRIGGER test_cancel_undo AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION test_cancel_undo()`);
    try {
      expect(await undoImport(imp.id, 1)).toMatchObject({ state: BackgroundJobState.Cancelled, rowsDone: 1, rowsTotal: clientIds.length });
    } finally {
      await db.dataSource.query(`DROP TRIGGER test_cancel_undo ON audit_log; DROP FUNCTION test_cancel_undo()`);
    }
    expect(await live()).toEqual(clientIds.slice(1));
    expect(await db.dataSource.query(`SELECT undone_at FROM imports WHERE id = $1`, [imp.id])).toEqual([{ undone_at: null }]);
    // Asked again: the rest, in a new job that starts where the first stopped (its counts the whole undo's).
    expect(await undoImport(imp.id, 1)).toMatchObject({ state: BackgroundJobState.Done, rowsDone: clientIds.length, rowsTotal: clientIds.length, result: { trashed: clientIds.length, restored: 0 } });
    expect(await live()).toEqual([]);
    const deleted = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'delete' AND entity = 'client' AND client_id = ANY($1::uuid[])`, [clientIds]);
    expect(deleted).toEqual([{ n: clientIds.length }]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'undo' AND entity_id = $1`, [imp.id])).toEqual([{ n: 1 }]);
  });

  it('refuses a file with a broken quote unless told to skip such rows, then imports the rest', async () => {
    const { imp } = await start('broken-quote.csv', 'broken.csv', { pipelineId: null, statusId: null });
    const failed = await runImport(db.dataSource, imp.id, { storage });
    expect(failed).toMatchObject({ state: BackgroundJobState.Failed, errorCode: 'IMPORT_BROKEN_QUOTE', errorParams: { row: 7, line: 7 } });
    expect(await db.dataSource.getRepository(Client).countBy({ name: 'Firma 1' })).toBe(0);

    const again = await start('broken-quote.csv', 'broken.csv', { pipelineId: null, statusId: null });
    await db.dataSource.query(`UPDATE imports SET settings = settings || '{"skipBrokenRows": true}' WHERE id = $1`, [again.imp.id]);
    const done = await runImport(db.dataSource, again.imp.id, { storage });
    expect(done?.result).toEqual({ created: 8, updated: 0, skipped: 0, rejected: 1 });
  });

  it('cards made with "no automations" are not enrolled where they stand', async () => {
    const automation = await db.dataSource.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'Welcome', triggerKind: 'STATUS', triggerStatusId: lead.id, state: 'ACTIVE', mode: 'CONTINUOUS' });
    const file = Buffer.from('Company;Email\nAuto Nélküli Kft.;a@autonelkuli.hu\n', 'utf-8');
    const { imp } = await start(file, 'quiet.csv', { noAutomations: true });
    await runImport(db.dataSource, imp.id, { storage });
    const rows = await db.dataSource.query(`SELECT e.state FROM automation_enrolments e JOIN cards c ON c.id = e.card_id JOIN clients cl ON cl.id = c.client_id WHERE cl.name = 'Auto Nélküli Kft.' AND e.automation_id = $1`, [automation.id]);
    expect(rows).toEqual([{ state: 'EXCLUDED' }]);
  });

  it('places cards after those already in the status, in the file’s order, batch after batch', async () => {
    const names = ['Sor Egy Kft.', 'Sor Kettő Kft.', 'Sor Három Kft.', 'Sor Négy Kft.', 'Sor Öt Kft.'];
    const csv = (rows: string[]) => Buffer.from(`Company;Email\n${rows.map((name) => `${name};info@${name.split(' ')[1].toLowerCase()}.sorrend.hu`).join('\n')}\n`, 'utf-8');
    // One already in the status, then four more in batches of two.
    await runImport(db.dataSource, (await start(csv(names.slice(0, 1)), 'elso.csv')).imp.id, { storage });
    await runImport(db.dataSource, (await start(csv(names.slice(1)), 'tobbi.csv')).imp.id, { storage, batchSize: 2 });
    const rows: Array<{ name: string }> = await db.dataSource.query(
      `SELECT cl.name FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.status_id = $1 AND cl.name = ANY($2) AND c.deleted_at IS NULL ORDER BY c.position`,
      [lead.id, names],
    );
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('refreshes the statistics of the tables it fills, so the triggers’ cached plans follow their growth', async () => {
    // Autovacuum off for the test: only the import's own ANALYZE can bring the counts up to date.
    // (A label trigger planned while the cards were few read every card per newly labelled client:
    // 20,000 rows into an empty database took minutes instead of seconds.)
    const tables = ['clients', 'contacts', 'client_categories', 'client_tags', 'cards', 'card_status_changes'];
    for (const t of tables) await db.dataSource.query(`ALTER TABLE ${t} SET (autovacuum_enabled = false)`);
    try {
      const rows = Array.from({ length: 8 }, (_, i) => `Statisztika ${i} Kft.;info@stat${i}.hu;Viszonteladó;Kiállítás`);
      const { imp } = await start(Buffer.from(`Company;Email;Category;Tag\n${rows.join('\n')}\n`, 'utf-8'), 'statisztika.csv');
      // Batches of two: statistics after the 1st, 2nd and 4th batch, the last with every row written.
      await runImport(db.dataSource, imp.id, { storage, batchSize: 2 });
      const counts: Array<{ relname: string; reltuples: number; live: number }> = await db.dataSource.query(
        `SELECT relname, reltuples::int AS reltuples,
           (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', relname), false, true, '')))[1]::text::int AS live
         FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
        [tables],
      );
      expect(counts.map((c) => c.relname)).toEqual([...tables].sort());
      for (const c of counts) expect({ table: c.relname, reltuples: c.reltuples }).toEqual({ table: c.relname, reltuples: c.live });
    } finally {
      for (const t of tables) await db.dataSource.query(`ALTER TABLE ${t} RESET (autovacuum_enabled)`);
    }
  });
});
