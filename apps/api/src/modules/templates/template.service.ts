import { CustomField, EmailTemplate, loadNameOrder, Pipeline, scanTemplate, TodoTemplate, unknownVariables } from '@crm/db';
import { DataSource, IsNull } from 'typeorm';
import { badFields, fieldProblem, type FieldProblem, notFound, refused } from '../../graphql/errors';
import { diff, withAudit } from '../audit/audit';
import type { EmailTemplateInput, EmailTemplateType, TodoTemplateInput, TodoTemplateType } from './template.types';

/** Email and todo templates; email templates are checked against the variable catalogue when saved. */
export class TemplateService {
  constructor(private readonly ds: DataSource) {}

  async listEmail(pipelineId: string): Promise<EmailTemplateType[]> {
    const byName = await loadNameOrder(this.ds.manager);
    return this.ds
      .getRepository(EmailTemplate)
      .createQueryBuilder('t')
      .where('t.pipeline_id = :pipelineId AND t.archived_at IS NULL', { pipelineId })
      .orderBy('t.category', 'ASC')
      .addOrderBy(byName('lower(t.name)'), 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  async getEmail(id: string): Promise<EmailTemplate> {
    const t = await this.ds.getRepository(EmailTemplate).findOneBy({ id });
    if (!t) throw notFound('Template');
    return t;
  }

  /**
   * Problems of a subject and body for a pipeline (syntax, helpers, unknown variables), by field:
   * TEMPLATE_UNKNOWN_VARIABLES (with the variables) when that is all, else TEMPLATE_SYNTAX.
   */
  async check(pipelineId: string, subject: string, body: string): Promise<Record<string, FieldProblem>> {
    const labels = (await this.ds.getRepository(CustomField).find({ select: { label: true }, where: { pipelineId, archivedAt: IsNull() } })).map((f) => f.label);
    const problems: Record<string, FieldProblem> = {};
    for (const [field, source] of [['subject', subject], ['body', body]] as const) {
      const scan = scanTemplate(source);
      const unknown = unknownVariables(scan, labels);
      const variables = unknown.map((v) => `{{${v}}}`).join(', ');
      const messages = [...scan.errors, ...(unknown.length ? [`Unknown variables: ${variables}.`] : [])];
      if (!messages.length) continue;
      problems[field] = scan.errors.length
        ? fieldProblem('TEMPLATE_SYNTAX', messages.join(' '), { detail: scan.errors.join(' ') })
        : fieldProblem('TEMPLATE_UNKNOWN_VARIABLES', messages.join(' '), { variables });
    }
    return problems;
  }

  private async checked(input: EmailTemplateInput) {
    if (!(await this.ds.getRepository(Pipeline).existsBy({ id: input.pipelineId }))) throw refused('PIPELINE_MISSING', 'That pipeline does not exist.');
    const problems = await this.check(input.pipelineId, input.subject, input.body);
    if (Object.keys(problems).length) throw badFields('The template has problems.', problems);
    return { pipelineId: input.pipelineId, name: input.name.trim(), category: input.category?.trim() || null, subject: input.subject, body: input.body };
  }

  async createEmail(actorId: string, input: EmailTemplateInput): Promise<EmailTemplateType> {
    const values = await this.checked(input);
    return withAudit(this.ds, actorId, 'email_template', 'create', async (em) => {
      const saved = await em.getRepository(EmailTemplate).save(values);
      return { id: saved.id, changes: { name: [null, saved.name], subject: [null, saved.subject] }, result: saved };
    });
  }

  async updateEmail(actorId: string, id: string, input: EmailTemplateInput): Promise<EmailTemplateType> {
    const before = await this.getEmail(id);
    const values = await this.checked(input);
    await withAudit(this.ds, actorId, 'email_template', 'update', async (em) => {
      await em.getRepository(EmailTemplate).update(id, values);
      return { id, changes: diff<EmailTemplate>(before, values, ['name', 'category', 'subject', 'body']), result: undefined };
    });
    return this.getEmail(id);
  }

  async archiveEmail(actorId: string, id: string): Promise<boolean> {
    await this.getEmail(id);
    return withAudit(this.ds, actorId, 'email_template', 'delete', async (em) => {
      await em.getRepository(EmailTemplate).update(id, { archivedAt: new Date() });
      return { id, changes: {}, result: true };
    });
  }

  async listTodo(pipelineId: string | null): Promise<TodoTemplateType[]> {
    const byName = await loadNameOrder(this.ds.manager);
    return this.ds
      .getRepository(TodoTemplate)
      .createQueryBuilder('t')
      .where('t.archived_at IS NULL')
      .andWhere('(t.pipeline_id IS NULL OR t.pipeline_id = :pipelineId)', { pipelineId })
      .orderBy(byName('lower(t.title)'), 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  async saveTodo(actorId: string, id: string | null, input: TodoTemplateInput): Promise<TodoTemplateType> {
    const values = { pipelineId: input.pipelineId ?? null, title: input.title.trim(), text: input.text?.trim() || null, deadlineOffsetDays: input.deadlineOffsetDays, deadlineTime: input.deadlineTime ?? null };
    return withAudit(this.ds, actorId, 'todo_template', id ? 'update' : 'create', async (em) => {
      const repo = em.getRepository(TodoTemplate);
      if (!id) {
        const saved = await repo.save(values);
        return { id: saved.id, changes: { title: [null, saved.title] }, result: saved };
      }
      const before = await repo.findOneBy({ id });
      if (!before) throw notFound('Template');
      await repo.update(id, values);
      return { id, changes: diff<TodoTemplate>(before, values, ['title', 'text', 'deadlineOffsetDays', 'deadlineTime', 'pipelineId']), result: await repo.findOneByOrFail({ id }) };
    });
  }

  async archiveTodo(actorId: string, id: string): Promise<boolean> {
    if (!(await this.ds.getRepository(TodoTemplate).existsBy({ id }))) throw notFound('Template');
    return withAudit(this.ds, actorId, 'todo_template', 'delete', async (em) => {
      await em.getRepository(TodoTemplate).update(id, { archivedAt: new Date() });
      return { id, changes: {}, result: true };
    });
  }
}
