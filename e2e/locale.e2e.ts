import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { RESULTS_DIR, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(90_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

test('switches the UI to Polish and to Slovak: a validation error, the board, saved on the profile', () =>
  withPage(app, 'locale-pl-sk', async (page) => {
    await page.goto('/login');
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByText('Podaj adres e-mail.').waitFor();

    await page.getByLabel('E-mail').fill('admin@example.com');
    await page.getByLabel('Hasło').fill('demo1234');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    // Signed in, the user's own language (English on the demo admin) applies; switching saves it.
    await page.getByRole('link', { name: 'Board' }).first().waitFor();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('link', { name: 'Tablica' }).first().waitFor();
    await page.getByText('Twój proces w skrócie: jedna kolumna na status, jedna karta na klienta.').waitFor();
    // The cards speak it too (the client type on each card).
    await page.getByText('Firma', { exact: true }).first().waitFor();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'locale-pl-board.png') });

    await page.getByLabel('Język').selectOption('sk');
    await page.getByRole('link', { name: 'Nástenka' }).first().waitFor();
    await page.getByText('Váš proces na prvý pohľad: jeden stĺpec na stav, jedna karta na klienta.').waitFor();
    await page.getByText('Osoba', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'locale-sk-board.png') });

    // Saved on the profile: a new session (no local choice) opens in Slovak.
    await page.context().clearCookies();
    await page.evaluate(() => window.localStorage.clear());
    await page.goto('/login');
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Nástenka' }).first().waitFor();
  }));
