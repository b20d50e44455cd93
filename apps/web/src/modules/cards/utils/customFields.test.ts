import { i18n, initI18n } from '../../../app/i18n';
import { formatCustomValue, fromCustomFilterValue, toCustomFilterValue } from './customFields';

initI18n('en');
const context = { t: i18n.getFixedT('en'), language: 'en', users: new Map([['u1', 'Béla Nagy']]) };

describe('custom values in the card list', () => {
  it('formats each kind for reading', () => {
    expect(formatCustomValue('TEXT', 'Fleet of 40', context)).toBe('Fleet of 40');
    expect(formatCustomValue('NUMBER', 12500.5, context)).toBe('12,500.5');
    expect(formatCustomValue('MONEY', { amount: 1500, currency: 'EUR' }, context)).toBe('€1,500');
    expect(formatCustomValue('MONEY', { amount: 19.9, currency: 'USD' }, context)).toBe('$19.90');
    expect(formatCustomValue('DATE', '2026-03-09', context)).toBe('Mar 9, 2026');
    expect(formatCustomValue('MULTI_SELECT', ['Fleet', 'Leasing'], context)).toBe('Fleet, Leasing');
    expect(formatCustomValue('BOOLEAN', false, context)).toBe('No');
    expect(formatCustomValue('USER', 'u1', context)).toBe('Béla Nagy');
    expect(formatCustomValue('USER', 'u-gone', context)).toBe('Former user');
  });

  it('has nothing to show for an empty value', () => {
    expect(formatCustomValue('TEXT', '', context)).toBeNull();
    expect(formatCustomValue('MULTI_SELECT', [], context)).toBeNull();
    expect(formatCustomValue('BOOLEAN', undefined, context)).toBeNull();
  });

  it('turns a filter choice into the value the API matches, and back', () => {
    expect(toCustomFilterValue('SELECT', 'Gold')).toBe('Gold');
    expect(toCustomFilterValue('MULTI_SELECT', 'Fleet')).toEqual(['Fleet']);
    expect(toCustomFilterValue('BOOLEAN', 'false')).toBe(false);
    expect(toCustomFilterValue('SELECT', '')).toBeUndefined();
    expect(fromCustomFilterValue(['Fleet'])).toBe('Fleet');
    expect(fromCustomFilterValue(false)).toBe('false');
  });
});
