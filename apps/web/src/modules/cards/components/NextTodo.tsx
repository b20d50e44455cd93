import { useTranslation } from '../../../app/i18n';
import { describeDeadline } from '../utils/format';

interface NextTodoProps {
  todo: { title: string; deadline: string } | null | undefined;
  /** "compact" on board cards: one line. */
  variant?: 'compact' | 'cell';
}

/** A card's next todo with its deadline: overdue red, due today bold, later normal. */
export function NextTodo({ todo, variant = 'cell' }: NextTodoProps) {
  const { t, i18n } = useTranslation();
  if (!todo) return <span className="next-todo next-todo--none">{t('cards.noTodo')}</span>;
  const deadline = describeDeadline(todo.deadline, i18n.resolvedLanguage);
  return (
    <span className={`next-todo next-todo--${variant} next-todo--${deadline.tone}`}>
      <span className="next-todo__title">{todo.title}</span>
      <time className="next-todo__deadline" dateTime={todo.deadline}>
        {deadline.tone === 'overdue' && <span className="visually-hidden">{t('cards.deadline.overdue')} </span>}
        {deadline.tone === 'today' && <span className="visually-hidden">{t('cards.deadline.today')} </span>}
        {deadline.text}
      </time>
    </span>
  );
}
