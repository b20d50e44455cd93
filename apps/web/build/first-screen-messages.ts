import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { firstScreenMessages } from '../src/i18n/first';

/** A language's messages as src/i18n/locale.<lang>.ts puts them together: its JSON files, spread in order. */
export function languageMessages(i18nDir: string, locale: string): { messages: Record<string, unknown>; files: string[] } {
  const source = readFileSync(path.join(i18nDir, `locale.${locale}.ts`), 'utf8');
  const imports = new Map([...source.matchAll(/^import (\w+) from '\.\/([\w.-]+\.json)';$/gm)].map((m) => [m[1], path.join(i18nDir, m[2])]));
  const spread = /export default \{([^}]*)\}/.exec(source)?.[1].match(/\.\.\.(\w+)/g)?.map((s) => s.slice(3)) ?? [];
  if (!spread.length || spread.some((name) => !imports.has(name))) throw new Error(`locale.${locale}.ts: expected "export default { ...a, ...b }" of its JSON imports`);
  const files = spread.map((name) => imports.get(name)!);
  return { messages: Object.assign({}, ...files.map((file) => JSON.parse(readFileSync(file, 'utf8')))), files };
}

/**
 * Writes each language's first-screen messages (src/i18n/first.ts) in place of src/i18n/first.<lang>.ts,
 * which would otherwise import the whole language to pick them at run time: the first download then
 * carries only the sign-in page's, the shell's and the board's messages.
 */
export function firstScreenMessagesPlugin(): Plugin {
  return {
    name: 'crm-first-screen-messages',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0];
      const match = /[\\/]src[\\/]i18n[\\/]first\.(\w+)\.ts$/.exec(file);
      if (!match) return null;
      const { messages, files } = languageMessages(path.dirname(file), match[1]);
      for (const json of files) this.addWatchFile(json);
      // JSON.parse of a string literal is quicker for the browser than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(firstScreenMessages(messages)))});\n`;
    },
  };
}
