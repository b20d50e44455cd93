import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('lists every missing or wrong value at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', ADMIN_EMAIL: 'boss@example.com' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/DATABASE_URL is required/);
    expect(text).toMatch(/REDIS_URL is required/);
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/SEED_DEMO must be true or false/);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', ADMIN_EMAIL: 'boss@example.com' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
  });

  it('fills sensible defaults', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' });
    expect(c).toMatchObject({ port: 4000, seedDemo: true, admin: null, cookieSecure: false, sessionTtlDays: 30 });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });
});
