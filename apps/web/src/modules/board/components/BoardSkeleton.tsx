import { useTranslation } from '../../../app/i18n';

/** Grey columns and cards while the board loads. */
export function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="board__columns" role="status" aria-label={t('board.loading')}>
      {[5, 3, 4, 2, 3].map((cards, column) => (
        <div key={column} className="board-column board-column--skeleton" aria-hidden="true">
          <div className="board-column__header">
            <span className="skeleton skeleton--title" />
            <span className="skeleton skeleton--line" />
          </div>
          <div className="board-column__scroll">
            {Array.from({ length: cards }, (_, i) => (
              <div key={i} className="board-card board-card--skeleton">
                <span className="skeleton skeleton--line" />
                <span className="skeleton skeleton--short" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
