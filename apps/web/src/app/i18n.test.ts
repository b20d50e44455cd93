import { browserLocale } from './i18n';

describe('the language before sign-in', () => {
  it('follows the browser: its first language we speak, by its base ("hu-HU" is Hungarian)', () => {
    expect(browserLocale(['hu-HU', 'en-US'])).toBe('hu');
    expect(browserLocale(['de-DE', 'HU'])).toBe('hu');
    expect(browserLocale(['en-GB', 'hu'])).toBe('en');
  });
  it('falls back to English for a browser in none of our languages', () => {
    expect(browserLocale(['sk-SK', 'pl'])).toBe('en');
    expect(browserLocale([])).toBe('en');
  });
});
