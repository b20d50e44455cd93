// Integration-test harness: a real API server on a fresh database (cloned from the migrated template)
// and the real Redis, reached over HTTP like the browser does.
import { hashPassword, User } from '@crm/db';
import { createTestDatabase, TestDatabase } from '@crm/db/testing';
import { Role } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import { Config, loadConfig } from '../config';
import { createLogger } from '../logger';
import { createServer, RunningServer } from '../server';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  setCookie: string | null;
}

export interface TestApi {
  server: RunningServer;
  /** The server's configuration (a second instance on the same database starts from it). */
  config: Config;
  db: TestDatabase;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, cookie?: string | null): Promise<GqlResult<T>>;
  /** Signs in and returns the session cookie ("crm_session=..."). */
  login(email: string, password?: string): Promise<string>;
  buildUser(overrides?: Partial<User> & { password?: string }): Promise<User & { password: string }>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTestApi(overrides: Partial<Config> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const config: Config = {
    ...loadConfig({ DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    seedDemo: false,
    webDist: null,
    redisPrefix: `crm-test:${randomBytes(4).toString('hex')}:`,
    queuePrefix: `test-queue-${randomBytes(4).toString('hex')}`,
    ...overrides,
  };
  const server = await createServer(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  const url = server.url;

  const gql: TestApi['gql'] = async (query, variables, cookie) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: any[] };
    return { status: res.status, data: body.data, errors: body.errors, setCookie: res.headers.get('set-cookie') };
  };

  const api: TestApi = {
    server,
    config,
    db,
    url,
    gql,
    async login(email, password = 'password123') {
      const res = await gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { email, password } });
      if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.setCookie!.split(';')[0];
    },
    async buildUser(overrides = {}) {
      const n = ++counter;
      const { password = 'password123', ...fields } = overrides;
      const user = await db.dataSource.getRepository(User).save({
        email: `user${n}-${randomBytes(3).toString('hex')}@example.com`,
        name: `Test User ${n}`,
        role: Role.Normal,
        passwordHash: await hashPassword(password),
        ...fields,
      });
      return Object.assign(user, { password });
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
  return api;
}
