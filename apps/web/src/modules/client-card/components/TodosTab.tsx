import { useMemo, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { deadlineClass } from '@crm/shared';
import type { TodoFieldsFragment } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useOpenTodos, useTodoMutations } from '../hooks/useTodos';
import { dateFormat, nextWorkingMorning, orgTimeZone } from '../../../ui/datetime';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { HistoryTimeline } from './HistoryTimeline';
import { TabState } from '../../../ui/TabState';
import { TodoForm } from './TodoForm';
import { useTodoTemplates } from '../../templates/hooks/useTemplates';

interface TodosTabProps {
  cardId: string;
  /** The card's pipeline: its todo templates are offered. */
  pipelineId?: string;
  /** The card's owner: the default assignee of a new todo. */
  ownerId?: string | null;
}

function deadlineText(deadline: string, language: string | undefined, now: Date): string {
  const date = new Date(deadline);
  const sameYear = date.getFullYear() === now.getFullYear();
  return dateFormat(language, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: orgTimeZone(),
  }).format(date);
}

/** Open todos by deadline (add, edit, done, delete), the next todo offered when one is done, and History. */
export function TodosTab({ cardId, pipelineId, ownerId }: TodosTabProps) {
  const { t, i18n } = useTranslation();
  const users = useAssignableUsers();
  const { templates } = useTodoTemplates(pipelineId);
  const { todos, loading, error, refetch } = useOpenTodos(cardId);
  const mutations = useTodoMutations(cardId);
  const [editing, setEditing] = useState<string | null>(null);
  const [justDone, setJustDone] = useState<TodoFieldsFragment | null>(null);
  const [adding, setAdding] = useState(false);
  const now = useMemo(() => new Date(), [todos]); // eslint-disable-line react-hooks/exhaustive-deps
  const defaultAssignee = ownerId ?? '';

  const markDone = async (todo: TodoFieldsFragment) => {
    const done = await mutations.setTodoDone(todo.id, true);
    if (done) {
      setEditing(null);
      setJustDone(todo);
    }
  };

  return (
    <div className="todos-tab">
      <section className="card-section" aria-labelledby="todos-heading">
        <div className="card-section__header">
          <h2 id="todos-heading" className="card-section__title">
            {t('card.todos.heading')}
            {todos.length > 0 && <span className="card-section__count">{todos.length}</span>}
          </h2>
          {!adding && !justDone && (
            <button type="button" className="button button--primary button--small" onClick={() => setAdding(true)}>
              {t('card.todos.add')}
            </button>
          )}
        </div>
        <ErrorAlert error={mutations.error} />
        {justDone && (
          <div className="next-todo-offer">
            <p className="next-todo-offer__text" role="status">
              {t('card.todos.doneOffer', { title: justDone.title })}
            </p>
            <TodoForm
              key={`next-${justDone.id}`}
              label={t('card.todos.nextForm')}
              submitLabel={t('card.todos.addNext')}
              users={users}
              initial={{ assigneeId: justDone.assignee?.id ?? defaultAssignee, deadline: nextWorkingMorning() }}
              templates={templates}
              autoFocus
              busy={mutations.loading}
              onSubmit={async (input) => {
                const created = await mutations.createTodo(input);
                if (created) setJustDone(null);
                return Boolean(created);
              }}
              onCancel={() => setJustDone(null)}
            />
          </div>
        )}
        {adding && !justDone && (
          <TodoForm
            label={t('card.todos.addForm')}
            submitLabel={t('card.todos.addSubmit')}
            users={users}
            initial={{ assigneeId: defaultAssignee }}
            templates={templates}
            autoFocus
            busy={mutations.loading}
            onSubmit={async (input) => Boolean(await mutations.createTodo(input))}
            onCancel={() => setAdding(false)}
          />
        )}
        <TabState loading={loading} error={error} hasData={!loading && !error} onRetry={() => void refetch()} />
        {!loading && !error && todos.length === 0 && !adding && !justDone && (
          <EmptyState title={t('card.todos.empty')} body={t('card.todos.emptyBody')} />
        )}
        {todos.length > 0 && (
          <ul className="todo-list" aria-label={t('card.todos.listLabel')}>
            {todos.map((todo) => {
              const tone = deadlineClass(new Date(todo.deadline), now, orgTimeZone());
              if (editing === todo.id) {
                return (
                  <li key={todo.id} className="todo-item todo-item--editing">
                    <TodoForm
                      label={t('card.todos.editForm', { title: todo.title })}
                      submitLabel={t('card.common.save')}
                      users={users}
                      initial={{ title: todo.title, assigneeId: todo.assignee?.id ?? '', deadline: todo.deadline }}
                      autoFocus
                      busy={mutations.loading}
                      onSubmit={async (input) => {
                        const saved = await mutations.updateTodo(todo.id, input);
                        if (saved) setEditing(null);
                        return Boolean(saved);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                );
              }
              return (
                <li key={todo.id} className={`todo-item deadline--${tone}`} data-deadline={tone}>
                  <button
                    type="button"
                    className="todo-item__check"
                    aria-label={t('card.todos.markDone', { title: todo.title })}
                    onClick={() => void markDone(todo)}
                    disabled={mutations.loading}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                  </button>
                  <div className="todo-item__main">
                    <span className="todo-item__title">{todo.title}</span>
                    <span className="todo-item__meta">
                      <time className="todo-item__deadline" dateTime={todo.deadline}>
                        {tone === 'overdue' && <span className="todo-item__flag">{t('card.todos.overdue')}</span>}
                        {tone === 'today' && <span className="todo-item__flag">{t('card.todos.today')}</span>}
                        {deadlineText(todo.deadline, i18n.resolvedLanguage, now)}
                      </time>
                      <span aria-hidden="true">·</span>
                      <span>{todo.assignee?.name ?? t('card.todos.unassigned')}</span>
                    </span>
                  </div>
                  <div className="todo-item__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setEditing(todo.id)} aria-label={t('card.todos.edit', { title: todo.title })}>
                      {t('card.common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--ghost-danger button--small"
                      onClick={() => void mutations.deleteTodo(todo.id)}
                      aria-label={t('card.todos.delete', { title: todo.title })}
                    >
                      {t('card.common.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <HistoryTimeline cardId={cardId} />
    </div>
  );
}
