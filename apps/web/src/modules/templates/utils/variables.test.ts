import { fieldKey, insertAt, pickerGroups } from './variables';

describe('template variables', () => {
  it('keys a custom field as the API does', () => {
    expect(fieldKey('Flotta méret')).toBe('flotta_meret');
    expect(fieldKey(' Árvíztűrő tükörfúrógép (db) ')).toBe('arvizturo_tukorfurogep_db');
  });

  it('adds the pipeline custom fields after the catalogue', () => {
    const groups = pickerGroups([{ label: 'Flotta méret' }]);
    expect(groups.map((g) => g.id)).toEqual(['card', 'client', 'contact', 'sender', 'owner', 'dates', 'fields']);
    expect(groups.at(-1)?.variables).toEqual([{ path: 'card.fields.flotta_meret', label: 'Flotta méret' }]);
    expect(pickerGroups([]).some((g) => g.id === 'fields')).toBe(false);
  });

  it('replaces the selection and puts the caret after the insert', () => {
    expect(insertAt('Dear ,', 5, 5, '{{contact.name}}')).toEqual({ value: 'Dear {{contact.name}},', caret: 21 });
    expect(insertAt('Hello NAME!', 6, 10, '{{x}}')).toEqual({ value: 'Hello {{x}}!', caret: 11 });
    expect(insertAt('ab', 10, 10, 'c')).toEqual({ value: 'abc', caret: 3 });
  });
});
