import { Role } from '@crm/shared';
import { PassThrough } from 'node:stream';
import { execFile } from 'node:child_process';
import { loadViewer } from '../access/viewer';
import { createTestDatabase, TestDatabase } from '../testing';
import { labelLines, writeAddressLabels } from './labels';
import { loadAudienceRule } from './run';

async function pdfOf(write: (out: PassThrough) => Promise<number>): Promise<{ pdf: Buffer; labels: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const labels = await write(out);
  return { pdf: Buffer.concat(chunks), labels };
}

/**
 * The text of a PDF as a reader extracts it (pdf-parse, i.e. PDF.js, through the ToUnicode maps of
 * the embedded fonts), page count included. PDF.js loads its worker by dynamic import, which Jest's
 * module sandbox refuses, so it runs in a plain Node process.
 */
function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const script = `
    import { PDFParse } from 'pdf-parse';
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
    const result = await parser.getText();
    await parser.destroy();
    process.stdout.write(JSON.stringify({ pages: result.total, text: result.text }));`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))));
    child.stdin!.end(pdf);
  });
}

describe('address labels', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('splits an address into lines under the addressee and the person', () => {
    expect(labelLines({ name: 'Alfa Kft', contact: 'Anna', address: 'Fő utca 1, 1011 Budapest\nHungary' })).toEqual({ name: 'Alfa Kft', lines: ['Anna', 'Fő utca 1', '1011 Budapest', 'Hungary'] });
    expect(labelLines({ name: 'Beta', contact: null, address: null })).toEqual({ name: 'Beta', lines: [] });
  });

  it('prints 25 members on two A4 pages (3 x 8 a page), Central European letters embedded, trash and hidden clients left out', async () => {
    const q = db.dataSource.query.bind(db.dataSource);
    const [{ id: admin }] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('a@x.test', 'A', '${Role.Admin}', 'x') RETURNING id`);
    const [{ id: restricted }] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('r@x.test', 'R', '${Role.Restricted}', 'x') RETURNING id`);
    const [{ id: listId }] = await q(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('Post', 'STATIC', 'POSTAL', $1) RETURNING id`, [admin]);
    const names = ['Őrség Kft', 'Műhely Bt', 'Łódź Białystok Sp. z o.o.', 'Śląsk Kraśnik SA', 'Čierna Bečva s.r.o.', 'Žilina Považská a.s.'];
    for (let i = 0; i < 25; i++) {
      const name = names[i] ?? `Client ${String(i).padStart(2, '0')}`;
      const [{ id }] = await q(`INSERT INTO clients (name, type, address, owner_id) VALUES ($1, 'COMPANY', $2, $3) RETURNING id`, [name, `Fő utca ${i + 1}, 1011 Budapest`, i < 3 ? restricted : admin]);
      await q(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [listId, id]);
      if (i === 0) await q(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Ágnes Győri', '{}', true)`, [id]);
    }
    // A trashed member is never printed.
    const [{ id: trashed }] = await q(`INSERT INTO clients (name, type, deleted_at) VALUES ('Kuka Trashed', 'COMPANY', now()) RETURNING id`);
    await q(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [listId, trashed]);

    await q(`INSERT INTO organisation_settings (id, language) VALUES (1, 'hu') ON CONFLICT (id) DO UPDATE SET language = 'hu'`);
    const list = (await loadAudienceRule(db.dataSource.manager, listId))!;
    const viewer = (await loadViewer(db.dataSource.manager, admin))!;
    const { pdf, labels } = await pdfOf((out) => writeAddressLabels(db.dataSource, viewer, { ...list, name: 'Post' }, out));
    expect(labels).toBe(25);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/); // the font is embedded
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(2);
    for (const name of names) expect(text).toContain(name);
    for (const letters of ['ő', 'ű', 'ł', 'ś', 'č', 'ž']) expect(text).toContain(letters);
    expect(text).toContain('Ágnes Győri');
    expect(text).toContain('1011 Budapest');
    expect(text).not.toContain('Kuka Trashed');
    // In alphabetical order (the organisation language's, Hungarian here), not byte order: Č sorts with C.
    expect(text.indexOf('Čierna Bečva')).toBeLessThan(text.indexOf('Client 06'));

    // A user who sees only their own clients gets their three labels, on one page.
    const limited = (await loadViewer(db.dataSource.manager, restricted))!;
    const mine = await pdfOf((out) => writeAddressLabels(db.dataSource, limited, { ...list, name: 'Post' }, out));
    expect(mine.labels).toBe(3);
    const few = await textOf(mine.pdf);
    expect(few.pages).toBe(1);
    expect(few.text).toContain('Őrség Kft');
    expect(few.text).not.toContain('Čierna');
  });
});
