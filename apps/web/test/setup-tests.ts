import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { i18n, initI18n } from '../src/app/i18n';
import { RESOURCES } from '../src/i18n/resources';

initI18n('en', RESOURCES);

// findBy* and waitFor poll until this limit (1 s by default, too little when the whole suite shares
// two cores); they return as soon as the condition holds.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(async () => {
  window.localStorage.clear();
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});
