import { checkFieldValue } from './field-values';
import { CustomFieldKind } from './field.types';

const field = (kind: CustomFieldKind, extra: Partial<{ options: string[]; required: boolean }> = {}) => ({ kind, options: [], required: false, ...extra });
const users = new Set(['u1']);
const check = (f: ReturnType<typeof field>, v: unknown) => checkFieldValue(f, v, (id) => users.has(id));

describe('custom field values', () => {
  it('accepts each kind’s own values', () => {
    expect(check(field(CustomFieldKind.TEXT), ' Győr ')).toEqual({ value: 'Győr' });
    expect(check(field(CustomFieldKind.NUMBER), 12.5)).toEqual({ value: 12.5 });
    expect(check(field(CustomFieldKind.MONEY), { amount: 1000, currency: 'HUF' })).toEqual({ value: { amount: 1000, currency: 'HUF' } });
    expect(check(field(CustomFieldKind.DATE), '2026-11-24')).toEqual({ value: '2026-11-24' });
    expect(check(field(CustomFieldKind.SELECT, { options: ['A', 'B'] }), 'B')).toEqual({ value: 'B' });
    expect(check(field(CustomFieldKind.MULTI_SELECT, { options: ['A', 'B'] }), ['A', 'A', 'B'])).toEqual({ value: ['A', 'B'] });
    expect(check(field(CustomFieldKind.BOOLEAN), false)).toEqual({ value: false });
    expect(check(field(CustomFieldKind.USER), 'u1')).toEqual({ value: 'u1' });
  });

  it('rejects values of the wrong kind with a message', () => {
    expect(check(field(CustomFieldKind.NUMBER), '12')).toHaveProperty('error');
    expect(check(field(CustomFieldKind.MONEY), { amount: 1, currency: 'huf' })).toHaveProperty('error');
    expect(check(field(CustomFieldKind.DATE), '24.11.2026')).toHaveProperty('error');
    expect(check(field(CustomFieldKind.SELECT, { options: ['A'] }), 'C')).toHaveProperty('error');
    expect(check(field(CustomFieldKind.MULTI_SELECT, { options: ['A'] }), ['A', 'C'])).toHaveProperty('error');
    expect(check(field(CustomFieldKind.BOOLEAN), 'yes')).toHaveProperty('error');
    expect(check(field(CustomFieldKind.USER), 'ghost')).toHaveProperty('error');
    expect(check(field(CustomFieldKind.TEXT), 'x'.repeat(501))).toHaveProperty('error');
  });

  it('clears with null unless the field is required', () => {
    expect(check(field(CustomFieldKind.TEXT), null)).toEqual({ value: null });
    expect(check(field(CustomFieldKind.TEXT, { required: true }), '')).toEqual({ error: 'This field is required.', code: 'FIELD_REQUIRED' });
    // A code (and its values) for the web app to say it in the user's language.
    expect(check(field(CustomFieldKind.TEXT), 'x'.repeat(501))).toEqual({ error: 'Enter text of at most 500 characters.', code: 'TEXT_TOO_LONG', params: { max: 500 } });
  });
});
