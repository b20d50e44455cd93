// Twelve months of demo history, so the Reports page means something on the first start: each
// card's way through its pipeline (as audit rows, which keep the status history), todos done,
// mails sent and client replies, notes. Written in a few set-based statements.
import { StatusKind } from '@crm/shared';
import type { Faker } from '@faker-js/faker';
import type { EntityManager } from 'typeorm';
import type { Card, Status, User } from '../entities';

const MAIL_SUBJECTS = ['Our offer', 'Meeting next week', 'The contract', 'Your question', 'Quote follow-up', 'Invoice'];
const NOTES = ['Called, will decide next week.', 'Asked for a discount.', 'Prefers email to calls.', 'Budget approved.', 'Meeting went well.'];
const DONE_TITLES = ['Call back', 'Send the offer', 'Book a meeting', 'Follow up on the quote', 'Send the invoice'];

export async function seedHistory(em: EntityManager, cards: Card[], statusesByPipeline: Map<string, Status[]>, owners: User[], random: Faker, now: Date): Promise<void> {
  const audit = { at: [] as Date[], actor: [] as (string | null)[], action: [] as string[], card: [] as string[], client: [] as string[], changes: [] as string[] };
  const todos = { card: [] as string[], title: [] as string[], assignee: [] as string[], deadline: [] as Date[], done: [] as Date[] };
  const mails = { card: [] as string[], client: [] as string[], subject: [] as string[], sent: [] as Date[], by: [] as string[], key: [] as string[] };
  const replies = { client: [] as string[], subject: [] as string[], at: [] as Date[], key: [] as string[] };
  const notes = { card: [] as string[], client: [] as string[], author: [] as string[], body: [] as string[], at: [] as Date[] };
  const between = (from: Date, to: Date) => new Date(from.getTime() + random.number.float() * Math.max(0, to.getTime() - from.getTime()));

  for (const card of cards) {
    const statuses = statusesByPipeline.get(card.pipelineId)!;
    const open = statuses.filter((s) => s.kind === StatusKind.Open);
    const current = statuses.find((s) => s.id === card.statusId)!;
    // The way in: the open statuses in order up to the current one (a won or lost card left from a random depth).
    const depth = current.kind === StatusKind.Open ? open.indexOf(current) + 1 : random.number.int({ min: 1, max: open.length });
    const path = [...open.slice(0, depth).map((s) => s.id), ...(current.kind === StatusKind.Open ? [] : [current.id])];
    // Some cards went back a step and forward again.
    if (path.length > 2 && random.number.float() < 0.1) path.splice(path.length - 1, 0, path[path.length - 3], path[path.length - 2]);
    const start = card.createdAt;
    const end = card.statusChangedAt > start ? card.statusChangedAt : start;
    const actor = card.ownerId ?? random.helpers.arrayElement(owners).id;
    path.forEach((statusId, i) => {
      audit.at.push(i === path.length - 1 ? end : new Date(start.getTime() + ((end.getTime() - start.getTime()) * i) / Math.max(1, path.length - 1)));
      audit.actor.push(actor);
      audit.action.push(i === 0 ? 'create' : 'move');
      audit.card.push(card.id);
      audit.client.push(card.clientId);
      audit.changes.push(JSON.stringify({ statusId: [i === 0 ? null : path[i - 1], statusId] }));
    });
    // Work done along the way.
    for (let i = random.number.int({ min: 0, max: 3 }); i > 0; i--) {
      const done = between(start, now);
      todos.card.push(card.id);
      todos.title.push(random.helpers.arrayElement(DONE_TITLES));
      todos.assignee.push(actor);
      todos.deadline.push(done);
      todos.done.push(done);
    }
    if (random.number.float() < 0.4) {
      const sent = between(start, now);
      mails.card.push(card.id);
      mails.client.push(card.clientId);
      mails.subject.push(random.helpers.arrayElement(MAIL_SUBJECTS));
      mails.sent.push(sent);
      mails.by.push(actor);
      mails.key.push(`demo-${card.id}`);
      if (random.number.float() < 0.5 && sent.getTime() + 86_400_000 < now.getTime()) {
        replies.client.push(card.clientId);
        replies.subject.push(`Re: ${mails.subject.at(-1)}`);
        replies.at.push(new Date(sent.getTime() + random.number.int({ min: 1, max: 48 }) * 3_600_000));
        replies.key.push(`<demo-reply-${card.id}@example.com>`);
      }
    }
    if (random.number.float() < 0.25) {
      notes.card.push(card.id);
      notes.client.push(card.clientId);
      notes.author.push(actor);
      notes.body.push(random.helpers.arrayElement(NOTES));
      notes.at.push(between(start, now));
    }
  }

  await em.query(
    `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, card_id, client_id, changes)
     SELECT at, actor, action, 'card', card, card, client, changes::jsonb FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[]) AS x(at, actor, action, card, client, changes)`,
    [audit.at, audit.actor, audit.action, audit.card, audit.client, audit.changes],
  );
  await em.query(
    `INSERT INTO todos (card_id, title, assignee_id, deadline, done_at, created_at)
     SELECT card, title, assignee, deadline, done, deadline - interval '2 days' FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS x(card, title, assignee, deadline, done)`,
    [todos.card, todos.title, todos.assignee, todos.deadline, todos.done],
  );
  await em.query(
    `INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, status, message_id, sent_at, created_by_id, created_at)
     SELECT x.key, x.card, x.client, u.email, u.name, cl.emails, x.subject, '<p>' || x.subject || '</p>', x.subject, 'SENT', '<' || x.key || '@crm.local>', x.sent, x.by, x.sent
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[]) AS x(card, client, subject, sent, by, key)
     JOIN users u ON u.id = x.by JOIN clients cl ON cl.id = x.client`,
    [mails.card, mails.client, mails.subject, mails.sent, mails.by, mails.key],
  );
  await em.query(
    `INSERT INTO inbound_mails (message_id, from_address, subject, text, kind, client_id, received_at)
     SELECT x.key, cl.emails[1], x.subject, 'Thank you, we will get back to you.', 'CLIENT', x.client, x.at
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS x(client, subject, at, key) JOIN clients cl ON cl.id = x.client`,
    [replies.client, replies.subject, replies.at, replies.key],
  );
  await em.query(
    `INSERT INTO notes (card_id, client_id, author_id, body, created_at, updated_at)
     SELECT card, client, author, body, at, at FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) AS x(card, client, author, body, at)`,
    [notes.card, notes.client, notes.author, notes.body, notes.at],
  );
}
