import { i18n, applyLocale } from './i18n';
import { RESOURCES } from '../i18n/resources';

test('a language is downloaded when it is chosen, not before', async () => {
  i18n.removeResourceBundle('sk', 'translation');
  expect(i18n.hasResourceBundle('sk', 'translation')).toBe(false);

  await applyLocale('sk');

  expect(i18n.hasResourceBundle('sk', 'translation')).toBe(true);
  expect(i18n.language).toBe('sk');
  expect(i18n.t('serverReasons.SELF_DEACTIVATE')).toBe(RESOURCES.sk.translation.serverReasons.SELF_DEACTIVATE);
  expect(i18n.t('serverReasons.SELF_DEACTIVATE')).not.toBe(RESOURCES.en.translation.serverReasons.SELF_DEACTIVATE);
  expect(window.localStorage.getItem('crm.locale')).toBe('sk');
});
