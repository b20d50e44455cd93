import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Replaces each `graphql(`...`)` call with the document codegen generated for it, written in place.
 * Without it, the client preset's `graphql()` function pulls the map of every operation in the app
 * into the first chunk; importing the documents instead would still keep them in one shared module,
 * so each page's chunk carries only its own documents (fragments are already inlined by codegen).
 */
export function graphqlDocuments(generatedDir: string): Plugin {
  const generated = path.join(generatedDir, 'graphql.ts');
  let documents: Map<string, string> | null = null;
  const generatedDocuments = () =>
    (documents ??= new Map(
      [...readFileSync(generated, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map((m) => [m[1], m[2]]),
    ));

  return {
    name: 'crm-graphql-documents',
    enforce: 'pre',
    buildStart() {
      documents = null;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.[jt]sx?$/.test(file) || file.startsWith(generatedDir) || !code.includes('graphql(`')) return null;
      let replaced = false;
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call: string, source: string) => {
        const definition = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/.exec(source.replace(/#[^\n]*/g, ''));
        if (!definition) this.error(`${file}: a graphql() document must start with a named operation or fragment`);
        const name = definition[1] === 'fragment' ? `${definition[2]}FragmentDoc` : `${definition[2]}Document`;
        const document = generatedDocuments().get(name);
        if (!document) this.error(`${file}: ${name} is not generated; run pnpm --filter @crm/web codegen`);
        replaced = true;
        // Keep the line count, so the source map still points at the right lines.
        return `(${document}${'\n'.repeat(call.split('\n').length - 1)})`;
      });
      return replaced ? { code: out, map: null } : null;
    },
  };
}
