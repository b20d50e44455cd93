import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runExportJob } from '../packages/db/src';
import { signIn as signInAs, RESULTS_DIR, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(90_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

test('a manager exports the Clients list from the Export dialog and gets the streamed file', () =>
  withPage(app, 'export-clients', async (page) => {
    await signInAs(page, 'manager@example.com', '/login');
    await page.waitForURL((url) => url.pathname !== '/login');

    await page.goto('/clients');
    await page.getByRole('searchbox').fill('kft');
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /CSV for Excel \(Central Europe\)/ }).check();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'export-dialog.png') });

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    const header = bytes.subarray(0, bytes.indexOf(0x0d)).toString('latin1');
    expect(header).toBe('Name;Type;Owner;Email;Phone;Department;Created');
    // Every row matches the search the list had.
    const rows = bytes.toString('latin1').split('\r\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /kft/i.test(row))).toBe(true);
    await dialog.getByRole('status').getByText(/is downloaded/).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'export-dialog-done.png') });
  }));

test('a large export prepared in the background: progress, then the file from its link', () =>
  withPage(app, 'export-background', async (page) => {
    await signInAs(page, 'manager@example.com', '/login');
    await page.waitForURL((url) => url.pathname !== '/login');

    await page.goto('/clients');
    await page.getByRole('searchbox').fill('kft');
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /CSV \(UTF-8\)/ }).check();
    await dialog.getByRole('checkbox', { name: /Prepare the file in the background/ }).check();
    await dialog.getByRole('button', { name: 'Prepare the file' }).click();
    const progress = dialog.getByRole('region', { name: 'Preparing the export' });
    await progress.getByText(/Waiting/).waitFor();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'export-background-waiting.png') });

    // What the worker does with the job.
    const [job] = await app.dataSource.query(`SELECT id FROM background_jobs WHERE kind = 'EXPORT' ORDER BY created_at DESC LIMIT 1`);
    const done = await runExportJob(app.dataSource, job.id, app.services.exports.storage);
    expect(done?.state).toBe('DONE');

    const link = dialog.getByRole('link', { name: 'Download the file' });
    await link.waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'export-background-done.png') });
    expect(await link.getAttribute('href')).toBe(`/exports/jobs/${job.id}/file`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^Clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /kft/i.test(row))).toBe(true);
  }));
