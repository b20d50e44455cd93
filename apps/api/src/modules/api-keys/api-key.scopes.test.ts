import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MODULE_FIELDS } from './api-key.scopes';

describe('API key modules', () => {
  it('name only operations the schema has (a rename would silently close a module)', () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema.graphql'), 'utf8'));
    const roots = new Set([...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())]);
    const unknown = Object.values(MODULE_FIELDS).flat().filter((f) => !roots.has(f));
    expect(unknown).toEqual([]);
  });
});
