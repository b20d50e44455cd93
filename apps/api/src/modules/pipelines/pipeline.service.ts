import { Card, Pipeline, Status } from '@crm/db';
import { StatusKind } from '@crm/shared';
import { DataSource, IsNull } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors';
import type { CreateStatusInput, UpdateStatusInput } from './pipeline.types';

/** Pipelines and their ordered statuses; admins shape them in settings. */
export class PipelineService {
  constructor(private readonly ds: DataSource) {}

  async list(includeArchived = false): Promise<Array<Pipeline & { statuses: Status[] }>> {
    const pipelines = await this.ds.getRepository(Pipeline).find({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      relations: { statuses: true },
      order: { position: 'ASC', name: 'ASC', statuses: { position: 'ASC' } },
    });
    return pipelines as Array<Pipeline & { statuses: Status[] }>;
  }

  async get(id: string): Promise<Pipeline & { statuses: Status[] }> {
    const pipeline = await this.ds.getRepository(Pipeline).findOne({ where: { id }, relations: { statuses: true }, order: { statuses: { position: 'ASC' } } });
    if (!pipeline) throw notFound('Pipeline');
    return pipeline as Pipeline & { statuses: Status[] };
  }

  async status(id: string): Promise<Status> {
    const status = await this.ds.getRepository(Status).findOneBy({ id });
    if (!status) throw notFound('Status');
    return status;
  }

  async create(name: string): Promise<Pipeline & { statuses: Status[] }> {
    return this.ds.transaction(async (em) => {
      const max = await em.getRepository(Pipeline).maximum('position');
      const pipeline = await em.getRepository(Pipeline).save({ name: name.trim(), position: (max ?? -1) + 1 });
      await em.getRepository(Status).save([
        { pipelineId: pipeline.id, name: 'New', kind: StatusKind.Open, color: '#64748b', position: 0 },
        { pipelineId: pipeline.id, name: 'Won', kind: StatusKind.Won, color: '#16a34a', position: 1 },
        { pipelineId: pipeline.id, name: 'Lost', kind: StatusKind.Lost, color: '#dc2626', position: 2 },
      ]);
      return pipeline;
    }).then((p) => this.get(p.id));
  }

  async rename(id: string, name: string) {
    await this.get(id);
    await this.ds.getRepository(Pipeline).update(id, { name: name.trim() });
    return this.get(id);
  }

  async setArchived(id: string, archived: boolean) {
    await this.get(id);
    await this.ds.getRepository(Pipeline).update(id, { archivedAt: archived ? new Date() : null });
    return this.get(id);
  }

  async createStatus(input: CreateStatusInput): Promise<Status> {
    await this.get(input.pipelineId);
    const max = await this.ds.getRepository(Status).maximum('position', { pipelineId: input.pipelineId });
    return this.ds.getRepository(Status).save({ ...input, name: input.name.trim(), position: (max ?? -1) + 1 });
  }

  async updateStatus(id: string, input: UpdateStatusInput): Promise<Status> {
    await this.status(id);
    const changes: Partial<Status> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.color !== undefined) changes.color = input.color;
    await this.ds.getRepository(Status).update(id, changes);
    return this.status(id);
  }

  /** Sets the order of a pipeline's statuses; the list must name each of them once. */
  async reorderStatuses(pipelineId: string, statusIds: string[]) {
    const pipeline = await this.get(pipelineId);
    const current = new Set(pipeline.statuses.map((s) => s.id));
    if (statusIds.length !== current.size || new Set(statusIds).size !== statusIds.length || !statusIds.every((id) => current.has(id))) {
      throw badInput('List every status of the pipeline exactly once.');
    }
    await this.ds.transaction(async (em) => {
      for (const [position, id] of statusIds.entries()) await em.getRepository(Status).update(id, { position });
    });
    return this.get(pipelineId);
  }

  /** Archives a status (its column disappears from the board); it must hold no cards. */
  async setStatusArchived(id: string, archived: boolean): Promise<Status> {
    const status = await this.status(id);
    if (archived) {
      const cards = await this.ds.getRepository(Card).countBy({ statusId: status.id, deletedAt: IsNull() });
      if (cards > 0) throw badInput(`Move the ${cards} cards out of “${status.name}” before archiving it.`);
    }
    await this.ds.getRepository(Status).update(id, { archivedAt: archived ? new Date() : null });
    return this.status(id);
  }
}
