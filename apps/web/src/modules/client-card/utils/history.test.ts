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

const entry = (kind: string, action: string, entity: string, changes: Record<string, unknown>, names: Record<string, unknown> = {}) => ({
  __typename: 'HistoryEntry' as const,
  id: '1',
  at: '2026-03-01T10:00:00.000Z',
  action,
  entity,
  entityId: 'x',
  kind: kind as never,
  changes,
  names,
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
    // A copy from the user's synced Sent folder: opens in the incoming-mail viewer (it is stored with incoming mail).
    const copy = describeHistoryEntry(entry('EMAIL', 'sent', 'email', { subject: [null, 'Our offer'], to: [null, ['a@b.hu', 'c@b.hu']] }), t, lookups);
    expect(copy.summary).toBe('sent an email to a@b.hu, c@b.hu from their mailbox');
    expect(copy.mail).toEqual({ kind: 'received', id: 'x', subject: 'Our offer' });
  });

  it('says which todo was done', () => {
    const described = describeHistoryEntry(entry('TODO_DONE', 'todo_done', 'todo', { title: ['Call', 'Call'], doneAt: [null, '2026-03-01T10:00:00Z'] }), t, lookups);
    expect(described).toEqual({ summary: 'completed the todo “Call”', changes: [] });
  });

  it('shows the names stored with the entry (as they were then), not today’s names or ids', () => {
    const described = describeHistoryEntry(
      entry('FIELD', 'update', 'client', { tagIds: [['38b6d06e-0000-4000-8000-000000000001'], ['38b6d06e-0000-4000-8000-000000000001', '411f9665-0000-4000-8000-000000000002']], classificationId: [null, '45522f06-0000-4000-8000-000000000003'] }, { tagIds: [['VIP'], ['VIP', 'Fleet']], classificationId: [null, 'Key account'] }),
      t,
      { ...lookups, labels: new Map([['38b6d06e-0000-4000-8000-000000000001', 'Renamed since']]) },
    );
    expect(described.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Tags: VIP → VIP, Fleet', 'Classification: — → Key account']);
  });

  it('reads older entries that only have ids through today’s names, and a removed label as such', () => {
    const described = describeHistoryEntry(
      entry('FIELD', 'update', 'client', { tagIds: [[], ['38b6d06e-0000-4000-8000-000000000001', '411f9665-0000-4000-8000-000000000002']] }),
      t,
      { ...lookups, labels: new Map([['38b6d06e-0000-4000-8000-000000000001', 'VIP']]) },
    );
    expect(described.changes).toEqual([{ key: 'tagIds', label: 'Tags', from: '—', to: 'VIP, a removed label' }]);
  });

  it('says a status, owner and value change on the card in one entry', () => {
    const described = describeHistoryEntry(
      entry('STATUS', 'update', 'card', { statusId: ['s1', 's2'], ownerId: [null, 'u9'], value: [null, { amount: 1250000.5, currency: 'HUF' }] }, { statusId: ['Lead', 'Offer'], ownerId: [null, 'Olga Owner'] }),
      t,
      lookups,
    );
    expect(described.summary).toBe('changed the card');
    expect(described.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Status: Lead → Offer', 'Owner: — → Olga Owner', 'Value: — → HUF\u00a01,250,000.50']);
  });

  it('puts settings changes in words for the audit log (no custom_field, SELECT or en → hu)', () => {
    const field = describeHistoryEntry(entry('OTHER', 'create', 'custom_field', { label: [null, 'Fleet size'], kind: [null, 'SELECT'] }), t, lookups);
    expect(field.summary).toBe('Created · Custom field');
    expect(field.changes.map((c) => `${c.label}: ${c.to}`)).toEqual(['Label: Fleet size', 'Type: Single choice']);
    const user = describeHistoryEntry(entry('OTHER', 'update', 'user', { locale: ['en', 'hu'], role: ['NORMAL', 'MANAGER'] }), t, lookups);
    expect(user.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Language: English → Hungarian', 'Role: Normal → Manager']);
    const status = describeHistoryEntry(entry('OTHER', 'create', 'status', { name: [null, 'Won big'], kind: [null, 'WON'] }), t, lookups);
    expect(status.changes.map((c) => c.to)).toEqual(['Won big', 'Won']);
    const order = describeHistoryEntry(entry('OTHER', 'reorder', 'custom_field', { order: [['a', 'b'], ['b', 'a']] }), t, lookups);
    expect(order.changes).toEqual([{ key: 'order', label: 'Order', from: 'new order', to: 'new order' }]);
  });

  it('names a copied document, and an old copy without its name reads “copied a document”', () => {
    expect(describeHistoryEntry(entry('DOCUMENT', 'copy', 'document', { name: [null, 'Offer.pdf'], folder: [null, 'Contracts'], copiedFrom: ['d1', 'd2'] }), t, lookups).summary).toBe('copied “Offer.pdf”');
    expect(describeHistoryEntry(entry('DOCUMENT', 'create', 'document', { copiedFrom: ['d1', 'd2'] }), t, lookups).summary).toBe('copied a document');
  });

  it('reads in Hungarian too', () => {
    const hu = i18n.getFixedT('hu');
    const described = describeHistoryEntry(entry('STATUS', 'move', 'card', { statusId: ['s1', 's2'] }, { statusId: ['Új érdeklődő', 'Ajánlat'] }), hu, { ...lookups, language: 'hu' });
    expect(described.summary).toBe('módosította a státuszt');
    expect(described.changes).toEqual([{ key: 'statusId', label: 'Státusz', from: 'Új érdeklődő', to: 'Ajánlat' }]);
  });
});
