import { loadNameOrder, View, viewVisibleTo } from '@crm/db';
import { Role } from '@crm/shared';
import { Brackets, DataSource } from 'typeorm';
import { forbidden, notFound } from '../../graphql/errors';
import type { Viewer } from '@crm/db';
import { withAudit } from '../audit/audit';
import type { CardFilter } from '../cards/card.types';
import { ViewInput, ViewKind, ViewType } from './view.types';

/** Saved views: a user's own, and those shared with everyone. */
export class ViewService {
  constructor(private readonly ds: DataSource) {}

  private toType(viewer: Viewer, v: View): ViewType {
    return {
      id: v.id,
      name: v.name,
      kind: v.kind as ViewKind,
      pipelineId: v.pipelineId,
      ownerId: v.ownerId,
      shared: v.shared,
      filter: v.filter as CardFilter,
      columns: v.columns,
      sort: v.sort as ViewType['sort'],
      editable: v.ownerId === viewer.id || viewer.role === Role.Admin,
    };
  }

  async list(viewer: Viewer, kind: ViewKind | null, pipelineId: string | null): Promise<ViewType[]> {
    const qb = this.ds
      .getRepository(View)
      .createQueryBuilder('v')
      .where(new Brackets((w) => w.where('v.owner_id = :me', { me: viewer.id }).orWhere('v.shared')))
      .orderBy((await loadNameOrder(this.ds.manager))('lower(v.name)'), 'ASC');
    if (kind) qb.andWhere('v.kind = :kind', { kind });
    if (pipelineId) qb.andWhere('v.pipeline_id = :pipelineId', { pipelineId });
    return (await qb.getMany()).map((v) => this.toType(viewer, v));
  }

  /** A view the viewer may see (their own or shared). */
  async get(viewer: Viewer, id: string): Promise<ViewType> {
    const v = await this.ds.getRepository(View).findOneBy({ id });
    if (!v || !viewVisibleTo(viewer, v)) throw notFound('View');
    return this.toType(viewer, v);
  }

  async create(viewer: Viewer, input: ViewInput): Promise<ViewType> {
    const id = await withAudit(this.ds, viewer.id, 'view', 'create', async (em) => {
      const saved = await em.getRepository(View).save({ ...this.values(input), ownerId: viewer.id });
      return { id: saved.id, changes: { name: [null, saved.name], filter: [null, saved.filter] }, result: saved.id };
    });
    return this.get(viewer, id);
  }

  /** Owners edit their views; admins may edit shared ones too. */
  async update(viewer: Viewer, id: string, input: ViewInput): Promise<ViewType> {
    const existing = await this.get(viewer, id);
    if (!existing.editable) throw forbidden();
    const values = this.values(input);
    await withAudit(this.ds, viewer.id, 'view', 'update', async (em) => {
      await em.getRepository(View).update(id, values);
      return { id, changes: { name: [existing.name, values.name], filter: [existing.filter, values.filter], shared: [existing.shared, values.shared] }, result: undefined };
    });
    return this.get(viewer, id);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const existing = await this.get(viewer, id);
    if (!existing.editable) throw forbidden();
    return withAudit(this.ds, viewer.id, 'view', 'delete', async (em) => {
      await em.getRepository(View).delete(id);
      return { id, changes: { name: [existing.name, null] }, result: true };
    });
  }

  private values(input: ViewInput) {
    // Drop empty parts of the filter so saved views stay small and readable.
    const filter = Object.fromEntries(Object.entries(input.filter ?? {}).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== ''));
    return {
      name: input.name.trim(),
      kind: input.kind,
      pipelineId: input.pipelineId ?? null,
      shared: input.shared,
      filter,
      columns: input.columns,
      sort: input.sort ? { field: input.sort.field, direction: input.sort.direction } : null,
    };
  }
}
