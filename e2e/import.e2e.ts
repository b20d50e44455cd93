// An import from the browser: the Hungarian Excel CSV (Windows-1250, ';') uploaded, its columns
// mapped, the worker's job run (the worker does not run here), the progress watched until the
// result, the rejects file downloaded, and the import undone (the worker's undo job run here too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LocalDiskStorage, runImport, runImportUndo } from '../packages/db/src';
import { signIn as signInAs, ROOT, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(180_000);

const FIXTURE = path.join(ROOT, 'packages/db/src/imports/fixtures/hu-excel-1250.csv');
const SHOTS = process.env.E2E_SCREENSHOTS;

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

test('imports the Windows-1250 file, shows progress and the result, serves the rejects file and undoes it', () =>
  withPage(app, 'import', async (page) => {
    const shot = async (name: string) => {
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    };
    await signInAs(page, 'admin@example.com', '/imports');
    await page.getByRole('heading', { level: 1, name: 'Import clients' }).waitFor();
    // The upload step names every format and the size limit (IMPORT_MAX_MB, 200 MB by default).
    await page.getByText('CSV or TSV in any encoding, Excel .xlsx (choose the sheet) or vCard, up to 200 MB.').waitFor();
    await shot('1-upload');

    await page.getByLabel('Choose a file').setInputFiles(FIXTURE);
    await page.getByText('Read as Central European (Windows-1250); the header is on row 1.').waitFor();
    await page.getByRole('table', { name: 'The first rows as read' }).getByText('Őrség Fűtéstechnika Kft.').first().waitFor();
    await shot('2-reading');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('combobox', { name: 'Cards', exact: true }).selectOption({ label: 'Sales' });
    await page.getByRole('combobox', { name: 'When a client already exists (same email, tax id, phone or website domain)' }).selectOption('SKIP');
    await shot('3-target');
    await page.getByRole('button', { name: 'Next' }).click();

    // The columns come suggested; the file's statuses are not the demo pipeline's: ignore that column.
    await page.getByLabel('Field for column Cégnév').waitFor();
    expect(await page.getByLabel('Field for column Adószám').inputValue()).toBe('client.taxId');
    await page.getByLabel('Field for column Állapot').selectOption('');
    await shot('4-mapping');
    await page.getByRole('button', { name: 'Next' }).click();

    const preview = page.getByRole('table', { name: 'The first rows as they will be stored' });
    await preview.getByText('Not an email address: nem-email-cím').waitFor();
    await shot('5-preview');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const importId = page.url().split('/').pop()!;
    await page.getByRole('status').filter({ hasText: 'Waiting' }).first().waitFor();

    // What the worker does with the job.
    await runImport(app.dataSource, importId, { storage: new LocalDiskStorage(path.join(ROOT, '.data/files')) });
    await page.getByText('Done · 6 of 6 rows (100%)').waitFor();
    const counts = page.locator('.import-counts');
    await counts.getByText('Created').waitFor();
    expect(await counts.locator('.import-counts__item--created dd').innerText()).toBe('4');
    expect(await counts.locator('.import-counts__item--skipped dd').innerText()).toBe('1');
    expect(await counts.locator('.import-counts__item--rejected dd').innerText()).toBe('1');
    await shot('6-result');

    // It survives a reload.
    await page.reload();
    await page.getByText('Done · 6 of 6 rows (100%)').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the 1 rejected rows' }).click()]);
    const text = new TextDecoder('windows-1250').decode(readFileSync((await download.path())!));
    expect(text.split('\r\n')[0]).toBe('Cégnév;Adószám;E-mail;Telefon;Kapcsolattartó;Beosztás;Kategória;Címke;Érték;Pénznem;Állapot;Row;Reason');
    expect(text).toContain('Hibás Című Kft.;;nem-email-cím;');

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('alertdialog', { name: 'Undo this import' }).getByRole('button', { name: 'Undo', exact: true }).click();
    // The undo is the worker's job too: its progress shows, then the worker's part runs here.
    const undoing = page.getByRole('region', { name: 'Undoing the import' });
    await undoing.getByText('Waiting · 0 of 4 rows (0%)').waitFor();
    const [{ undo_job_id: undoJobId }] = await app.dataSource.query(`SELECT undo_job_id FROM imports WHERE id = $1`, [importId]);
    await runImportUndo(app.dataSource, undoJobId);
    await undoing.getByText('Done · 4 of 4 rows (100%)').waitFor();
    await page.getByText(/^Undone /).waitFor();
    expect(await page.getByRole('button', { name: 'Undo this import' }).count()).toBe(0);
    await shot('7-undone');
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE name = 'Őrség Fűtéstechnika Kft.' AND deleted_at IS NULL`);
    expect(n).toBe(0);
  }));
