import { ClientType, positionsBetween, Role, StatusKind } from '@crm/shared';
import { DataSource, EntityManager } from 'typeorm';
import { activateAutomation } from '../automation/engine';
import { Automation, AutomationStep, Card, Category, Classification, Client, Contact, Department, EmailTemplate, Pipeline, Status, Tag, Todo, TodoTemplate, User } from '../entities';
import { envTimeZone } from '../organisation/settings';
import { hashPassword } from '../services/passwords';
import { demoFakers, DemoFaker } from './fakers';
import { seedHistory } from './history';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; locale: string }> = [
  { email: 'admin@example.com', name: 'Eszter Admin', role: Role.Admin, locale: 'en' },
  { email: 'manager@example.com', name: 'Márton Manager', role: Role.Manager, locale: 'en' },
  { email: 'sales@example.com', name: 'Zofia Sales', role: Role.Normal, locale: 'en' },
  { email: 'restricted@example.com', name: 'Juraj Restricted', role: Role.Restricted, locale: 'en' },
];

const PIPELINES: ReadonlyArray<{ name: string; share: number; statuses: Array<[string, StatusKind, string]> }> = [
  {
    name: 'Sales',
    share: 1,
    statuses: [
      ['New lead', StatusKind.Open, '#64748b'],
      ['Contacted', StatusKind.Open, '#0ea5e9'],
      ['Meeting', StatusKind.Open, '#6366f1'],
      ['Proposal', StatusKind.Open, '#a855f7'],
      ['Negotiation', StatusKind.Open, '#f59e0b'],
      ['Won', StatusKind.Won, '#16a34a'],
      ['Lost', StatusKind.Lost, '#dc2626'],
    ],
  },
  {
    name: 'Support',
    share: 0.3,
    statuses: [
      ['New request', StatusKind.Open, '#64748b'],
      ['In progress', StatusKind.Open, '#0ea5e9'],
      ['Waiting for client', StatusKind.Open, '#f59e0b'],
      ['Solved', StatusKind.Won, '#16a34a'],
      ['Closed', StatusKind.Lost, '#dc2626'],
    ],
  },
];

/** Win probabilities of the Sales pipeline's open statuses (percent), which weigh the Reports forecast. */
const PROBABILITIES: Record<string, number> = { 'New lead': 10, Contacted: 20, Meeting: 40, Proposal: 60, Negotiation: 80 };

const COUNTRY_DEPARTMENTS: Record<DemoFaker['country'], string> = { HU: 'Hungary', PL: 'Poland', SK: 'Slovakia' };
const CATEGORIES: Array<[string, string]> = [['Retail', '#0ea5e9'], ['Wholesale', '#6366f1'], ['Partner', '#16a34a'], ['Public sector', '#f59e0b']];
const CLASSIFICATIONS = ['VIP', 'Fleet', 'Key account'];
const TAGS = ['Hot', 'Newsletter', 'Referral', 'Trade fair 2026'];
const TODO_TITLES = ['Call back', 'Send the offer', 'Prepare the contract', 'Follow up on the quote', 'Book a meeting', 'Check the payment', 'Send the invoice', 'Product demo'];
const CURRENCIES: Record<DemoFaker['country'], string> = { HU: 'HUF', PL: 'PLN', SK: 'EUR' };

/** Creates the admin named by ADMIN_EMAIL/ADMIN_PASSWORD unless a user with that email exists. */
export async function ensureAdmin(ds: DataSource, email: string, password: string, name = 'Administrator'): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  if (await ds.getRepository(User).existsBy({ email: normalized })) return false;
  const result = await ds
    .createQueryBuilder()
    .insert()
    .into(User)
    .values({ email: normalized, name, role: Role.Admin, passwordHash: await hashPassword(password) })
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length > 0;
}

export interface SeedOptions {
  clients?: number;
  /** For repeatable data; the default seed gives the same demo every time. */
  seed?: number;
  now?: Date;
}

/**
 * Seeds the demo organisation into an empty database (returns false and does nothing otherwise):
 * the four demo users and a few salespeople, a Sales and a Support pipeline, clients with
 * Hungarian, Polish and Slovak names, their contacts, cards and todos due overdue, today and later,
 * and the history behind them (status changes, todos done, mails, replies, notes) for the reports.
 */
export async function seedDemoData(ds: DataSource, options: SeedOptions = {}): Promise<boolean> {
  const clientCount = options.clients ?? 2000;
  const now = options.now ?? new Date();
  const fakers = demoFakers(options.seed ?? 20261124);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const seeded = await ds.transaction(async (em) => {
    // Serialise concurrent first starts (two API processes): only one seeds.
    await em.query('SELECT pg_advisory_xact_lock(7426001)');
    if ((await em.getRepository(User).count()) > 0) return false;

    const users = await insertAll(em, User, [
      ...DEMO_USERS.map((u) => ({ ...u, passwordHash })),
      ...fakers.map((f) => {
        const first = f.faker.person.firstName();
        const last = f.faker.person.lastName();
        return { email: `${slug(first)}.${slug(last)}@example.com`, name: `${first} ${last}`, role: Role.Normal, locale: 'en', passwordHash };
      }),
    ]);
    const owners = users.filter((u) => u.role !== Role.Admin);

    const departments = await insertAll(em, Department, Object.values(COUNTRY_DEPARTMENTS).map((name) => ({ name })));
    const departmentOf = (country: DemoFaker['country']) => departments.find((d) => d.name === COUNTRY_DEPARTMENTS[country])!;
    // The salespeople work in their country's team; sales@ in Hungary, restricted@ in Slovakia.
    const memberships: Array<[User, Department]> = [
      [users.find((u) => u.email === 'sales@example.com')!, departmentOf('HU')],
      [users.find((u) => u.email === 'restricted@example.com')!, departmentOf('SK')],
      ...fakers.map((f, i): [User, Department] => [users[DEMO_USERS.length + i], departmentOf(f.country)]),
    ];
    for (const [user, department] of memberships) await em.createQueryBuilder().relation(User, 'departments').of(user).add(department);
    const categories = await insertAll(em, Category, CATEGORIES.map(([name, color]) => ({ name, color })));
    const classifications = await insertAll(em, Classification, CLASSIFICATIONS.map((name) => ({ name })));
    const tags = await insertAll(em, Tag, TAGS.map((name) => ({ name, nameKey: name.toLowerCase() })));

    const pipelines: Array<{ pipeline: Pipeline; statuses: Status[]; share: number }> = [];
    for (const [i, p] of PIPELINES.entries()) {
      const [pipeline] = await insertAll(em, Pipeline, [{ name: p.name, position: i }]);
      const statuses = await insertAll(
        em,
        Status,
        p.statuses.map(([name, kind, color], position) => ({ pipelineId: pipeline.id, name, kind, color, position, probability: p.name === 'Sales' ? (PROBABILITIES[name] ?? null) : null })),
      );
      pipelines.push({ pipeline, statuses, share: p.share });
    }

    const clients: Array<Partial<Client>> = [];
    const contacts: Array<Partial<Contact>> = [];
    const clientFaker: DemoFaker[] = [];
    for (let i = 0; i < clientCount; i++) {
      const f = fakers[i % fakers.length];
      const { faker } = f;
      const isCompany = faker.number.float() < 0.85;
      const companyName = faker.company.name();
      const domain = isCompany ? `${slug(companyName).slice(0, 40)}.${f.tld}` : null;
      const person = { first: faker.person.firstName(), last: faker.person.lastName() };
      const mail = (first: string, last: string) =>
        domain ? `${slug(first)}.${slug(last)}@${domain}` : `${slug(first)}.${slug(last)}${faker.number.int(99)}@${f.freeMail}`;
      clients.push({
        type: isCompany ? ClientType.Company : ClientType.Person,
        name: isCompany ? companyName : `${person.first} ${person.last}`,
        emails: [isCompany ? `info@${domain}` : mail(person.first, person.last)],
        phones: [faker.phone.number()],
        address: `${faker.location.streetAddress()}, ${faker.location.zipCode()} ${faker.location.city()}`,
        taxId: isCompany ? f.taxId() : null,
        website: domain ? `https://www.${domain}` : null,
        domain,
        ownerId: faker.helpers.arrayElement(owners).id,
        departmentId: departmentOf(f.country).id,
        classificationId: faker.number.float() < 0.15 ? faker.helpers.arrayElement(classifications).id : null,
        createdAt: faker.date.recent({ days: 400, refDate: now }),
      });
      clientFaker.push(f);
    }
    const savedClients = await insertAll(em, Client, clients);
    savedClients.forEach((client, i) => {
      const { faker } = clientFaker[i];
      const n = client.type === ClientType.Company ? faker.number.int({ min: 1, max: 3 }) : 1;
      for (let c = 0; c < n; c++) {
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        contacts.push({
          clientId: client.id,
          name: client.type === ClientType.Company ? `${first} ${last}` : client.name,
          title: client.type === ClientType.Company ? faker.person.jobTitle() : null,
          emails: [client.domain ? `${slug(first)}.${slug(last)}@${client.domain}` : client.emails[0]],
          phones: [faker.phone.number()],
          isPrimary: c === 0,
        });
      }
    });
    await insertAll(em, Contact, contacts);
    const labelRows = (labels: Array<{ id: string }>, share: number) =>
      savedClients.flatMap((c) => (fakers[0].faker.number.float() < share ? [[c.id, fakers[0].faker.helpers.arrayElement(labels).id]] : []));
    const insertLinks = async (table: string, column: string, rows: string[][]) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        await em.query(`INSERT INTO ${table} (client_id, ${column}) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`, [batch.map((r) => r[0]), batch.map((r) => r[1])]);
      }
    };
    await insertLinks('client_categories', 'category_id', labelRows(categories, 0.6));
    await insertLinks('client_tags', 'tag_id', labelRows(tags, 0.3));

    const fakerOf = new Map(savedClients.map((c, i) => [c.id, clientFaker[i]]));
    const statusById = new Map(pipelines.flatMap((p) => p.statuses).map((s) => [s.id, s]));
    const random = fakers[0].faker;
    const cards: Array<Partial<Card>> = [];
    for (const { pipeline, statuses, share } of pipelines) {
      const members = savedClients.filter((_, i) => i < clientCount * share);
      // Most cards sit in the open statuses, a few are won or lost.
      const weights = statuses.map((s) => (s.kind === StatusKind.Open ? 3 : 1));
      const byStatus = new Map<string, Client[]>(statuses.map((s) => [s.id, []]));
      for (const client of members) {
        const status = random.helpers.weightedArrayElement(statuses.map((s, i) => ({ value: s, weight: weights[i] })));
        byStatus.get(status.id)!.push(client);
      }
      for (const status of statuses) {
        const column = byStatus.get(status.id)!;
        const keys = positionsBetween(null, null, column.length);
        column.forEach((client, i) => {
          const f = fakerOf.get(client.id)!;
          cards.push({
            clientId: client.id,
            pipelineId: pipeline.id,
            statusId: status.id,
            ownerId: random.number.float() < 0.1 ? null : client.ownerId,
            position: keys[i],
            value: pipeline.name === 'Sales' ? String(random.number.int({ min: 5, max: 500 }) * (f.country === 'HU' ? 10000 : 100)) : null,
            currency: CURRENCIES[f.country],
            createdAt: client.createdAt,
            statusChangedAt: random.date.between({ from: client.createdAt, to: now }),
            // Open sales cards expected to close within the next six months (spread without drawing from the seeded random).
            expectedCloseDate:
              pipeline.name === 'Sales' && status.kind === StatusKind.Open ? new Date(now.getTime() + (((cards.length * 37) % 180) + 3) * 86_400_000).toISOString().slice(0, 10) : null,
          });
        });
      }
    }
    const savedCards = await insertAll(em, Card, cards);

    const todos: Array<Partial<Todo>> = [];
    const day = 24 * 3600 * 1000;
    for (const card of savedCards) {
      const status = statusById.get(card.statusId)!;
      if (status.kind !== StatusKind.Open || random.number.float() < 0.2) continue;
      // Spread deadlines: a third overdue, some due later today, the rest in the coming weeks.
      const r = random.number.float();
      const deadline =
        r < 0.3
          ? new Date(now.getTime() - random.number.int({ min: 1, max: 20 * 24 }) * 3600 * 1000)
          : r < 0.45
            ? new Date(now.getTime() + random.number.int({ min: 5, max: 60 * 6 }) * 60 * 1000)
            : new Date(now.getTime() + random.number.int({ min: 1, max: 30 }) * day);
      todos.push({
        cardId: card.id,
        title: random.helpers.arrayElement(TODO_TITLES),
        assigneeId: card.ownerId ?? random.helpers.arrayElement(owners).id,
        deadline,
      });
    }
    await insertAll(em, Todo, todos);
    await seedHistory(em, savedCards, new Map(pipelines.map((p) => [p.pipeline.id, p.statuses])), owners, random, now);
    // Fresh tables have no statistics until autovacuum comes by: without them the first report
    // plans nested loops over the whole history (seconds instead of milliseconds).
    await em.query('ANALYZE');
    return await seedDemoAutomations(em, pipelines, users);
  });
  if (!seeded) return false;
  // The active sample enrols only cards that enter its status from now on (activation marks those
  // already there as excluded), so the demo sends nothing by itself.
  await activateAutomation(ds, seeded.activeId, now, { timeZone: envTimeZone(), messageDomain: 'crm.local' }, seeded.actingUserId);
  return true;
}

/**
 * Templates and two sample automations, so the Automations page shows what it does before anyone
 * builds one: a paused follow-up on Sales › Proposal, and an active nudge on the quiet Support ›
 * Waiting for client status (activated after the seed's transaction).
 */
async function seedDemoAutomations(em: EntityManager, pipelines: Array<{ pipeline: Pipeline; statuses: Status[] }>, users: User[]): Promise<{ activeId: string; actingUserId: string }> {
  const manager = users.find((u) => u.email === 'manager@example.com')!;
  const [sales, support] = pipelines;
  const status = (p: { statuses: Status[] }, name: string) => p.statuses.find((s) => s.name === name)!.id;
  const [proposalMail, nudgeMail] = await insertAll(em, EmailTemplate, [
    {
      pipelineId: sales.pipeline.id,
      name: 'Following up on our proposal',
      category: 'Sales',
      subject: 'Our proposal for {{client.name}}',
      body: 'Dear {{fallback contact.firstName "Partner"}},\n\nI am writing to ask whether you had a chance to look at our proposal. I am happy to walk you through it or to adjust it.\n\nBest regards,\n{{owner.name}}',
    },
    {
      pipelineId: support.pipeline.id,
      name: 'Any news on your request?',
      category: 'Support',
      subject: 'Your request: anything new?',
      body: 'Dear {{fallback contact.firstName "Customer"}},\n\nWe are waiting for your answer to continue with your request. Reply to this mail and we will pick it up at once.\n\nBest regards,\n{{owner.name}}',
    },
  ]);
  const [followUp, callBack] = await insertAll(em, TodoTemplate, [
    { pipelineId: sales.pipeline.id, title: 'Follow up on the proposal', text: 'Call the client and ask about the proposal.', deadlineOffsetDays: 1, deadlineTime: '10:00' },
    { pipelineId: support.pipeline.id, title: 'Call the client who has not answered', text: null, deadlineOffsetDays: 1, deadlineTime: '10:00' },
  ]);
  const [paused, active] = await insertAll(em, Automation, [
    {
      pipelineId: sales.pipeline.id, name: 'Proposal follow-up', triggerKind: 'STATUS', triggerStatusId: status(sales, 'Proposal'), mode: 'CONTINUOUS',
      onlyNew: true, stopOnReply: true, state: 'PAUSED', createdById: manager.id, actingUserId: manager.id,
    },
    {
      pipelineId: support.pipeline.id, name: 'Nudge a waiting client', triggerKind: 'STATUS', triggerStatusId: status(support, 'Waiting for client'), mode: 'CONTINUOUS',
      onlyNew: true, stopOnReply: true, state: 'DRAFT', createdById: manager.id,
    },
  ]);
  await insertAll(em, AutomationStep, [
    { automationId: paused.id, position: 0, kind: 'TODO_FOR_USER', delayDays: 2, todoTemplateId: followUp.id, recipient: 'OWNER' },
    { automationId: paused.id, position: 1, kind: 'EMAIL_TO_CONTACT', delayDays: 5, hour: 9, emailTemplateId: proposalMail.id, recipient: 'PRIMARY_CONTACT', sender: 'OWNER' },
    { automationId: active.id, position: 0, kind: 'EMAIL_TO_CONTACT', delayDays: 3, hour: 9, emailTemplateId: nudgeMail.id, recipient: 'PRIMARY_CONTACT', sender: 'OWNER' },
    { automationId: active.id, position: 1, kind: 'TODO_FOR_USER', delayDays: 7, todoTemplateId: callBack.id, recipient: 'OWNER' },
  ]);
  return { activeId: active.id, actingUserId: manager.id };
}

/** Inserts rows in batches (one statement per 1,000 rows) and returns them with their generated ids. */
async function insertAll<T extends object>(em: EntityManager, entity: new () => T, rows: Array<Partial<T>>): Promise<T[]> {
  const saved: T[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const result = await em.createQueryBuilder().insert().into(entity).values(batch as never).returning('*').execute();
    batch.forEach((row, j) => saved.push(Object.assign(new entity(), row, mapRaw(em, entity, result.raw[j]))));
  }
  return saved;
}

function mapRaw<T>(em: EntityManager, entity: new () => T, raw: Record<string, unknown>): Partial<T> {
  const meta = em.connection.getMetadata(entity);
  const out: Record<string, unknown> = {};
  for (const col of meta.columns) if (col.databaseName in raw) out[col.propertyName] = raw[col.databaseName];
  return out as Partial<T>;
}

/** ASCII slug: "Kovács és Társa Kft." -> "kovacs-es-tarsa-kft". */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
