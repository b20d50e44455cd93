import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { graphqlDocuments } from './graphql-documents';

const dir = mkdtempSync(path.join(tmpdir(), 'gql-'));
writeFileSync(
  path.join(dir, 'graphql.ts'),
  [
    'export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;',
    'export const CardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"}}]} as unknown as DocumentNode<CardFieldsFragment, unknown>;',
  ].join('\n'),
);

function transform(code: string) {
  const plugin = graphqlDocuments(dir);
  const context = { error: (message: string) => { throw new Error(message); } };
  const hook = plugin.transform as (this: typeof context, code: string, id: string) => { code: string } | null;
  return hook.call(context, code, '/app/src/page.ts');
}

test('each graphql() call becomes its generated document, in place, with the same line count', () => {
  const source = "const ME = graphql(`\n  query Me {\n    me { id }\n  }\n`);\nconst F = graphql(`\n  fragment CardFields on Card { id }\n`);\n";
  const out = transform(source)!.code;
  expect(out).not.toContain('graphql(');
  expect(out).toContain('"value":"Me"');
  expect(out).toContain('"value":"CardFields"');
  expect(out.split('\n')).toHaveLength(source.split('\n').length);
  // The result is an expression the page can use as a document.
  const ME = new Function(`${out}; return ME;`)();
  expect(ME.definitions[0].name.value).toBe('Me');
});

test('a document codegen has not generated stops the build with what to run', () => {
  expect(() => transform('const X = graphql(`query Missing { me { id } }`);')).toThrow(/MissingDocument is not generated; run pnpm --filter @crm\/web codegen/);
});

test('files without graphql() are left alone', () => {
  expect(transform('export const a = 1;')).toBeNull();
});
