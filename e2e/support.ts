// End-to-end harness: the real API (migrated, demo-seeded database of its own, the real Redis)
// serving the built web app, and Debian's headless Chromium driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../packages/db/src/testing';
import { loadConfig } from '../apps/api/src/config';
import { createLogger } from '../apps/api/src/logger';
import { createServer, type RunningServer } from '../apps/api/src/server';

export const ROOT = path.resolve(__dirname, '..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2eApp {
  url: string;
  browser: Browser;
  /** The server's database, for what a test must do behind the browser (run the worker's steps). */
  dataSource: RunningServer['dataSource'];
  /** The server's services, for what arrives from outside the browser (incoming mail). */
  services: RunningServer['services'];
  close(): Promise<void>;
}

/** Starts the API on a free port with a fresh demo database, and Chromium (`env`: more settings, e.g. MAILBOX_KEY). */
export async function startApp(env: Record<string, string> = {}): Promise<E2eApp> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIST}): run \`pnpm --filter @crm/web build\` (npm test does it).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  try {
    db = await createTestDatabase();
    const config = {
      ...loadConfig({
        DATABASE_URL: db.url,
        REDIS_URL: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ...env,
      }),
      port: 0,
      host: '127.0.0.1',
      seedDemo: true,
      webDist: WEB_DIST,
      redisPrefix: `crm-e2e:${randomBytes(4).toString('hex')}:`,
      // Its own job queues too: test files may run side by side.
      queuePrefix: `e2e-queue-${randomBytes(4).toString('hex')}`,
    };
    server = await createServer(config, createLogger('silent'));
    // chromium.launch gives every browser a fresh temporary profile (user data dir).
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const running = server;
    const database = db;
    return {
      url: running.url,
      browser,
      dataSource: running.dataSource,
      services: running.services,
      async close() {
        await browser.close().catch(() => undefined);
        await running.close();
        await database.drop();
      },
    };
  } catch (err) {
    await server?.close().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    throw err;
  }
}

/**
 * Runs a test body with a fresh browser context (no cookies shared between tests); on failure saves
 * a full-page screenshot to test-results/<name>.png and prints the page's uncaught errors and console
 * errors before re-throwing.
 */
export async function withPage(app: E2eApp, name: string, body: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await app.browser.newContext({ baseURL: app.url, locale: 'en-US' });
  // Generous: the whole suite runs at once on two cores; every wait is for a condition.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  try {
    await body(page);
  } catch (err) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`[e2e] "${name}" failed at ${page.url()}; screenshot: ${path.relative(ROOT, file)}${errors.length ? `; the page's errors:\n${errors.join('\n')}` : ''}`);
    throw err;
  } finally {
    await context.close();
  }
}

/** The demo logins' password (packages/db/src/seed/demo.ts). */
export const DEMO_PASSWORD = 'demo1234';

/**
 * Opens `path` signed out (the app shows its login form there) and signs in as a demo user; the
 * caller then waits for what the page should show.
 */
export async function signIn(page: Page, email: string, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
