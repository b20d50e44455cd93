import { i18n, initI18n } from '../../../app/i18n';
import { describeHistoryEntry, type HistoryLookups } from './history';

initI18n('en');
const t = i18n.getFixedT('en');

const lookups: HistoryLookups = {
  statuses: new Map([
    ['s1', 'New lead'],
    ['s2', 'Offer sent'],
  ]),
  users: new Map([
    ['u1', 'Béla Nagy'],
    ['u2', 'Cecília Tóth'],
  ]),
  language: 'en',
};

const entry = (kind: string, action: string, entity: string, changes: Record<string, unknown>) => ({
  __typename: 'HistoryEntry' as const,
  id: '1',
  at: '2026-03-01T10:00:00.000Z',
  action,
  entity,
  entityId: 'x',
  kind: kind as never,
  changes,
  actor: { __typename: 'UserRef' as const, id: 'u1', name: 'Béla Nagy' },
});

describe('describeHistoryEntry', () => {
  it('turns status ids into the pipeline’s status names', () => {
    const described = describeHistoryEntry(entry('STATUS', 'move', 'card', { statusId: ['s1', 's2'] }), t, lookups);
    expect(described.summary).toBe('changed the status');
    expect(described.changes).toEqual([{ key: 'statusId', label: 'Status', from: 'New lead', to: 'Offer sent' }]);
  });

  it('turns owner ids into user names and an empty side into a dash', () => {
    const described = describeHistoryEntry(entry('OWNER', 'mass_update', 'card', { ownerId: [null, 'u2'] }), t, lookups);
    expect(described.changes).toEqual([{ key: 'ownerId', label: 'Owner', from: '—', to: 'Cecília Tóth' }]);
  });

  it('names custom fields by label and formats money', () => {
    const described = describeHistoryEntry(
      entry('FIELD', 'update', 'card', { 'field:Budget': [null, { amount: 1500, currency: 'EUR' }], 'field:Tier': ['Silver', 'Gold'] }),
      t,
      lookups,
    );
    expect(described.summary).toBe('changed 2 fields');
    expect(described.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Budget: — → €1,500.00', 'Tier: Silver → Gold']);
  });

  it('says which todo was done', () => {
    const described = describeHistoryEntry(entry('TODO_DONE', 'todo_done', 'todo', { title: ['Call', 'Call'], doneAt: [null, '2026-03-01T10:00:00Z'] }), t, lookups);
    expect(described).toEqual({ summary: 'completed the todo “Call”', changes: [] });
  });
});
