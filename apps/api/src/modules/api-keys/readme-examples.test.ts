// The README's Integrations examples must stay valid against the committed schema.
import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('README integration examples', () => {
  it('every GraphQL example of the Integrations section is a valid operation', () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema.graphql'), 'utf8'));
    const readme = readFileSync(path.resolve(__dirname, '../../../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Integrations'), readme.indexOf('## Backup and restore'));
    const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    // curl bodies carry their query as a JSON string.
    const curls = [...section.matchAll(/-d '(\{"query".*?\})'/g)].map((m) => JSON.parse(m[1]).query as string);
    const operations = [...blocks.flatMap((b) => b.split('\n').filter((line) => /^(query|mutation|\{)/.test(line.trim()))), ...curls];
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const op of operations) expect([op, validate(schema, parse(op)).map((e) => e.message)]).toEqual([op, []]);
  });
});
