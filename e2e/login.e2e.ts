import type { Page } from 'playwright-core';
import { startApp, withPage, type E2eApp } from './support';

jest.setTimeout(60_000);

const ADMIN = { email: 'admin@example.com', password: 'demo1234' };

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

function loginForm(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Sign in to Pipeline CRM' }),
    email: page.getByLabel('Email'),
    password: page.getByLabel('Password'),
    submit: page.getByRole('button', { name: 'Sign in' }),
  };
}

async function expectLoginPage(page: Page) {
  await page.waitForURL((url) => url.pathname === '/login');
  await loginForm(page).submit.waitFor({ state: 'visible' });
  await loginForm(page).heading.waitFor({ state: 'visible' });
}

test('signs in with the demo admin, sees the main navigation, and logs out', () =>
  withPage(app, 'login-logout', async (page) => {
    await page.goto('/');
    // Not signed in: the app sends us to the login page.
    await expectLoginPage(page);

    const form = loginForm(page);
    await form.email.fill(ADMIN.email);
    await form.password.fill(ADMIN.password);
    await form.submit.click();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Board' }).waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).not.toBe('/login');

    await page.getByRole('button', { name: 'Log out' }).click();
    await expectLoginPage(page);
    expect(await nav.count()).toBe(0);

    // The session is gone: reloading stays on the login page.
    await page.reload();
    await expectLoginPage(page);
  }));

test('a wrong password shows an error and stays on the login page', () =>
  withPage(app, 'wrong-password', async (page) => {
    await page.goto('/login');
    const form = loginForm(page);
    await form.email.fill(ADMIN.email);
    await form.password.fill('not-the-password');
    await form.submit.click();

    const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password' });
    await alert.waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // The form is still there to try again.
    await form.submit.waitFor({ state: 'visible' });
  }));
