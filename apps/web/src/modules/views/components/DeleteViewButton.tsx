import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type { ViewFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { AlertIcon } from '../../../ui/icons';
import { useDeleteView } from '../hooks/useViewMutations';

/**
 * "Delete view" for a view the user may change, with a confirmation. After deleting it the plain
 * list of the view's pipeline opens (the view is gone from the navigation too).
 */
export function DeleteViewButton({ view, onDeleted }: { view: ViewFieldsFragment; onDeleted?: (view: ViewFieldsFragment) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { deleteView, loading, error } = useDeleteView();

  const confirm = async () => {
    const deleted = await deleteView(view.id);
    if (!deleted) return;
    setConfirming(false);
    onDeleted?.(view);
    navigate(view.pipelineId ? `/list/${view.pipelineId}` : '/', { replace: true });
  };

  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
        {t('views.delete')}
      </button>
      {confirming && (
        <Dialog title={t('views.deleteTitle', { name: view.name })} onClose={() => setConfirming(false)} size="small">
          <p className="confirm__body">{view.shared ? t('views.deleteBodyShared') : t('views.deleteBody')}</p>
          {error && (
            <div className="alert alert--danger" role="alert">
              <AlertIcon />
              <span>{error.message}</span>
            </div>
          )}
          <div className="dialog__footer">
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void confirm()}
              disabled={loading}
              aria-busy={loading}
              data-autofocus
            >
              {loading ? t('views.deleting') : t('views.deleteConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
