import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { MassUpdateRowFragment } from '../../../graphql/generated/graphql';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useMassUpdates, useUndoMassUpdate } from '../hooks/useMassUndo';
import { dateFormat, orgTimeZone } from '../../../ui/datetime';

// What a mass action changed, in the words of the mass action bar.
const FIELD_ACTIONS: Record<string, string> = {
  statusId: 'status',
  ownerId: 'owner',
  clearOwner: 'owner',
  addTagId: 'addTag',
  addCategoryId: 'addCategory',
  classificationId: 'classification',
  departmentId: 'department',
};

/** Recent mass actions with an Undo for those still in their window (on the audit log). */
export function MassUpdatesPanel() {
  const { t, i18n } = useTranslation();
  const { items } = useMassUpdates();
  const { undo, loading, error } = useUndoMassUpdate();
  const [done, setDone] = useState<string | null>(null);
  if (items.length === 0) return null;
  const format = dateFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short', timeZone: orgTimeZone() });

  const describe = (item: MassUpdateRowFragment) =>
    [...new Set(item.fields.map((field) => FIELD_ACTIONS[field]).filter(Boolean))].map((action) => t(`cards.mass.actions.${action}`)).join(', ');

  const run = async (item: MassUpdateRowFragment) => {
    const result = await undo(item.id);
    if (result) setDone(t('massUndo.undone', { count: result.restored }));
  };

  return (
    <section className="panel mass-updates" aria-labelledby="mass-updates-title">
      <h2 id="mass-updates-title" className="panel__title">
        {t('massUndo.panel.title')}
      </h2>
      <p className="table__muted">{t('massUndo.panel.description')}</p>
      <ErrorAlert error={error} />
      <div className="notice-region" role="status" aria-live="polite">
        {done && <p className="notice">{done}</p>}
      </div>
      <ul className="mass-updates__list">
        {items.map((item) => (
          <li key={item.id} className="mass-updates__item">
            <span>
              <strong>{item.actor?.name ?? t('massUndo.panel.someone')}</strong>{' '}
              {t('massUndo.panel.summary', { action: describe(item), count: item.changed, pipeline: item.pipelineName })}{' '}
              <time className="table__muted" dateTime={item.createdAt}>
                {format.format(new Date(item.createdAt))}
              </time>
            </span>
            {item.undoneAt ? (
              <span className="badge badge--neutral">{t('massUndo.panel.undone')}</span>
            ) : item.canUndo ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={loading}
                aria-label={t('massUndo.panel.undoLabel', { action: describe(item), count: item.changed })}
                onClick={() => void run(item)}
              >
                {t('massUndo.undo')}
              </button>
            ) : (
              <span className="table__muted">{t('massUndo.panel.expired')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
