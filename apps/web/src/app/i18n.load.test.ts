import { RESOURCES } from '../i18n/resources';

// Each test starts the app's i18n afresh, as a page load does (the shared instance of the other tests has every language).
function freshI18n() {
  let mod!: typeof import('./i18n');
  jest.isolateModules(() => {
    mod = jest.requireActual('./i18n');
  });
  return mod;
}

const sk = RESOURCES.sk.translation;

test('the app starts with its language\'s first-screen messages only, and a page brings the rest', async () => {
  window.localStorage.setItem('crm.locale', 'sk');
  const { i18n, startI18n, withMessages } = freshI18n();

  await startI18n();

  expect(i18n.language).toBe('sk');
  expect(i18n.t('board.search')).toBe(sk.board.search);
  expect(i18n.exists('campaigns.title')).toBe(false);
  expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);

  await expect(withMessages(Promise.resolve('page'))).resolves.toBe('page');

  expect(i18n.t('campaigns.title')).toBe(sk.campaigns.title);
  expect(i18n.t('board.search')).toBe(sk.board.search);
  expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
});

test('a message missing from the first screen\'s fetches the whole language', async () => {
  window.localStorage.setItem('crm.locale', 'sk');
  const { i18n, startI18n } = freshI18n();
  await startI18n();
  const added = new Promise((resolve) => i18n.on('added', resolve));

  expect(i18n.t('automations.list.title')).toBe('automations.list.title');
  await added;

  expect(i18n.t('automations.list.title')).toBe(sk.automations.list.title);
});

test('a language is downloaded when it is chosen, not before', async () => {
  window.localStorage.setItem('crm.locale', 'en');
  const { i18n, startI18n, applyLocale } = freshI18n();
  await startI18n();
  expect(i18n.hasResourceBundle('sk', 'translation')).toBe(false);

  await applyLocale('sk');

  expect(i18n.hasResourceBundle('sk', 'translation')).toBe(true);
  expect(i18n.language).toBe('sk');
  expect(i18n.t('serverReasons.SELF_DEACTIVATE')).toBe(sk.serverReasons.SELF_DEACTIVATE);
  expect(i18n.t('serverReasons.SELF_DEACTIVATE')).not.toBe(RESOURCES.en.translation.serverReasons.SELF_DEACTIVATE);
  expect(i18n.t('automations.list.title')).toBe(sk.automations.list.title);
  expect(window.localStorage.getItem('crm.locale')).toBe('sk');
});

test('signing in as a user of the language on screen downloads nothing more', async () => {
  window.localStorage.setItem('crm.locale', 'sk');
  const { i18n, startI18n, applyLocale } = freshI18n();
  await startI18n();

  await applyLocale('sk');

  expect(i18n.language).toBe('sk');
  expect(i18n.exists('campaigns.title')).toBe(false);
});
