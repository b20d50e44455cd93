import { useTranslation } from '../app/i18n';

interface PaginationProps {
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** "1–50 of 1,234" with Previous and Next, under a paged table; numbers in the UI language. */
export function Pagination({ offset, pageSize, total, onOffset }: PaginationProps) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.resolvedLanguage);
  return (
    <nav className="pagination" aria-label={t('cards.pagination.label')}>
      <span className="pagination__summary">{t('cards.pagination.summary', { from: n(total === 0 ? 0 : offset + 1), to: n(Math.min(offset + pageSize, total)), total: n(total) })}</span>
      <button type="button" className="button button--secondary button--small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('cards.pagination.previous')}
      </button>
      <button type="button" className="button button--secondary button--small" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {t('cards.pagination.next')}
      </button>
    </nav>
  );
}
