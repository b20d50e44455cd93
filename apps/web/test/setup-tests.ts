import '@testing-library/jest-dom';
import { i18n, initI18n } from '../src/app/i18n';

initI18n('en');

beforeEach(async () => {
  window.localStorage.clear();
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});
