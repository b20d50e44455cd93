import { startTestApi, TestApi } from './testing/api';
import { MAX_QUERY_DEPTH } from './server';

describe('the HTTP edge', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports PostgreSQL and Redis on GET /health', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('answers a malformed document with a parse error and no data', async () => {
    const res = await api.gql(`{ me { id `);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.data).toBeUndefined();
  });

  it('answers an unknown field with a validation error', async () => {
    const res = await api.gql(`{ me { passwordHash } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it(`rejects a query nested deeper than ${MAX_QUERY_DEPTH} levels before running it`, async () => {
    let selection = 'name';
    for (let i = 0; i < MAX_QUERY_DEPTH + 2; i++) selection = `ofType { ${selection} }`;
    const res = await api.gql(`{ __schema { types { fields { type { ${selection} } } } } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/exceeds maximum operation depth/);
    expect(res.data).toBeUndefined();
  });

  it('refuses a cross-site form post (CSRF) to /graphql', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('health when Redis is down', () => {
  it('answers 503 and names what is down', async () => {
    const api = await startTestApi({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const res = await fetch(`${api.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', database: 'ok', redis: 'down' });
    } finally {
      await api.close();
    }
  });
});
