import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { RESULTS_DIR, signIn, startApp, withPage, type E2eApp } from './support';

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

test('in Polish and Slovak: a client card, a refusal from the server and the organisation settings', () =>
  withPage(app, 'locale-card-server-error', async (page) => {
    await signIn(page, 'admin@example.com');
    // Whatever language the profile holds (the test above saves one), switch in the header.
    await page.locator('.shell__header select').selectOption('pl');
    await page.getByRole('link', { name: 'Tablica' }).first().waitFor();

    // A client card in Polish.
    const firstCard = page.getByRole('list', { name: 'New lead', exact: true }).getByRole('listitem').first();
    await firstCard.click();
    await page.waitForURL(/\/clients\/[^/]+/);
    await page.getByRole('link', { name: 'Zadania i historia' }).waitFor();
    await page.getByRole('button', { name: 'Dodaj zadanie' }).first().waitFor();
    await page.getByRole('link', { name: 'Kontakty' }).first().waitFor();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'locale-pl-card.png') });

    // In Slovak, the server refuses a second category of the same name: said in Slovak (a code, not its English text).
    await page.getByLabel('Język').selectOption('sk');
    await page.getByRole('link', { name: 'Nástenka' }).first().waitFor();
    await page.goto('/settings/labels');
    await page.getByRole('tab', { name: 'Kategórie' }).click();
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Nová kategória' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nová kategória' });
      await dialog.getByLabel('Názov').fill('Veľtrh Nitra');
      await dialog.getByRole('button', { name: 'Vytvoriť' }).click();
      if (i === 0) await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByRole('dialog', { name: 'Nová kategória' }).getByText('Označenie s týmto názvom už existuje.').waitFor();
    expect(await page.getByText('A label with this name already exists.').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'locale-sk-server-error.png') });
    await page.getByRole('dialog', { name: 'Nová kategória' }).getByRole('button', { name: 'Zrušiť' }).click();

    // The organisation's settings page, in Slovak.
    await page.goto('/settings/organisation');
    await page.getByRole('heading', { level: 1, name: 'Organizácia' }).waitFor();
    await page.getByLabel('Časové pásmo').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'locale-sk-organisation.png') });
  }));
