// Writes apps/api/schema.graphql from the resolvers (`--check` fails instead when it differs).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApiSchema, schemaFileText } from '../graphql/schema';

async function main() {
  const file = path.resolve(__dirname, '../../schema.graphql');
  const text = schemaFileText(await buildApiSchema());
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error('apps/api/schema.graphql is out of date: run `pnpm --filter @crm/api schema`.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(file, text);
  console.log('Wrote apps/api/schema.graphql');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
