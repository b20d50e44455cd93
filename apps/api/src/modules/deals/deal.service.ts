import { cardRecordVisibility, Deal, SqlParams } from '@crm/db';
import { DataSource, EntityManager, In } from 'typeorm';
import { notFound, refused } from '../../graphql/errors';
import { visibleCard, visibleClient } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import type { DealInput, DealState, DealType } from './deal.types';

const toDeal = (d: Deal): DealType => ({ ...d, amount: Number(d.amount), state: d.state as DealState });

/** Deals and payments of a client; reports read them. */
export class DealService {
  constructor(private readonly ds: DataSource) {}

  async list(viewer: Viewer, clientId: string): Promise<DealType[]> {
    await visibleClient(this.ds.manager, viewer, clientId);
    const p = new SqlParams();
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT d.id FROM deals d WHERE d.client_id = ${p.param(clientId)} AND d.deleted_at IS NULL AND ${cardRecordVisibility(viewer, p, () => 'hc.id = d.card_id')}`,
      p.values,
    );
    if (!rows.length) return [];
    return (await this.ds.getRepository(Deal).find({ where: { id: In(rows.map((r) => r.id)) }, order: { date: 'DESC', createdAt: 'DESC' } })).map(toDeal);
  }

  private async values(em: EntityManager, viewer: Viewer, clientId: string, input: DealInput) {
    if (input.cardId) {
      const card = await visibleCard(em, viewer, input.cardId);
      if (card.client_id !== clientId) throw refused('CARD_OF_OTHER_CLIENT', 'That card belongs to another client.');
    }
    return { title: input.title.trim(), amount: String(input.amount), currency: input.currency, date: input.date.slice(0, 10), state: input.state, cardId: input.cardId ?? null };
  }

  create(viewer: Viewer, clientId: string, input: DealInput): Promise<DealType> {
    return this.ds.transaction(async (em) => {
      await visibleClient(em, viewer, clientId);
      const deal = await em.getRepository(Deal).save({ clientId, createdById: viewer.id, ...(await this.values(em, viewer, clientId, input)) });
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'deal', entityId: deal.id, clientId, cardId: deal.cardId, changes: { amount: [null, deal.amount], state: [null, deal.state] } }]);
      return toDeal(await em.getRepository(Deal).findOneByOrFail({ id: deal.id }));
    });
  }

  update(viewer: Viewer, id: string, input: DealInput): Promise<DealType> {
    return this.ds.transaction(async (em) => {
      const before = await this.visible(em, viewer, id);
      const after = await this.values(em, viewer, before.clientId, input);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as Array<keyof typeof after>) if (String(before[key]) !== String(after[key])) changes[key] = [before[key], after[key]];
      await em.getRepository(Deal).update(id, after);
      if (Object.keys(changes).length) await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'deal', entityId: id, clientId: before.clientId, cardId: after.cardId, changes }]);
      return toDeal(await em.getRepository(Deal).findOneByOrFail({ id }));
    });
  }

  delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const deal = await this.visible(em, viewer, id);
      await em.getRepository(Deal).softDelete(id);
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'deal', entityId: id, clientId: deal.clientId, cardId: deal.cardId, changes: { amount: [deal.amount, null] } }]);
      return true;
    });
  }

  private async visible(em: EntityManager, viewer: Viewer, id: string): Promise<Deal> {
    const deal = await em.getRepository(Deal).findOneBy({ id });
    if (!deal) throw notFound('Deal');
    await visibleClient(em, viewer, deal.clientId);
    // A deal of a card the viewer may not see is as missing as a deal that does not exist.
    const cardId = deal.cardId;
    if (cardId) {
      const p = new SqlParams();
      const [{ visible }] = await em.query(`SELECT ${cardRecordVisibility(viewer, p, () => `hc.id = ${p.param(cardId)}`)} AS visible`, p.values);
      if (!visible) throw notFound('Deal');
    }
    return deal;
  }
}
