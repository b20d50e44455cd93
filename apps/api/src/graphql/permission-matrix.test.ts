// The permission matrix: every Query and Mutation field of the committed schema, called as
// anonymous, Restricted, Normal and Manager (Normal and Manager in a Hungarian department), with
// the ids of objects these callers may not see (another owner's card of a Polish client). What each
// caller must get is written down in permission-matrix.table.ts; an operation missing there fails.
import { Contact, Deal, Document, InboundMail, Note, OutboxMail, Todo, User, View } from '@crm/db';
import { Role } from '@crm/shared';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLOutputType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { buildCards, buildLabels, buildPipeline } from '../testing/factories';
import { startTestApi, TestApi } from '../testing/api';
import { ARGUMENTS, CALLERS, Caller, expectedOutcome, MATRIX, MIN_OPERATIONS, Outcome } from './permission-matrix.table';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
// Queries first, then mutations, those that remove things last (the fixtures serve the others first).
const removes = (name: string) => /^(delete|purge|archive|dismiss|merge)/.test(name);
const operations = (['Query', 'Mutation'] as const)
  .flatMap((kind) => {
    const type = kind === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(type.getFields()).map((field) => ({ kind, field, name: `${kind}.${field.name}` }));
  })
  .sort((a, b) => Number(a.kind === 'Mutation') - Number(b.kind === 'Mutation') || Number(removes(a.field.name)) - Number(removes(b.field.name)));

/** Ids the arguments get: objects hidden from every caller, and everyday objects anyone may name. */
type Ids = Record<string, string>;

/** The id an argument or input field of this name gets (`id` is read from the operation's name). */
function idFor(ids: Ids, operation: string, name: string): string {
  const byName: Record<string, string> = {
    cardId: 'card', afterCardId: 'card', beforeCardId: 'card', cardIds: 'card',
    clientId: 'client', primaryId: 'client', mergeIds: 'client', otherIds: 'client',
    contactId: 'contact', contactIds: 'contact',
    pipelineId: 'pipeline', statusId: 'status', statusIds: 'status', triggerStatusId: 'status',
    fieldId: 'field', fieldIds: 'field', customFieldId: 'field',
    viewId: 'view', triggerViewId: 'view', emailTemplateId: 'emailTemplate', todoTemplateId: 'todoTemplate', automationId: 'automation',
    departmentId: 'department', departmentIds: 'department', categoryId: 'category', tagId: 'tag', addTagId: 'tag', addCategoryId: 'category', classificationId: 'department',
    ownerId: 'user', ownerIds: 'user', assigneeId: 'user', senderUserId: 'user', recipientUserId: 'user', userId: 'user',
  };
  if (byName[name]) return ids[byName[name]];
  if (name === 'id') {
    // The object the operation is about, by the words of its name (longest first).
    const words: Array<[RegExp, string]> = [
      [/InboundMail/i, 'inboundMail'], [/Mail$/i, 'mail'], [/TodoTemplate/i, 'todoTemplate'], [/EmailTemplate/i, 'emailTemplate'], [/CustomField/i, 'field'],
      [/Card/i, 'card'], [/Client/i, 'client'], [/Contact/i, 'contact'], [/Deal/i, 'deal'], [/Document/i, 'document'], [/Note/i, 'note'],
      [/Todo/i, 'todo'], [/View/i, 'view'], [/Automation/i, 'automation'], [/User/i, 'user'], [/Pipeline/i, 'pipeline'], [/Status/i, 'status'],
      [/Label/i, 'department'], [/Trash/i, 'client'],
    ];
    const hit = words.find(([re]) => re.test(operation.split('.')[1]));
    if (hit) return ids[hit[1]];
  }
  return ids.missing;
}

/** A value of an input type, made from the schema (required fields only), named ids filled in. */
function valueFor(ids: Ids, operation: string, name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return valueFor(ids, operation, name, type.ofType);
  if (isListType(type)) return [valueFor(ids, operation, name, type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()) as GraphQLInputField[]) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(ids, operation, f.name, f.type);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idFor(ids, operation, name);
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTimeISO':
        return new Date().toISOString();
      case 'JSONObject':
        return {};
      default:
        return /email/i.test(name) ? 'matrix@example.com' : /currency/i.test(name) ? 'EUR' : /date/i.test(name) ? '2026-11-30' : /password/i.test(name) ? 'password123' : 'Matrix';
    }
  }
  return null;
}

/** Every field of the result a few levels down (those that need no arguments), so a leak would show. */
function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isCompositeType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return ' { __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (!isCompositeType(getNamedType(f.type))) parts.push(f.name);
    else if (depth < 3) parts.push(`${f.name}${selectionFor(f.type, depth + 1)}`);
  }
  return ` { ${parts.join(' ')} }`;
}

/** The document and variables of one call: every argument a variable, the result as __typename. */
function call(ids: Ids, op: (typeof operations)[number]) {
  const override = ARGUMENTS[op.name];
  const args = op.field.args as readonly GraphQLArgument[];
  const vars: Record<string, unknown> = {};
  const decl: string[] = [];
  const pass: string[] = [];
  for (const a of args) {
    const given = override?.(ids)?.[a.name];
    const value = given !== undefined ? given : isNonNullType(a.type) || a.name === 'id' ? valueFor(ids, op.name, a.name, a.type) : undefined;
    if (value === undefined) continue;
    vars[a.name] = value;
    decl.push(`$${a.name}: ${a.type.toString()}`);
    pass.push(`${a.name}: $${a.name}`);
  }
  const selection = selectionFor((op.field as GraphQLField<unknown, unknown>).type, 1);
  const keyword = op.kind === 'Query' ? 'query' : 'mutation';
  const query = `${keyword}${decl.length ? `(${decl.join(', ')})` : ''} { ${op.field.name}${pass.length ? `(${pass.join(', ')})` : ''}${selection} }`;
  return { query, vars };
}

/** What a caller got, in the table's words. */
function outcomeOf(res: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, any> }> }): Outcome {
  const code = res.errors?.[0]?.extensions?.code as string | undefined;
  if (!code) return 'OK';
  return code as Outcome;
}

describe('the permission matrix', () => {
  let api: TestApi;
  let ids: Ids;
  let users: Record<Exclude<Caller, 'anonymous'>, User & { password: string }>;
  const cookies: Partial<Record<Caller, string | null>> = { anonymous: null };

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const hu = (await buildLabels(ds)).department;
    const labels = await buildLabels(ds);
    const pl = labels.department;
    const other = await api.buildUser({ role: Role.Normal });
    users = {
      RESTRICTED: await api.buildUser({ role: Role.Restricted }),
      NORMAL: await api.buildUser({ role: Role.Normal }),
      MANAGER: await api.buildUser({ role: Role.Manager }),
    };
    for (const [caller, user] of Object.entries(users)) {
      await ds.createQueryBuilder().relation(User, 'departments').of(user).add(hu);
      cookies[caller as Caller] = await api.login(user.email, user.password);
    }
    const { pipeline, statuses } = await buildPipeline(ds);
    // The hidden object of every kind: another owner's card of a Polish client.
    const [card] = await buildCards(ds, [{ status: statuses[0], ownerId: other.id, departmentId: pl.id, name: 'Kraków Hidden SA', emails: ['biuro@krakow-hidden.pl'] }]);
    await ds.query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [other.id, card.clientId]);
    const contact = await ds.getRepository(Contact).save({ clientId: card.clientId, name: 'Jan Hidden', emails: ['jan@krakow-hidden.pl'], phones: [], isPrimary: true });
    const deal = await ds.getRepository(Deal).save({ clientId: card.clientId, cardId: card.id, title: 'Hidden deal', amount: '100', currency: 'PLN', date: '2026-11-01', state: 'OPEN' });
    const document = await ds.getRepository(Document).save({ clientId: card.clientId, pipelineId: pipeline.id, name: 'hidden.pdf', mimeType: 'application/pdf', size: '10', storageKey: 'documents/hidden' });
    const note = await ds.getRepository(Note).save({ cardId: card.id, clientId: card.clientId, authorId: other.id, body: 'Hidden note' });
    const todo = await ds.getRepository(Todo).save({ cardId: card.id, title: 'Hidden todo', assigneeId: other.id, deadline: new Date() });
    const mail = await ds.getRepository(OutboxMail).save({
      idempotencyKey: 'matrix-hidden', cardId: card.id, clientId: card.clientId, fromAddress: 'other@example.com', fromName: 'Other', toAddresses: ['jan@krakow-hidden.pl'],
      subject: 'Hidden', html: '<p>Hidden</p>', text: 'Hidden', status: 'FAILED', messageId: '<matrix-hidden@crm.local>',
    });
    const inbound = await ds.getRepository(InboundMail).save({ messageId: '<matrix-in@krakow-hidden.pl>', fromAddress: 'jan@krakow-hidden.pl', toAddresses: ['sales@example.com'], subject: 'Hidden reply', text: 'Hidden', kind: 'REPLY', clientId: card.clientId, contactId: contact.id, receivedAt: new Date() });
    const view = await ds.getRepository(View).save({ name: 'Other’s private view', kind: 'BOARD', pipelineId: pipeline.id, ownerId: other.id, shared: false, filter: {}, columns: [], sort: null });
    const [{ id: field }] = await ds.query(`INSERT INTO custom_fields (pipeline_id, label, kind, options, required, position) VALUES ($1, 'Matrix', 'TEXT', '{}', false, 0) RETURNING id`, [pipeline.id]);
    const [{ id: emailTemplate }] = await ds.query(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'Matrix', 'Hello', 'Hello') RETURNING id`, [pipeline.id]);
    const [{ id: todoTemplate }] = await ds.query(`INSERT INTO todo_templates (pipeline_id, title, deadline_offset_days) VALUES ($1, 'Matrix', 1) RETURNING id`, [pipeline.id]);
    const [{ id: automation }] = await ds.query(`INSERT INTO automations (pipeline_id, name, trigger_kind, trigger_status_id, mode, created_by_id) VALUES ($1, 'Matrix', 'STATUS', $2, 'CONTINUOUS', $3) RETURNING id`, [pipeline.id, statuses[0].id, other.id]);
    ids = {
      card: card.id, client: card.clientId, contact: contact.id, deal: deal.id, document: document.id, note: note.id, todo: todo.id, mail: mail.id, inboundMail: inbound.id, view: view.id,
      pipeline: pipeline.id, status: statuses[1].id, field, emailTemplate, todoTemplate, automation, department: pl.id, category: labels.category.id, tag: labels.tag.id, user: other.id,
      missing: '00000000-0000-4000-8000-000000000000',
    };
  });
  afterAll(() => api.close());

  it('has an entry for every operation of the schema', () => {
    const missing = operations.map((o) => o.name).filter((name) => !MATRIX[name]);
    // Add a row to apps/api/src/graphql/permission-matrix.table.ts for each of these:
    expect({ operationsWithoutAnEntry: missing }).toEqual({ operationsWithoutAnEntry: [] });
    const stale = Object.keys(MATRIX).filter((name) => !operations.some((o) => o.name === name));
    expect({ entriesWithoutAnOperation: stale }).toEqual({ entriesWithoutAnOperation: [] });
    expect(operations.length).toBeGreaterThanOrEqual(MIN_OPERATIONS);
  });

  it('gives every caller what the table says, and never data about what they may not see', async () => {
    // What no caller may ever read: the hidden objects' ids and the hidden client's name and addresses.
    const hiddenKinds = ['card', 'client', 'contact', 'deal', 'document', 'note', 'todo', 'mail', 'inboundMail', 'view'];
    const markers = [...hiddenKinds.map((k) => ids[k]), 'Kraków Hidden', 'krakow-hidden'];
    const wrong: string[] = [];
    const draft: string[] = [];
    let walked = 0;
    for (const op of operations) {
      const entry = MATRIX[op.name];
      if (!entry) continue;
      walked += 1;
      const { query, vars } = call(ids, op);
      for (const caller of CALLERS) {
        const expected = expectedOutcome(entry, caller);
        const cookie = entry.endsSession && caller !== 'anonymous' ? await api.login(users[caller].email, users[caller].password) : cookies[caller];
        const res = await api.gql(query, vars, cookie);
        const got = outcomeOf(res);
        const leaked = markers.filter((m) => JSON.stringify(res.data ?? null).includes(m));
        if (leaked.length) wrong.push(`${op.name} as ${caller}: answered with hidden data (${leaked.join(', ')})`);
        if (process.env.MATRIX_DRAFT) draft.push(`${op.name} ${caller} ${got} ${got === 'OK' ? '' : res.errors?.[0]?.message}`);
        const fine = expected === 'ALLOWED' ? !['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'].includes(got) : got === expected;
        if (!fine) wrong.push(`${op.name} as ${caller}: expected ${expected}, got ${got}`);
      }
    }
    if (process.env.MATRIX_DRAFT) console.log(draft.join('\n'));
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThanOrEqual(MIN_OPERATIONS);
  }, 60_000);
});
