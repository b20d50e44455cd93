import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  body?: string;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
}

/** The centred "nothing here yet / something went wrong" panel used by every page. */
export function EmptyState({ icon, title, body, action, tone = 'neutral' }: EmptyStateProps) {
  return (
    <section className={`empty-state empty-state--${tone}`} aria-label={title}>
      {icon && <div className="empty-state__icon">{icon}</div>}
      <h2 className="empty-state__title">{title}</h2>
      {body && <p className="empty-state__body">{body}</p>}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
