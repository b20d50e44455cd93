import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CLIENTS = `query($sort: ClientSortInput) { clients(sort: $sort, page: { offset: 0, limit: 100 }) { items { name } } }`;
const CARDS = `query($pipelineId: ID!, $sort: CardSortInput) { cards(pipelineId: $pipelineId, sort: $sort, page: { offset: 0, limit: 100 }) { items { client { name } } } }`;

// Each language's alphabet: Hungarian Cs, Ö, Sz as letters of their own; Polish Ł, Ś, Ż; Slovak Č, Š and Ch after H.
const ORDER: Record<string, string[]> = {
  hu: ['Ádám Mészáros', 'Béla', 'Cecília', 'Csaba', 'Oszkár', 'Ödön', 'Sándor', 'Szűcs', 'Zoltán'],
  pl: ['Lucyna', 'Łukasz', 'Marek', 'Sebastian', 'Ściński', 'Zoltán', 'Żukowski'],
  sk: ['Cyril', 'Čierny', 'Hruška', 'Chalupa', 'Ivan', 'Sebastián', 'Šimon', 'Tomáš'],
};
const ALL = [...new Set(Object.values(ORDER).flat())];

const SET_LANGUAGE = `mutation($input: OrganisationSettingsInput!) { updateOrganisationSettings(input: $input) { language } }`;

describe('names sorted as the organisation’s language sorts them', () => {
  let api: TestApi;
  let pipelineId: string;
  const cookies: Record<string, string> = {};
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    pipelineId = pipeline.id;
    // Stored in reverse byte order so that no insertion order can pass for a sort.
    await buildCards(api.db.dataSource, [...ALL].sort().reverse().map((name) => ({ status: statuses[0], name })));
    const first = await api.buildUser({ role: Role.Admin, locale: 'en' });
    admin = await api.login(first.email, first.password);
    // Every reader gets the organisation's order, whatever their own UI language (an English-speaking Normal user here).
    const reader = await api.buildUser({ role: Role.Normal, locale: 'en' });
    const readerCookie = await api.login(reader.email, reader.password);
    for (const locale of ['en', 'hu', 'pl', 'sk']) cookies[locale] = readerCookie;
  });
  const setLanguage = async (language: string) => {
    const res = await api.gql(SET_LANGUAGE, { input: { timeZone: 'Europe/Budapest', language, defaultCountry: 'HU' } }, admin);
    expect(res.errors).toBeUndefined();
  };
  afterAll(() => api.close());

  const only = (names: string[], locale: string) => names.filter((name) => ORDER[locale].includes(name));

  it.each(['hu', 'pl', 'sk'])('the client list by name, in %s', async (locale) => {
    await setLanguage(locale);
    const asc = await api.gql(CLIENTS, { sort: { field: 'NAME', direction: 'ASC' } }, cookies[locale]);
    expect(asc.errors).toBeUndefined();
    expect(only(asc.data!.clients.items.map((c: { name: string }) => c.name), locale)).toEqual(ORDER[locale]);
    const desc = await api.gql(CLIENTS, { sort: { field: 'NAME', direction: 'DESC' } }, cookies[locale]);
    expect(only(desc.data!.clients.items.map((c: { name: string }) => c.name), locale)).toEqual([...ORDER[locale]].reverse());
    // The default order of the client list is by name too.
    const plain = await api.gql(CLIENTS, {}, cookies[locale]);
    expect(only(plain.data!.clients.items.map((c: { name: string }) => c.name), locale)).toEqual(ORDER[locale]);
  });

  it.each(['hu', 'pl', 'sk'])('the card list by client name, in %s', async (locale) => {
    await setLanguage(locale);
    const res = await api.gql(CARDS, { pipelineId, sort: { field: 'CLIENT_NAME', direction: 'ASC' } }, cookies[locale]);
    expect(res.errors).toBeUndefined();
    expect(only(res.data!.cards.items.map((c: { client: { name: string } }) => c.client.name), locale)).toEqual(ORDER[locale]);
  });

  it('one language’s order is not another’s: Slovak puts Chalupa after Hruška, Hungarian before it', async () => {
    const names = async (locale: string) => {
      await setLanguage(locale);
      return ((await api.gql(CLIENTS, { sort: { field: 'NAME', direction: 'ASC' } }, cookies[locale])).data!.clients.items as { name: string }[]).map((c) => c.name);
    };
    const sk = await names('sk');
    const hu = await names('hu');
    expect(sk.indexOf('Chalupa')).toBeGreaterThan(sk.indexOf('Hruška'));
    expect(hu.indexOf('Chalupa')).toBeLessThan(hu.indexOf('Hruška'));
  });

  it('until an admin saves a language, the first admin’s language when first read sorts, frozen then', async () => {
    await api.db.dataSource.query(`DELETE FROM organisation_settings`);
    const names = async () => ((await api.gql(CLIENTS, {}, cookies.en)).data!.clients.items as { name: string }[]).map((c) => c.name);
    // The first admin reads English: byte order puts Ádám after Zoltán.
    const en = await names();
    expect(en.indexOf('Ádám Mészáros')).toBeGreaterThan(en.indexOf('Zoltán'));
    // The default is frozen when first read: the admin switching their UI to Hungarian reorders nothing.
    await api.db.dataSource.query(`UPDATE users SET locale = 'hu' WHERE role = 'ADMIN'`);
    const after = await names();
    expect(after).toEqual(en);
    expect((await api.db.dataSource.query(`SELECT language FROM organisation_settings`))[0].language).toBe('en');
    // Started over with a Hungarian first admin, Hungarian is the default (and is frozen in turn).
    await api.db.dataSource.query(`DELETE FROM organisation_settings`);
    const hu = await names();
    expect(only(hu, 'hu')).toEqual(ORDER.hu);
    await api.db.dataSource.query(`UPDATE users SET locale = 'pl' WHERE role = 'ADMIN'`);
    expect(only(await names(), 'hu')).toEqual(ORDER.hu);
  });

  it('an index in the language’s collation serves the client list sorted by name', async () => {
    await setLanguage('pl');
    const plan = await api.db.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      return em.query(`EXPLAIN SELECT id FROM clients cl WHERE cl.deleted_at IS NULL ORDER BY lower(cl.name) COLLATE "pl-PL-x-icu", cl.id LIMIT 20`);
    });
    expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('clients_name_pl_idx');
  });
});

describe('labels and users sorted as the organisation’s language sorts them', () => {
  let api: TestApi;
  let admin: string;
  const LABELS = `query($kind: LabelKind!) { labels(kind: $kind) { name } }`;
  const USERS = `query { users { name } assignableUsers { name } }`;
  beforeAll(async () => {
    api = await startTestApi();
    const first = await api.buildUser({ role: Role.Admin, locale: 'en', name: '0 Admin' });
    admin = await api.login(first.email, first.password);
    for (const name of [...ALL].sort().reverse()) {
      for (const kind of ['TAG', 'CATEGORY', 'DEPARTMENT']) {
        const res = await api.gql(`mutation($input: LabelInput!) { createLabel(input: $input) { id } }`, { input: { kind, name } }, admin);
        expect(res.errors).toBeUndefined();
      }
      await api.buildUser({ name });
    }
  });
  afterAll(() => api.close());
  const setLanguage = async (language: string) => {
    const res = await api.gql(SET_LANGUAGE, { input: { timeZone: 'Europe/Budapest', language, defaultCountry: 'HU' } }, admin);
    expect(res.errors).toBeUndefined();
  };
  const only = (names: string[], locale: string) => names.filter((name) => ORDER[locale].includes(name));

  it.each(['hu', 'pl', 'sk'])('tags, categories and departments in %s', async (locale) => {
    await setLanguage(locale);
    for (const kind of ['TAG', 'CATEGORY', 'DEPARTMENT']) {
      const res = await api.gql(LABELS, { kind }, admin);
      expect(res.errors).toBeUndefined();
      expect(only(res.data!.labels.map((l: { name: string }) => l.name), locale)).toEqual(ORDER[locale]);
    }
  });

  it.each(['hu', 'pl', 'sk'])('users and assignable users in %s', async (locale) => {
    await setLanguage(locale);
    const res = await api.gql(USERS, {}, admin);
    expect(res.errors).toBeUndefined();
    expect(only(res.data!.users.map((u: { name: string }) => u.name), locale)).toEqual(ORDER[locale]);
    expect(only(res.data!.assignableUsers.map((u: { name: string }) => u.name), locale)).toEqual(ORDER[locale]);
  });

  it('English keeps byte order: Żukowski after Zoltán, Ádám after both', async () => {
    await setLanguage('en');
    const names = (await api.gql(LABELS, { kind: 'TAG' }, admin)).data!.labels.map((l: { name: string }) => l.name);
    expect(names.indexOf('Ádám Mészáros')).toBeGreaterThan(names.indexOf('Zoltán'));
  });
});
