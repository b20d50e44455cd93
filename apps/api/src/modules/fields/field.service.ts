import { CustomField, User } from '@crm/db';
import { DataSource, In, IsNull } from 'typeorm';
import { badFields, fieldProblem, type FieldProblem, notFound, refused } from '../../graphql/errors';
import { visibleCard } from '../access/guard';
import type { Viewer } from '@crm/db';
import { diff, recordAudit, withAudit } from '../audit/audit';
import { checkFieldValue } from './field-values';
import { CustomFieldInput, CustomFieldKind, CustomFieldType, FieldValueInput } from './field.types';

const CHOICE_KINDS = [CustomFieldKind.SELECT, CustomFieldKind.MULTI_SELECT];
const toType = (f: CustomField): CustomFieldType => ({ ...f, kind: f.kind as CustomFieldKind });

/** Custom fields per pipeline (admins define them) and their values on cards. */
export class FieldService {
  constructor(
    private readonly ds: DataSource,
    /** Told after cards change (null: any pipeline), so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  async list(pipelineId: string | null, includeArchived: boolean): Promise<CustomFieldType[]> {
    const where = { ...(pipelineId ? { pipelineId } : {}), ...(includeArchived ? {} : { archivedAt: IsNull() }) };
    const rows = await this.ds.getRepository(CustomField).find({ where, order: { pipelineId: 'ASC', position: 'ASC' } });
    return rows.map(toType);
  }

  private check(input: CustomFieldInput) {
    if (CHOICE_KINDS.includes(input.kind) && input.options.length === 0) throw badFields('Add at least one choice.', { options: fieldProblem('FIELD_CHOICES_NEEDED', 'Add at least one choice.') });
    return { label: input.label.trim(), kind: input.kind, options: CHOICE_KINDS.includes(input.kind) ? input.options.map((o) => o.trim()) : [], required: input.required };
  }

  async create(actorId: string, pipelineId: string, input: CustomFieldInput): Promise<CustomFieldType> {
    const values = this.check(input);
    return withAudit(this.ds, actorId, 'custom_field', 'create', async (em) => {
      const max = await em.getRepository(CustomField).maximum('position', { pipelineId });
      const saved = await em.getRepository(CustomField).save({ pipelineId, ...values, position: (max ?? -1) + 1 });
      return { id: saved.id, changes: { label: [null, saved.label], kind: [null, saved.kind] }, result: toType(saved) };
    });
  }

  private async change(actorId: string, id: string, values: Partial<CustomField>): Promise<CustomFieldType> {
    return withAudit(this.ds, actorId, 'custom_field', 'update', async (em) => {
      const field = await em.getRepository(CustomField).findOneBy({ id });
      if (!field) throw notFound('Field');
      if (values.kind && field.kind !== values.kind) throw badFields('A field’s type cannot change; add a new field instead.', { kind: fieldProblem('FIELD_KIND_FIXED', 'A field’s type cannot change.') });
      await em.getRepository(CustomField).update(id, values);
      return { id, changes: diff<CustomField>(field, values, ['label', 'options', 'required', 'archivedAt']), result: toType(await em.getRepository(CustomField).findOneByOrFail({ id })) };
    });
  }

  /** Sets the order of a pipeline's fields; the list must name each of its active fields once. */
  async reorder(actorId: string, pipelineId: string, fieldIds: string[]): Promise<CustomFieldType[]> {
    const current = await this.list(pipelineId, false);
    const ids = new Set(current.map((f) => f.id));
    if (fieldIds.length !== ids.size || new Set(fieldIds).size !== fieldIds.length || !fieldIds.every((id) => ids.has(id))) {
      throw refused('FIELD_ORDER_INCOMPLETE', 'List every field of the pipeline exactly once.');
    }
    await withAudit(this.ds, actorId, 'custom_field', 'reorder', async (em) => {
      for (const [position, id] of fieldIds.entries()) await em.getRepository(CustomField).update(id, { position });
      return { id: pipelineId, changes: { order: [current.map((f) => f.id), fieldIds] }, result: undefined };
    });
    return this.list(pipelineId, false);
  }

  update(actorId: string, id: string, input: CustomFieldInput): Promise<CustomFieldType> {
    return this.change(actorId, id, this.check(input));
  }

  setArchived(actorId: string, id: string, archived: boolean): Promise<CustomFieldType> {
    return this.change(actorId, id, { archivedAt: archived ? new Date() : null });
  }

  /** Sets values on a card; every value is checked against its field, all or nothing. */
  async setValues(viewer: Viewer, cardId: string, values: FieldValueInput[]): Promise<Record<string, unknown>> {
    const { next, pipelineId } = await this.ds.transaction(async (em) => {
      const card = await visibleCard(em, viewer, cardId, { forUpdate: true });
      const fields = await em.getRepository(CustomField).findBy({ id: In(values.map((v) => v.fieldId)), pipelineId: card.pipeline_id, archivedAt: IsNull() });
      const userIds = values.filter((v) => typeof v.value === 'string').map((v) => v.value as string);
      const users = new Set((await em.getRepository(User).find({ select: { id: true }, where: { id: In(userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id))), active: true } })).map((u) => u.id));
      const [{ custom_values: current }] = await em.query(`SELECT custom_values FROM cards WHERE id = $1`, [cardId]);
      const next: Record<string, unknown> = { ...current };
      const errors: Record<string, FieldProblem> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      for (const { fieldId, value } of values) {
        const field = fields.find((f) => f.id === fieldId);
        if (!field) {
          errors[fieldId] = fieldProblem('FIELD_NOT_IN_PIPELINE', 'This field is not part of the card’s pipeline.');
          continue;
        }
        const checked = checkFieldValue({ kind: field.kind as CustomFieldKind, options: field.options, required: field.required }, value, (id) => users.has(id));
        if ('error' in checked) errors[fieldId] = fieldProblem(checked.code, checked.error, checked.params);
        else {
          if (checked.value === null) delete next[fieldId];
          else next[fieldId] = checked.value;
          if (JSON.stringify(current[fieldId] ?? null) !== JSON.stringify(checked.value)) changes[`field:${field.label}`] = [current[fieldId] ?? null, checked.value];
        }
      }
      if (Object.keys(errors).length) throw badFields('Some values are not valid.', errors);
      if (Object.keys(changes).length) {
        await em.query(`UPDATE cards SET custom_values = $1, updated_at = now() WHERE id = $2`, [next, cardId]);
        await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'card', entityId: cardId, cardId, clientId: card.client_id, changes }]);
      }
      return { next, pipelineId: card.pipeline_id };
    });
    await this.onCardsChanged(pipelineId);
    return next;
  }
}
