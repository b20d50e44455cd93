import { Card, loadNameOrder, Pipeline, poolQuery, Status } from '@crm/db';
import { StatusKind } from '@crm/shared';
import { DataSource, IsNull } from 'typeorm';
import { notFound, refused } from '../../graphql/errors';
import { diff, withAudit } from '../audit/audit';
import type { CreateStatusInput, UpdateStatusInput } from './pipeline.types';

/** Pipelines and their ordered statuses; admins shape them in settings. */
export class PipelineService {
  constructor(private readonly ds: DataSource) {}

  async list(includeArchived = false): Promise<Array<Pipeline & { statuses: Status[] }>> {
    const byName = await loadNameOrder(this.ds.manager);
    const qb = this.ds
      .getRepository(Pipeline)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.statuses', 's')
      .orderBy('p.position', 'ASC')
      .addOrderBy(byName('lower(p.name)'), 'ASC')
      .addOrderBy('p.id', 'ASC')
      .addOrderBy('s.position', 'ASC');
    if (!includeArchived) qb.where('p.archived_at IS NULL');
    const pipelines = await qb.getMany();
    return pipelines as Array<Pipeline & { statuses: Status[] }>;
  }

  /** A pipeline with its statuses in order; read on every board request, so one plain statement. */
  async get(id: string): Promise<Pipeline & { statuses: Status[] }> {
    const [row] = await poolQuery(
      this.ds,
      `SELECT p.id, p.name, p.position, p.archived_at, p.created_at,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'color', s.color, 'position', s.position, 'archivedAt', s.archived_at, 'probability', s.probability) ORDER BY s.position, s.id)
                   FROM statuses s WHERE s.pipeline_id = p.id), '[]') AS statuses
       FROM pipelines p WHERE p.id = $1`,
      [id],
    );
    if (!row) throw notFound('Pipeline');
    // Entities filled in directly: TypeORM's create() (its plain-object transformer) cost more than the statement.
    const statuses = (row.statuses as Array<Omit<Status, 'pipelineId' | 'archivedAt'> & { archivedAt: string | null }>).map((st) =>
      Object.assign(new Status(), { ...st, pipelineId: row.id, archivedAt: st.archivedAt ? new Date(st.archivedAt) : null }),
    );
    return Object.assign(new Pipeline(), { id: row.id, name: row.name, position: row.position, archivedAt: row.archived_at, createdAt: row.created_at, statuses });
  }

  async status(id: string): Promise<Status> {
    // Read on every next-page request of the board: one plain statement.
    const [row] = await poolQuery(this.ds, `SELECT id, pipeline_id, name, kind, color, position, archived_at, probability FROM statuses WHERE id = $1`, [id]);
    if (!row) throw notFound('Status');
    return Object.assign(new Status(), {
      id: row.id,
      pipelineId: row.pipeline_id,
      name: row.name,
      kind: row.kind,
      color: row.color,
      position: row.position,
      archivedAt: row.archived_at,
      probability: row.probability,
    });
  }

  async create(actorId: string, name: string): Promise<Pipeline & { statuses: Status[] }> {
    return withAudit(this.ds, actorId, 'pipeline', 'create', async (em) => {
      const max = await em.getRepository(Pipeline).maximum('position');
      const pipeline = await em.getRepository(Pipeline).save({ name: name.trim(), position: (max ?? -1) + 1 });
      await em.getRepository(Status).save([
        { pipelineId: pipeline.id, name: 'New', kind: StatusKind.Open, color: '#64748b', position: 0 },
        { pipelineId: pipeline.id, name: 'Won', kind: StatusKind.Won, color: '#16a34a', position: 1 },
        { pipelineId: pipeline.id, name: 'Lost', kind: StatusKind.Lost, color: '#dc2626', position: 2 },
      ]);
      return { id: pipeline.id, changes: { name: [null, pipeline.name] }, result: pipeline };
    }).then((p) => this.get(p.id));
  }

  private updatePipeline(actorId: string, id: string, values: Partial<Pipeline>) {
    return withAudit(this.ds, actorId, 'pipeline', 'update', async (em) => {
      const before = await this.get(id);
      await em.getRepository(Pipeline).update(id, values);
      return { id, changes: diff<Pipeline>(before, values, ['name', 'archivedAt']), result: undefined };
    }).then(() => this.get(id));
  }

  rename(actorId: string, id: string, name: string) {
    return this.updatePipeline(actorId, id, { name: name.trim() });
  }

  setArchived(actorId: string, id: string, archived: boolean) {
    return this.updatePipeline(actorId, id, { archivedAt: archived ? new Date() : null });
  }

  async createStatus(actorId: string, input: CreateStatusInput): Promise<Status> {
    await this.get(input.pipelineId);
    return withAudit(this.ds, actorId, 'status', 'create', async (em) => {
      const max = await em.getRepository(Status).maximum('position', { pipelineId: input.pipelineId });
      const status = await em.getRepository(Status).save({ ...input, name: input.name.trim(), position: (max ?? -1) + 1 });
      return { id: status.id, changes: { name: [null, status.name], kind: [null, status.kind] }, result: status };
    });
  }

  private updateStatusRow(actorId: string, id: string, values: Partial<Status>) {
    return withAudit(this.ds, actorId, 'status', 'update', async (em) => {
      const before = await this.status(id);
      await em.getRepository(Status).update(id, values);
      return { id, changes: diff<Status>(before, values, ['name', 'kind', 'color', 'archivedAt', 'probability']), result: undefined };
    }).then(() => this.status(id));
  }

  updateStatus(actorId: string, id: string, input: UpdateStatusInput): Promise<Status> {
    return this.updateStatusRow(actorId, id, { name: input.name?.trim(), kind: input.kind, color: input.color, probability: input.probability });
  }

  /** Sets the order of a pipeline's statuses; the list must name each of them once. */
  async reorderStatuses(actorId: string, pipelineId: string, statusIds: string[]) {
    const pipeline = await this.get(pipelineId);
    const current = new Set(pipeline.statuses.map((s) => s.id));
    if (statusIds.length !== current.size || new Set(statusIds).size !== statusIds.length || !statusIds.every((id) => current.has(id))) {
      throw refused('STATUS_ORDER_INCOMPLETE', 'List every status of the pipeline exactly once.');
    }
    await withAudit(this.ds, actorId, 'pipeline', 'update', async (em) => {
      for (const [position, id] of statusIds.entries()) await em.getRepository(Status).update(id, { position });
      return { id: pipelineId, changes: { statusOrder: [pipeline.statuses.map((s) => s.id), statusIds] }, result: undefined };
    });
    return this.get(pipelineId);
  }

  /** Archives a status (its column disappears from the board); it must hold no cards. */
  async setStatusArchived(actorId: string, id: string, archived: boolean): Promise<Status> {
    const status = await this.status(id);
    if (archived) {
      const cards = await this.ds.getRepository(Card).countBy({ statusId: status.id, deletedAt: IsNull() });
      if (cards > 0) throw refused('STATUS_HAS_CARDS', `Move the ${cards} cards out of “${status.name}” before archiving it.`, { count: cards, status: status.name });
    }
    return this.updateStatusRow(actorId, id, { archivedAt: archived ? new Date() : null });
  }
}
