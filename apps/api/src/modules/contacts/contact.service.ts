import { Contact, loadNameOrder } from '@crm/db';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { notFound } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import type { ContactInput } from './contact.types';

/** People at a client; one of them may be the primary contact. */
export class ContactService {
  constructor(private readonly ds: DataSource) {}

  async list(viewer: Viewer, clientId: string): Promise<Contact[]> {
    await visibleClient(this.ds.manager, viewer, clientId);
    return this.ds
      .getRepository(Contact)
      .createQueryBuilder('ct')
      .where('ct.client_id = :clientId AND ct.deleted_at IS NULL', { clientId })
      .orderBy('ct.is_primary', 'DESC')
      .addOrderBy((await loadNameOrder(this.ds.manager))('lower(ct.name)'), 'ASC')
      .addOrderBy('ct.id', 'ASC')
      .getMany();
  }

  private async visible(em: EntityManager, viewer: Viewer, id: string): Promise<Contact> {
    const contact = await em.getRepository(Contact).findOneBy({ id });
    if (!contact) throw notFound('Contact');
    await visibleClient(em, viewer, contact.clientId);
    return contact;
  }

  private clean(input: ContactInput) {
    return { name: input.name.trim(), title: input.title?.trim() || null, emails: input.emails.map((e) => e.trim().toLowerCase()), phones: input.phones.map((p) => p.trim()) };
  }

  create(viewer: Viewer, clientId: string, input: ContactInput): Promise<Contact> {
    return this.ds.transaction(async (em) => {
      await visibleClient(em, viewer, clientId);
      const first = !(await em.getRepository(Contact).existsBy({ clientId, deletedAt: IsNull() }));
      const contact = await em.getRepository(Contact).save({ clientId, ...this.clean(input), isPrimary: first });
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'contact', entityId: contact.id, clientId, changes: { name: [null, contact.name] } }]);
      return contact;
    });
  }

  update(viewer: Viewer, id: string, input: ContactInput): Promise<Contact> {
    return this.ds.transaction(async (em) => {
      const before = await this.visible(em, viewer, id);
      const after = this.clean(input);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as Array<keyof typeof after>) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
      }
      await em.getRepository(Contact).update(id, after);
      if (Object.keys(changes).length) await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'contact', entityId: id, clientId: before.clientId, changes }]);
      return em.getRepository(Contact).findOneByOrFail({ id });
    });
  }

  setPrimary(viewer: Viewer, id: string): Promise<Contact> {
    return this.ds.transaction(async (em) => {
      const contact = await this.visible(em, viewer, id);
      await em.query(`UPDATE contacts SET is_primary = (id = $1) WHERE client_id = $2 AND deleted_at IS NULL`, [id, contact.clientId]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'contact', entityId: id, clientId: contact.clientId, changes: { isPrimary: [contact.isPrimary, true] } }]);
      return em.getRepository(Contact).findOneByOrFail({ id });
    });
  }

  delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const contact = await this.visible(em, viewer, id);
      await em.getRepository(Contact).update(id, { isPrimary: false });
      await em.getRepository(Contact).softDelete(id);
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'contact', entityId: id, clientId: contact.clientId, changes: { name: [contact.name, null] } }]);
      return true;
    });
  }
}
