import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { ViewFieldsFragment, ViewInput } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useSaveView } from '../hooks/useViewMutations';

interface SaveViewDialogProps {
  /** What the view holds: filter, columns and sort (name and sharing come from the form). */
  content: Omit<ViewInput, 'name' | 'shared'>;
  /** Save over this view instead of creating one. */
  view?: ViewFieldsFragment;
  onClose: () => void;
  onSaved: (view: ViewFieldsFragment) => void;
}

export function SaveViewDialog({ content, view, onClose, onSaved }: SaveViewDialogProps) {
  const { t } = useTranslation();
  const { createView, updateView, loading, error } = useSaveView();
  const [name, setName] = useState(view?.name ?? '');
  const [shared, setShared] = useState(view?.shared ?? false);
  const [nameError, setNameError] = useState<string>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('views.nameRequired'));
      return;
    }
    const input: ViewInput = { ...content, name: name.trim(), shared };
    const saved = view ? await updateView(view.id, input) : await createView(input);
    if (saved) onSaved(saved);
  };

  return (
    <Dialog title={view ? t('views.updateTitle') : t('views.saveTitle')} description={t('views.saveBody')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={onSubmit}>
        {error && !error.fields.name && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <Field label={t('views.name')} error={nameError ?? error?.fields.name}>
          <input
            className="input"
            autoComplete="off"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(undefined);
            }}
          />
        </Field>
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          {t('views.shared')}
        </label>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {loading ? t('views.saving') : t('views.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
