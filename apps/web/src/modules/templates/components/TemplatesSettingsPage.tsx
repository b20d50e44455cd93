import { useMemo, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type { EmailTemplateFieldsFragment, TodoTemplateFieldsFragment } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { PipelineIcon, PlusIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { NoAccess } from '../../auth/components/RequireAuth';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MailIcon } from '../../mail/components/MailIcon';
import { PipelineSwitcher } from '../../pipelines/components/PipelineSwitcher';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useEmailTemplateMutations, useEmailTemplates, useTodoTemplateMutations, useTodoTemplates } from '../hooks/useTemplates';
import { ArchiveDialog } from './ArchiveDialog';
import { EmailTemplateEditor } from './EmailTemplateEditor';
import { TodoTemplateDialog } from './TodoTemplateDialog';
import { LoadError } from '../../../ui/LoadError';

const TABS = ['email', 'todo'] as const;
type Tab = (typeof TABS)[number];

const templatesPath = (pipelineId: string) => `/settings/templates?pipeline=${pipelineId}`;

/** /settings/templates: a pipeline's email and todo templates (managers and admins). */
export function TemplatesSettingsPage() {
  const user = useCurrentUser();
  if (user.role !== 'ADMIN' && user.role !== 'MANAGER') return <NoAccess />;
  return <TemplatesSettings />;
}

function TemplatesSettings() {
  const { t } = useTranslation();
  const { pipelines, loading, error, refetch } = usePipelines();
  const [params] = useSearchParams();
  const pipeline = pipelines.find((p) => p.id === params.get('pipeline')) ?? pipelines[0];
  const [tab, setTab] = useState<Tab>('email');
  const [editing, setEditing] = useState<{ template?: EmailTemplateFieldsFragment } | null>(null);
  const [todoDialog, setTodoDialog] = useState<{ template?: TodoTemplateFieldsFragment } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const email = useEmailTemplates(pipeline?.id);
  const categories = useMemo(
    () => [...new Set(email.templates.map((x) => x.category).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b)),
    [email.templates],
  );

  if (loading) return <div className="page"><InlineLoading /></div>;
  if (error || !pipeline) {
    return (
      <div className="page">
        <PageHeader title={t('templates.title')} description={t('templates.description')} />
        {error ? (
          <LoadError title={t('templates.loadError')} error={error} onRetry={() => void refetch()} />
        ) : (
          <EmptyState icon={<PipelineIcon />} title={t('templates.noPipelines')} body={t('templates.noPipelinesBody')} />
        )}
      </div>
    );
  }

  if (editing) {
    return (
      <EmailTemplateEditor
        key={editing.template?.id ?? 'new'}
        pipelineId={pipeline.id}
        pipelineName={pipeline.name}
        template={editing.template}
        categories={categories}
        onCancel={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          setNotice(t('settingsCommon.saved', { name }));
        }}
      />
    );
  }

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + delta + TABS.length) % TABS.length];
    setTab(next);
    document.getElementById(`templates-tab-${next}`)?.focus();
  };

  return (
    <div className="page">
      <PageHeader
        title={t('templates.title')}
        description={t('templates.description')}
        actions={
          <>
            <PipelineSwitcher pipelines={pipelines} currentId={pipeline.id} to={templatesPath} />
            <button
              type="button"
              className="button button--primary"
              onClick={() => (tab === 'email' ? setEditing({}) : setTodoDialog({}))}
            >
              <PlusIcon />
              {t(tab === 'email' ? 'templates.email.new' : 'templates.todo.new')}
            </button>
          </>
        }
      />
      <div className="tabs-row">
        <div className="tabs" role="tablist" aria-label={t('templates.kinds')}>
          {TABS.map((option) => (
            <button
              key={option}
              id={`templates-tab-${option}`}
              type="button"
              role="tab"
              aria-selected={option === tab}
              aria-controls="templates-panel"
              tabIndex={option === tab ? 0 : -1}
              className={`tab${option === tab ? ' tab--active' : ''}`}
              onClick={() => setTab(option)}
              onKeyDown={onTabKey}
            >
              {t(`templates.tabs.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <div id="templates-panel" role="tabpanel" aria-labelledby={`templates-tab-${tab}`}>
        {tab === 'email' ? (
          <EmailTemplateList
            {...email}
            onEdit={(template) => {
              setNotice(null);
              setEditing({ template });
            }}
            onNew={() => setEditing({})}
            onArchived={(name) => setNotice(t('settingsCommon.archivedNotice', { name }))}
          />
        ) : (
          <TodoTemplateList
            pipelineId={pipeline.id}
            onEdit={(template) => setTodoDialog({ template })}
            onNew={() => setTodoDialog({})}
            onArchived={(name) => setNotice(t('settingsCommon.archivedNotice', { name }))}
          />
        )}
      </div>
      {todoDialog && (
        <TodoTemplateDialog
          pipelineId={pipeline.id}
          template={todoDialog.template}
          onClose={() => setTodoDialog(null)}
          onSaved={(name) => {
            setTodoDialog(null);
            setNotice(t('settingsCommon.saved', { name }));
          }}
        />
      )}
    </div>
  );
}

interface EmailTemplateListProps extends ReturnType<typeof useEmailTemplates> {
  onEdit: (template: EmailTemplateFieldsFragment) => void;
  onNew: () => void;
  onArchived: (name: string) => void;
}

function EmailTemplateList({ templates, loading, error, refetch, onEdit, onNew, onArchived }: EmailTemplateListProps) {
  const { t } = useTranslation();
  const mutations = useEmailTemplateMutations();
  const [archiving, setArchiving] = useState<EmailTemplateFieldsFragment | null>(null);
  const groups = useMemo(() => {
    const byCategory = new Map<string, EmailTemplateFieldsFragment[]>();
    for (const template of templates) {
      const key = template.category ?? '';
      byCategory.set(key, [...(byCategory.get(key) ?? []), template]);
    }
    // Uncategorised templates come last.
    return [...byCategory.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }, [templates]);

  if (loading) return <InlineLoading />;
  if (error) {
    return (
      <LoadError title={t('templates.loadError')} error={error} onRetry={() => void refetch()} />
    );
  }
  if (templates.length === 0) {
    return (
      <EmptyState
        icon={<MailIcon />}
        title={t('templates.email.emptyTitle')}
        body={t('templates.email.emptyBody')}
        action={
          <button type="button" className="button button--primary" onClick={onNew}>
            <PlusIcon />
            {t('templates.email.new')}
          </button>
        }
      />
    );
  }
  return (
    <div className="template-groups">
      {groups.map(([category, items]) => {
        const heading = category || t('templates.uncategorised');
        return (
          <section key={category} className="template-group" aria-label={heading}>
            <h2 className="template-group__title">
              {heading} <span className="template-group__count">{items.length}</span>
            </h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('templates.fields.name')}</th>
                    <th scope="col">{t('templates.fields.subject')}</th>
                    <th scope="col" className="table__actions-head">
                      <span className="visually-hidden">{t('users.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((template) => (
                    <tr key={template.id}>
                      <th scope="row" className="table__primary">
                        {template.name}
                      </th>
                      <td className="template-group__subject">
                        <code>{template.subject}</code>
                      </td>
                      <RowActions
                        name={template.name}
                        onEdit={() => onEdit(template)}
                        onArchive={() => {
                          mutations.clearError();
                          setArchiving(template);
                        }}
                      />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {archiving && (
        <ArchiveDialog
          title={t('templates.archive.title', { name: archiving.name })}
          body={t('templates.archive.emailBody')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            if (await mutations.archive(archiving.id)) {
              onArchived(archiving.name);
              setArchiving(null);
            }
          }}
        />
      )}
    </div>
  );
}

interface TodoTemplateListProps {
  pipelineId: string;
  onEdit: (template: TodoTemplateFieldsFragment) => void;
  onNew: () => void;
  onArchived: (name: string) => void;
}

function TodoTemplateList({ pipelineId, onEdit, onNew, onArchived }: TodoTemplateListProps) {
  const { t } = useTranslation();
  const { templates, loading, error, refetch } = useTodoTemplates(pipelineId);
  const mutations = useTodoTemplateMutations();
  const [archiving, setArchiving] = useState<TodoTemplateFieldsFragment | null>(null);

  if (loading) return <InlineLoading />;
  if (error) {
    return (
      <LoadError title={t('templates.loadError')} error={error} onRetry={() => void refetch()} />
    );
  }
  if (templates.length === 0) {
    return (
      <EmptyState
        icon={<PlusIcon />}
        title={t('templates.todo.emptyTitle')}
        body={t('templates.todo.emptyBody')}
        action={
          <button type="button" className="button button--primary" onClick={onNew}>
            <PlusIcon />
            {t('templates.todo.new')}
          </button>
        }
      />
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('templates.tabs.todo')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('templates.todo.fields.title')}</th>
              <th scope="col">{t('templates.todo.deadline')}</th>
              <th scope="col">{t('templates.todo.scope')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('users.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id}>
                <th scope="row" className="table__primary">
                  <span className="table__name">{template.title}</span>
                  {template.text && <span className="table__secondary template-todo__text">{template.text}</span>}
                </th>
                <td>
                  {template.deadlineTime
                    ? t('templates.todo.offsetAt', { count: template.deadlineOffsetDays, time: template.deadlineTime })
                    : t('templates.todo.offset', { count: template.deadlineOffsetDays })}
                </td>
                <td>
                  <span className={template.pipelineId ? 'badge badge--neutral' : 'badge badge--accent'}>
                    {template.pipelineId ? t('templates.todo.thisPipeline') : t('templates.todo.everyPipeline')}
                  </span>
                </td>
                <RowActions
                  name={template.title}
                  onEdit={() => onEdit(template)}
                  onArchive={() => {
                    mutations.clearError();
                    setArchiving(template);
                  }}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {archiving && (
        <ArchiveDialog
          title={t('templates.archive.title', { name: archiving.title })}
          body={t('templates.archive.todoBody')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            if (await mutations.archive(archiving.id)) {
              onArchived(archiving.title);
              setArchiving(null);
            }
          }}
        />
      )}
    </>
  );
}

/** Edit and Archive for one row of a settings table. */
function RowActions({ name, onEdit, onArchive }: { name: string; onEdit: () => void; onArchive: () => void }) {
  const { t } = useTranslation();
  return (
    <td className="table__actions">
      <button type="button" className="button button--ghost button--small" aria-label={t('settingsCommon.editNamed', { name })} onClick={onEdit}>
        {t('settingsCommon.edit')}
      </button>
      <button type="button" className="button button--ghost button--small button--ghost-danger" aria-label={t('settingsCommon.archiveNamed', { name })} onClick={onArchive}>
        {t('settingsCommon.archive')}
      </button>
    </td>
  );
}
