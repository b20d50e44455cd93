import { Todo, User } from '@crm/db';
import { DataSource, EntityManager } from 'typeorm';
import { badFields, notFound } from '../../graphql/errors';
import { visibleCard } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import type { TodoInput, TodoType } from './todo.types';

const SELECT = `SELECT t.id, t.card_id, t.title, t.text, t.deadline, t.done_at, t.created_at, u.id AS assignee_id, u.name AS assignee_name
  FROM todos t LEFT JOIN users u ON u.id = t.assignee_id`;

function toTodo(r: Record<string, any>): TodoType {
  return {
    id: r.id,
    cardId: r.card_id,
    title: r.title,
    text: r.text,
    deadline: r.deadline,
    doneAt: r.done_at,
    createdAt: r.created_at,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
  };
}

/** Todos on cards: open ones by deadline; done ones move to History. */
export class TodoService {
  constructor(private readonly ds: DataSource) {}

  async list(viewer: Viewer, cardId: string, done: boolean): Promise<TodoType[]> {
    await visibleCard(this.ds.manager, viewer, cardId);
    const rows = await this.ds.query(
      `${SELECT} WHERE t.card_id = $1 AND t.deleted_at IS NULL AND t.done_at IS ${done ? 'NOT NULL' : 'NULL'} ORDER BY ${done ? 't.done_at DESC' : 't.deadline'}`,
      [cardId],
    );
    return rows.map(toTodo);
  }

  private async get(em: EntityManager, id: string): Promise<TodoType> {
    const [row] = await em.query(`${SELECT} WHERE t.id = $1`, [id]);
    return toTodo(row);
  }

  /** The todo and its card, if the viewer may see the card. */
  private async visibleTodo(em: EntityManager, viewer: Viewer, id: string) {
    const todo = await em.getRepository(Todo).findOneBy({ id });
    if (!todo) throw notFound('Todo');
    const card = await visibleCard(em, viewer, todo.cardId);
    return { todo, card };
  }

  private async checkAssignee(em: EntityManager, assigneeId: string) {
    if (!(await em.getRepository(User).existsBy({ id: assigneeId, active: true }))) throw badFields('Choose an active user.', { assigneeId: { code: 'ACTIVE_USER', text: 'Choose an active user.' } });
  }

  async create(viewer: Viewer, cardId: string, input: TodoInput): Promise<TodoType> {
    return this.ds.transaction(async (em) => {
      const card = await visibleCard(em, viewer, cardId);
      const assigneeId = input.assigneeId ?? card.owner_id ?? viewer.id;
      await this.checkAssignee(em, assigneeId);
      const todo = await em.getRepository(Todo).save({ cardId, title: input.title.trim(), text: input.text?.trim() || null, assigneeId, deadline: input.deadline, createdById: viewer.id });
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'todo', entityId: todo.id, cardId, clientId: card.client_id, changes: { title: [null, todo.title], deadline: [null, todo.deadline], assigneeId: [null, assigneeId] } }]);
      return this.get(em, todo.id);
    });
  }

  async update(viewer: Viewer, id: string, input: TodoInput): Promise<TodoType> {
    return this.ds.transaction(async (em) => {
      const { todo, card } = await this.visibleTodo(em, viewer, id);
      const next = { title: input.title.trim(), text: input.text?.trim() || null, assigneeId: input.assigneeId ?? todo.assigneeId, deadline: input.deadline };
      if (next.assigneeId && next.assigneeId !== todo.assigneeId) await this.checkAssignee(em, next.assigneeId);
      const changes: Record<string, [unknown, unknown]> = {};
      if (next.title !== todo.title) changes.title = [todo.title, next.title];
      if (next.text !== todo.text) changes.text = [todo.text, next.text];
      if (next.assigneeId !== todo.assigneeId) changes.assigneeId = [todo.assigneeId, next.assigneeId];
      if (next.deadline.getTime() !== todo.deadline.getTime()) changes.deadline = [todo.deadline, next.deadline];
      if (Object.keys(changes).length) {
        await em.getRepository(Todo).update(id, next);
        await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'todo', entityId: id, cardId: card.id, clientId: card.client_id, changes }]);
      }
      return this.get(em, id);
    });
  }

  /** Marks a todo done (it moves to History) or open again. */
  async setDone(viewer: Viewer, id: string, done: boolean): Promise<TodoType> {
    return this.ds.transaction(async (em) => {
      const { todo, card } = await this.visibleTodo(em, viewer, id);
      if (!!todo.doneAt === done) return this.get(em, id);
      const doneAt = done ? new Date() : null;
      await em.getRepository(Todo).update(id, { doneAt });
      await em.query(`UPDATE cards SET updated_at = now() WHERE id = $1`, [card.id]); // its next todo changed
      await recordAudit(em, [{ actorId: viewer.id, action: done ? 'todo_done' : 'todo_reopened', entity: 'todo', entityId: id, cardId: card.id, clientId: card.client_id, changes: { title: [todo.title, todo.title], doneAt: [todo.doneAt, doneAt] } }]);
      return this.get(em, id);
    });
  }

  /** To the trash. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const { todo, card } = await this.visibleTodo(em, viewer, id);
      await em.getRepository(Todo).softDelete(id);
      await em.query(`UPDATE cards SET updated_at = now() WHERE id = $1`, [card.id]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'todo', entityId: id, cardId: card.id, clientId: card.client_id, changes: { title: [todo.title, null] } }]);
      return true;
    });
  }
}
