import { useEffect } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useUndoMassUpdate } from '../hooks/useMassUndo';
import { dateFormat, orgTimeZone } from '../../../ui/datetime';

export interface UndoableMass {
  id: string;
  changed: number;
  undoUntil: string;
}

/**
 * "1,204 cards changed. Undo": shown after a mass action for as long as it can be undone (or until
 * dismissed). The audit log lists the same actions for later.
 */
export function MassUndoToast({ mass, onClose, onUndone }: { mass: UndoableMass; onClose: () => void; onUndone: (restored: number) => void }) {
  const { t, i18n } = useTranslation();
  const { undo, loading, error } = useUndoMassUpdate();

  useEffect(() => {
    const timer = window.setTimeout(onClose, Math.max(0, new Date(mass.undoUntil).getTime() - Date.now()));
    return () => window.clearTimeout(timer);
  }, [mass.undoUntil, onClose]);

  const run = async () => {
    const result = await undo(mass.id);
    if (result) onUndone(result.restored);
  };

  const until = dateFormat(i18n.resolvedLanguage, { timeStyle: 'short', timeZone: orgTimeZone() }).format(new Date(mass.undoUntil));
  return (
    <div className="notice notice--undo">
      <span>
        {t('massUndo.changed', { count: mass.changed })}{' '}
        <span className="table__muted">{t('massUndo.until', { time: until })}</span>
      </span>
      {error && (
        <span className="field__error" role="alert">
          {error.message}
        </span>
      )}
      <button type="button" className="button button--secondary button--small" disabled={loading} aria-busy={loading} onClick={() => void run()}>
        {t('massUndo.undo')}
      </button>
      <button type="button" className="link-button" onClick={onClose}>
        {t('massUndo.dismiss')}
      </button>
    </div>
  );
}
