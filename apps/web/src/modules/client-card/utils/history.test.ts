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

  it('reads automation steps as sentences, with the reason a step was skipped', () => {
    const step = (action: string, result: unknown) =>
      describeHistoryEntry(entry('OTHER', action, 'automation', { automation: [null, 'Onboarding'], step: [null, 3], result: [null, result] }), t, lookups);
    expect(step('step_done', { todoId: 't1' })).toEqual({ summary: 'Automation “Onboarding”, step 3: todo created', changes: [] });
    expect(step('step_done', { mailIds: ['m1'] })).toEqual({
      summary: 'Automation “Onboarding”, step 3: email queued',
      changes: [],
      mail: { kind: 'sent', id: 'm1' },
    });
    expect(step('step_skipped', { code: 'NO_RECIPIENT' }).summary).toBe('Automation “Onboarding”, step 3: skipped: No recipient with an email address.');
    expect(step('step_skipped', { code: 'MISSING_VALUES', params: { missing: ['contact.firstName', 'card.value'] } }).summary).toBe(
      'Automation “Onboarding”, step 3: skipped: No value for contact.firstName, card.value.',
    );
    expect(step('step_failed', { code: 'CARD_GONE' }).summary).toBe('Automation “Onboarding”, step 3: failed: The card was deleted for good.');
    expect(step('step_failed', null).summary).toBe('Automation “Onboarding”, step 3: failed');
  });

  it('lets sent and received emails be opened', () => {
    const sent = describeHistoryEntry(entry('EMAIL', 'queued', 'email', { subject: [null, 'Offer'], to: [null, ['a@b.hu']] }), t, lookups);
    expect(sent.mail).toEqual({ kind: 'sent', id: 'x', subject: 'Offer' });
    const received = describeHistoryEntry(entry('EMAIL', 'received', 'email', { subject: [null, 'Re: Offer'], from: [null, 'a@b.hu'] }), t, lookups);
    expect(received.summary).toBe('received an email from a@b.hu');
    expect(received.changes).toEqual([{ key: 'subject', label: 'Subject', from: '', to: 'Re: Offer' }]);
    expect(received.mail).toEqual({ kind: 'received', id: 'x', subject: 'Re: Offer' });
  });

  it('says which todo was done', () => {
    const described = describeHistoryEntry(entry('TODO_DONE', 'todo_done', 'todo', { title: ['Call', 'Call'], doneAt: [null, '2026-03-01T10:00:00Z'] }), t, lookups);
    expect(described).toEqual({ summary: 'completed the todo “Call”', changes: [] });
  });
});
