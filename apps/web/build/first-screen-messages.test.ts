import path from 'node:path';
import { LOCALES } from '../src/app/domain';
import { RESOURCES } from '../src/i18n/resources';
import { firstScreenMessages } from '../src/i18n/first';
import { firstScreenMessagesPlugin, languageMessages } from './first-screen-messages';

const i18nDir = path.join(__dirname, '../src/i18n');

function load(id: string) {
  const context = { addWatchFile: jest.fn() };
  const hook = firstScreenMessagesPlugin().load as unknown as (this: typeof context, id: string) => string | null;
  return { code: hook.call(context, id), watched: context.addWatchFile.mock.calls.map(([file]) => file as string) };
}

test.each(LOCALES)('%s: the build reads the language as locale.%s.ts puts it together', (locale) => {
  expect(languageMessages(i18nDir, locale).messages).toEqual(RESOURCES[locale].translation);
});

test.each(LOCALES)('%s: first.%s.ts is built as the first screen\'s messages alone, written out', (locale) => {
  const { code, watched } = load(path.join(i18nDir, `first.${locale}.ts`));
  const built = new Function(`${code!.replace('export default', 'return')}`)();

  expect(built).toEqual(firstScreenMessages(RESOURCES[locale].translation));
  expect(built.board.search).toBe(RESOURCES[locale].translation.board.search);
  expect(built.automations).toBeUndefined();
  expect(code!.length).toBeLessThan(JSON.stringify(RESOURCES[locale].translation).length / 4);
  expect(code).not.toMatch(/^import /m);
  expect(watched).toContain(path.join(i18nDir, `${locale}.json`));
});

test('other modules are left alone', () => {
  expect(load(path.join(i18nDir, 'locale.en.ts')).code).toBeNull();
  expect(load('/app/src/modules/board/index.ts').code).toBeNull();
});

test('a message is picked with its plural forms, a group with everything in it', () => {
  const messages = { a: { count_one: '1', count_other: 'n', counter: 'x', b: { c: 'c' } }, d: { e: 'e' }, f: 'f' };
  expect(firstScreenMessages(messages, ['a.count', 'd', 'missing.key'])).toEqual({ a: { count_one: '1', count_other: 'n' }, d: { e: 'e' } });
});
