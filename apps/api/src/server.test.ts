import { Role } from '@crm/shared';
import { loadConfig } from './config';
import { buildCards, buildPipeline } from './testing/factories';
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

describe('the HTTP edge in production mode (the default)', () => {
  const TOKEN = 'inbound-token-0123456789abcdef';
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ env: loadConfig({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x' }).env, inboundToken: TOKEN });
    const user = await api.buildUser();
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  const noTrace = (text: string) => {
    expect(text).not.toMatch(/node_modules|\/src\/|at .*\(.*:\d+:\d+\)|<pre>|Error:/);
  };

  it('is what an unset NODE_ENV means', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x' }).env).toBe('production');
  });

  it('shows the schema only to a signed-in user', async () => {
    const query = `{ __schema { queryType { name } } }`;
    const anonymous = await api.gql(query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeUndefined();
    const hidden = await api.gql(`query { me { id } ...F } fragment F on Query { __type(name: "Card") { name } }`);
    expect(hidden.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const signedIn = await api.gql(query, {}, cookie);
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('answers malformed JSON, an oversized body and unknown routes with clean JSON, no stack', async () => {
    const malformed = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id } }"' });
    expect(malformed.status).toBe(400);
    const malformedText = await malformed.text();
    noTrace(malformedText);
    expect(JSON.parse(malformedText)).toEqual({ error: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_JSON', message: expect.any(String) } });

    const big = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'a'.repeat(2 * 1024 * 1024) } }) });
    expect(big.status).toBe(413);
    const bigText = await big.text();
    noTrace(bigText);
    expect(JSON.parse(bigText).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'BODY_TOO_LARGE' });

    const unknown = await fetch(`${api.url}/nowhere`, { method: 'POST', headers: { origin: api.url } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('compares the inbound token in constant time and never throws on odd bytes', async () => {
    const send = (authorization: string) => fetch(`${api.url}/inbound/mail`, { method: 'POST', headers: { authorization, 'content-type': 'message/rfc822' }, body: 'Subject: x\r\n\r\nhi' });
    // Same length in characters, more in bytes: the old comparison threw a 500 with a stack.
    const nonAscii = await send(`Bearer ${'é'.repeat(TOKEN.length)}`);
    expect(nonAscii.status).toBe(401);
    const nonAsciiText = await nonAscii.text();
    noTrace(nonAsciiText);
    expect(JSON.parse(nonAsciiText).error.code).toBe('UNAUTHENTICATED');
    expect((await send('Bearer short')).status).toBe(401);
    expect((await send(`Bearer ${TOKEN.slice(0, -1)}x`)).status).toBe(401);
  });

  it('sends security headers: no framing, no sniffing, no referrer, a content policy', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses an upload from another origin (another port of this host), with or without a Referer', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const upload = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), 'a.pdf');
      return fetch(`${api.url}/files?${new URLSearchParams({ clientId: card.clientId, pipelineId: pipeline.id })}`, { method: 'POST', body: form, headers: { cookie, ...headers } });
    };
    const other = new URL(api.url);
    other.port = String(Number(other.port) + 1);
    const refused: Array<Record<string, string>> = [{ origin: other.origin }, { referer: `${other.origin}/clients` }, {}, { origin: 'null' }];
    for (const headers of refused) {
      const res = await upload(headers);
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 403]);
      expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 'FORBIDDEN', reason: 'CROSS_ORIGIN' });
    }
    expect(await api.db.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE client_id = $1`, [card.clientId])).toEqual([{ n: 0 }]);
    expect((await upload({ origin: api.url })).status).toBe(201);
  });
});

describe('GraphQL cost limits over HTTP', () => {
  let api: TestApi;
  let cookie: string;
  let pipelineId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser();
    cookie = await api.login(user.email, user.password);
    pipelineId = (await buildPipeline(api.db.dataSource)).pipeline.id;
  });
  afterAll(() => api.close());

  it('refuses 100 aliased 500-card pages before running any, with a clean code', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: cards(pipelineId: $p, page: { limit: 500, offset: 0 }) { items { id } }`).join('\n');
    const res = await api.gql(`query($p: ID!) { ${aliases} }`, { p: pipelineId }, cookie);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' });
  });

  it('counts page sizes across aliases, passed inline or as variables', async () => {
    const three = (limit: string) => [1, 2, 3].map((i) => `a${i}: cards(pipelineId: $p, page: { limit: ${limit}, offset: 0 }) { total }`).join(' ');
    const inline = await api.gql(`query($p: ID!) { ${three('400')} }`, { p: pipelineId }, cookie);
    expect(inline.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE', limit: 'maxRows' });
    const viaVariables = await api.gql(`query($p: ID!, $n: Int!) { ${three('$n')} }`, { p: pipelineId, n: 400 }, cookie);
    expect(viaVariables.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_LARGE', limit: 'maxRows' });
    const fine = await api.gql(`query($p: ID!, $n: Int!) { ${three('$n')} }`, { p: pipelineId, n: 100 }, cookie);
    expect(fine.errors).toBeUndefined();
    expect(fine.data).toEqual({ a1: { total: 0 }, a2: { total: 0 }, a3: { total: 0 } });
  });

  it('limits root fields and aliases', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `m${i}: me { id }`).join(' ');
    const res = await api.gql(`{ ${many} }`, {}, cookie);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE', limit: 'maxRootFields' });
    const nested = Array.from({ length: 30 }, (_, i) => `n${i}: id`).join(' ');
    const deep = await api.gql(`{ me { ${nested} } }`, {}, cookie);
    expect(deep.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_LARGE', limit: 'maxAliases' });
  });

  it('answers malformed ids and cursors with BAD_USER_INPUT, not an internal error', async () => {
    const card = await api.gql(`{ card(id: "not-a-uuid") { id } }`, {}, cookie);
    expect(card.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_VALUE' });
    const client = await api.gql(`{ deals(clientId: "1; DROP TABLE deals") { id } }`, {}, cookie);
    expect(client.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const admin = await api.buildUser({ role: Role.Admin });
    const adminCookie = await api.login(admin.email, admin.password);
    // An id past the range of its column.
    const audit = await api.gql(`query($b: ID) { auditLog(before: $b) { id } }`, { b: '99999999999999999999999' }, adminCookie);
    expect(audit.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_VALUE' });
    const statusId = (await api.db.dataSource.query(`SELECT id FROM statuses WHERE pipeline_id = $1 LIMIT 1`, [pipelineId]))[0].id;
    const forged = Buffer.from(JSON.stringify(['a0', 'not-a-uuid'])).toString('base64url');
    for (const after of ['%%%', forged]) {
      const res = await api.gql(`query($s: ID!, $a: String) { columnCards(statusId: $s, after: $a) { cards { id } } }`, { s: statusId, a: after }, cookie);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_VALUE' });
    }
  });
});
