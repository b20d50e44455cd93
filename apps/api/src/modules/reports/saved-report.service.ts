import { loadNameOrder, SavedReport, SavedReportSubscription, type Viewer } from '@crm/db';
import { atLeast, ReportPeriodPreset, Role } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { badInput, forbidden, notFound } from '../../graphql/errors';
import { withAudit } from '../audit/audit';
import type { PipelineService } from '../pipelines/pipeline.service';
import { RenameSavedReportInput, ReportWidget, SavedReportInput, SavedReportType } from './saved-report.types';

const LISTS = ['ownerIds', 'departmentIds', 'categoryIds', 'tagIds'] as const;

/** Whether a role may share a saved report with the team (and get its weekly summary): Managers and Admins. */
export const mayShareReports = (viewer: Viewer) => atLeast(Role.Manager).includes(viewer.role);

/**
 * Saved reports: the filter bar and widgets under a name, like saved views. A user sees their own
 * and the shared ones; the owner (or an Admin) renames and deletes; only Managers and Admins share.
 * Opening one runs the report under the reader's own visibility, so sharing shows no one more.
 */
export class SavedReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly pipelines: PipelineService,
  ) {}

  private toType(viewer: Viewer, r: SavedReport, subscribed: boolean): SavedReportType {
    const f = r.filter as Record<string, any>;
    return {
      id: r.id,
      name: r.name,
      ownerId: r.ownerId,
      shared: r.shared,
      filter: {
        pipelineId: f.pipelineId,
        period: f.period ?? ReportPeriodPreset.ThisMonth,
        from: f.from ?? null,
        to: f.to ?? null,
        ...Object.fromEntries(LISTS.map((k) => [k, Array.isArray(f[k]) ? f[k] : []])),
      } as SavedReportType['filter'],
      compare: f.compare === true,
      widgets: r.widgets as ReportWidget[],
      editable: r.ownerId === viewer.id || viewer.role === Role.Admin,
      subscribed,
    };
  }

  private async subscriptions(viewer: Viewer): Promise<Set<string>> {
    const rows = await this.ds.getRepository(SavedReportSubscription).findBy({ userId: viewer.id });
    return new Set(rows.map((r) => r.savedReportId));
  }

  async list(viewer: Viewer): Promise<SavedReportType[]> {
    const rows = await this.ds
      .getRepository(SavedReport)
      .createQueryBuilder('r')
      .where('(r.owner_id = :me OR r.shared)', { me: viewer.id })
      .orderBy((await loadNameOrder(this.ds.manager))('lower(r.name)'), 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const subscribed = await this.subscriptions(viewer);
    return rows.map((r) => this.toType(viewer, r, subscribed.has(r.id)));
  }

  /** A saved report the viewer may see (their own or shared); another's private one is not found. */
  async get(viewer: Viewer, id: string): Promise<SavedReportType> {
    const r = await this.ds.getRepository(SavedReport).findOneBy({ id });
    if (!r || !(r.ownerId === viewer.id || r.shared)) throw notFound('Saved report');
    return this.toType(viewer, r, (await this.subscriptions(viewer)).has(r.id));
  }

  async create(viewer: Viewer, input: SavedReportInput): Promise<SavedReportType> {
    named(input.name);
    if (input.shared && !mayShareReports(viewer)) throw forbidden();
    await this.pipelines.get(input.filter.pipelineId);
    const id = await withAudit(this.ds, viewer.id, 'saved_report', 'create', async (em) => {
      const saved = await em.getRepository(SavedReport).save({
        name: input.name.trim(),
        ownerId: viewer.id,
        shared: input.shared,
        filter: filterOf(input),
        widgets: [...new Set(input.widgets)],
      });
      return { id: saved.id, changes: { name: [null, saved.name], shared: [null, saved.shared] }, result: saved.id };
    });
    return this.get(viewer, id);
  }

  async rename(viewer: Viewer, id: string, input: RenameSavedReportInput): Promise<SavedReportType> {
    named(input.name);
    const existing = await this.get(viewer, id);
    if (!existing.editable) throw forbidden();
    const shared = input.shared ?? existing.shared;
    if (shared !== existing.shared && !mayShareReports(viewer)) throw forbidden();
    await withAudit(this.ds, viewer.id, 'saved_report', 'update', async (em) => {
      await em.getRepository(SavedReport).update(id, { name: input.name.trim(), shared });
      return { id, changes: { name: [existing.name, input.name.trim()], shared: [existing.shared, shared] }, result: undefined };
    });
    return this.get(viewer, id);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const existing = await this.get(viewer, id);
    if (!existing.editable) throw forbidden();
    return withAudit(this.ds, viewer.id, 'saved_report', 'delete', async (em) => {
      await em.getRepository(SavedReport).delete(id);
      return { id, changes: { name: [existing.name, null] }, result: true };
    });
  }

  /** A Manager's (or Admin's) weekly summary mail of a saved report they see: on or off. */
  async subscribe(viewer: Viewer, id: string, subscribed: boolean): Promise<SavedReportType> {
    await this.get(viewer, id);
    const repo = this.ds.getRepository(SavedReportSubscription);
    if (subscribed) await repo.createQueryBuilder().insert().values({ savedReportId: id, userId: viewer.id }).orIgnore().execute();
    else await repo.delete({ savedReportId: id, userId: viewer.id });
    return this.get(viewer, id);
  }
}

function named(name: string) {
  if (!name.trim()) throw badInput('Enter a name.', { name: 'Enter a name of at most 120 characters.' });
}

/** The stored filter: only what is set. */
function filterOf(input: SavedReportInput): Record<string, unknown> {
  const f = input.filter;
  const out: Record<string, unknown> = { pipelineId: f.pipelineId, period: f.period };
  if (f.period === ReportPeriodPreset.Custom) Object.assign(out, { from: f.from ?? null, to: f.to ?? null });
  for (const k of LISTS) if (f[k]?.length) out[k] = [...new Set(f[k])];
  if (input.compare) out.compare = true;
  return out;
}
