import { Category, Classification, Department, loadNameOrder, Tag } from '@crm/db';
import { DataSource, IsNull, QueryFailedError, Repository } from 'typeorm';
import { badFields, fieldProblem, notFound } from '../../graphql/errors';
import { diff, withAudit } from '../audit/audit';
import { LabelInput, LabelKind, LabelType } from './label.types';

type LabelEntity = Department | Category | Classification | Tag;
const ENTITY = { [LabelKind.DEPARTMENT]: Department, [LabelKind.CATEGORY]: Category, [LabelKind.CLASSIFICATION]: Classification, [LabelKind.TAG]: Tag };

const duplicate = () => badFields('A label with this name already exists.', { name: fieldProblem('LABEL_NAME_TAKEN', 'A label with this name already exists.') }, 'CONFLICT');

/** Departments, categories, classifications and tags: one service, since they behave alike. */
export class LabelService {
  constructor(private readonly ds: DataSource) {}

  private repo(kind: LabelKind): Repository<LabelEntity> {
    return this.ds.getRepository<LabelEntity>(ENTITY[kind]);
  }

  private toType(kind: LabelKind, row: LabelEntity): LabelType {
    return { id: row.id, kind, name: row.name, color: 'color' in row ? row.color : null, archivedAt: row.archivedAt };
  }

  async list(kind: LabelKind, includeArchived: boolean): Promise<LabelType[]> {
    const qb = this.repo(kind)
      .createQueryBuilder('l')
      .orderBy((await loadNameOrder(this.ds.manager))('lower(l.name)'), 'ASC')
      .addOrderBy('l.id', 'ASC');
    if (!includeArchived) qb.where('l.archived_at IS NULL');
    const rows = await qb.getMany();
    return rows.map((r) => this.toType(kind, r));
  }

  async get(kind: LabelKind, id: string): Promise<LabelType> {
    const row = await this.repo(kind).findOneBy({ id });
    if (!row) throw notFound('Label');
    return this.toType(kind, row);
  }

  /** Creates a label; a tag whose name exists (any case) is returned instead of duplicated. */
  async create(actorId: string, input: LabelInput): Promise<LabelType> {
    const name = input.name.trim();
    if (input.kind === LabelKind.TAG) {
      const existing = await this.ds.getRepository(Tag).findOneBy({ nameKey: name.toLowerCase() });
      if (existing) {
        if (existing.archivedAt) await this.ds.getRepository(Tag).update(existing.id, { archivedAt: null });
        return this.get(LabelKind.TAG, existing.id);
      }
    }
    const values: Record<string, unknown> = { name };
    if (input.kind === LabelKind.TAG) values.nameKey = name.toLowerCase();
    if (input.kind === LabelKind.CATEGORY && input.color) values.color = input.color;
    try {
      const id = await withAudit(this.ds, actorId, input.kind.toLowerCase(), 'create', async (em) => {
        const row = await em.getRepository<LabelEntity>(ENTITY[input.kind]).save(values as Partial<LabelEntity>);
        return { id: row.id, changes: { name: [null, name] }, result: row.id };
      });
      return this.get(input.kind, id);
    } catch (err) {
      if (isUnique(err)) throw duplicate();
      throw err;
    }
  }

  async update(actorId: string, id: string, input: LabelInput): Promise<LabelType> {
    const before = await this.get(input.kind, id);
    const name = input.name.trim();
    const values: Record<string, unknown> = { name };
    if (input.kind === LabelKind.TAG) values.nameKey = name.toLowerCase();
    if (input.kind === LabelKind.CATEGORY && input.color) values.color = input.color;
    try {
      await withAudit(this.ds, actorId, input.kind.toLowerCase(), 'update', async (em) => {
        await em.getRepository<LabelEntity>(ENTITY[input.kind]).update(id, values);
        return { id, changes: diff<LabelType>(before, { name, color: (values.color as string | undefined) ?? undefined }, ['name', 'color']), result: undefined };
      });
    } catch (err) {
      if (isUnique(err)) throw duplicate();
      throw err;
    }
    return this.get(input.kind, id);
  }

  async setArchived(actorId: string, kind: LabelKind, id: string, archived: boolean): Promise<LabelType> {
    const before = await this.get(kind, id);
    const archivedAt = archived ? new Date() : null;
    await withAudit(this.ds, actorId, kind.toLowerCase(), 'update', async (em) => {
      await em.getRepository<LabelEntity>(ENTITY[kind]).update(id, { archivedAt });
      return { id, changes: diff<LabelType>(before, { archivedAt }, ['archivedAt']), result: undefined };
    });
    return this.get(kind, id);
  }
}

function isUnique(err: unknown) {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}
