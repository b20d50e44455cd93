import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { createLogger } from '../logger';
import { AppError, createErrorFormatter } from './errors';
import { buildApiSchema, schemaFileText } from './schema';

// The only operations anyone may call without signing in.
const PUBLIC_FIELDS = ['Query.me', 'Mutation.login', 'Mutation.logout'];

describe('the GraphQL schema', () => {
  it('guards every other root field with @Authorized', async () => {
    const schema = await buildApiSchema();
    const storage = getMetadataStorage();
    const guarded = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const unguarded: string[] = [];
    for (const root of [storage.queries, storage.mutations, storage.subscriptions]) {
      for (const field of root) {
        const kind = root === storage.queries ? 'Query' : root === storage.mutations ? 'Mutation' : 'Subscription';
        const name = `${kind}.${field.schemaName}`;
        if (!guarded.has(`${field.target.name}.${field.methodName}`) && !PUBLIC_FIELDS.includes(name)) unguarded.push(name);
      }
    }
    expect(unguarded).toEqual([]);
    // Sanity: the walk saw the schema's root fields.
    const rootCount = Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length;
    expect(storage.queries.length + storage.mutations.length).toBeGreaterThanOrEqual(rootCount);
  });

  it('is committed in apps/api/schema.graphql as the resolvers build it (run `pnpm --filter @crm/api schema`)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(schemaFileText(await buildApiSchema()));
  });
});

describe('the web app’s generated operation types', () => {
  // Made by GraphQL Code Generator from the committed schema and the operations in apps/web/src;
  // after changing either, run `pnpm --filter @crm/web codegen`.
  it('are up to date', () => {
    const web = path.resolve(__dirname, '../../../web');
    const result = spawnSync(path.join(web, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--check'], { cwd: web, encoding: 'utf8' });
    expect({ status: result.status, output: result.status === 0 ? '' : result.stdout + result.stderr }).toEqual({ status: 0, output: '' });
  });
});

describe('error formatting', () => {
  const format = createErrorFormatter(createLogger('silent'));

  it('keeps the code and message of our own errors', () => {
    const err = new AppError('CONFLICT', 'Already there.', { fields: { email: 'taken' } });
    expect(format({ message: 'x' }, { originalError: err })).toEqual({
      message: 'Already there.',
      extensions: { code: 'CONFLICT', fields: { email: 'taken' } },
    });
  });

  it('masks anything unexpected as an internal error without its message', () => {
    const out = format({ message: 'relation "users" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, { originalError: new Error('relation "users" does not exist') });
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.message).not.toMatch(/relation|users/);
  });
});
