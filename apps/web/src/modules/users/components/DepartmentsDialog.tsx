import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { UserRowFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useLabels } from '../../labels/hooks/useLabels';
import { useSetUserDepartments } from '../hooks/useUserMutations';

interface DepartmentsDialogProps {
  user: UserRowFragment;
  onClose: () => void;
  onDone: (user: UserRowFragment) => void;
}

/** An admin picks the departments (teams) a user belongs to; none means the user is in no team. */
export function DepartmentsDialog({ user, onClose, onDone }: DepartmentsDialogProps) {
  const { t } = useTranslation();
  const { labels: departments, loading: loadingDepartments } = useLabels('DEPARTMENT');
  const { setUserDepartments, loading, error } = useSetUserDepartments();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(user.departments.map((department) => department.id)));

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // In the departments' order, so the table and the audit log read the same way.
    const saved = await setUserDepartments(user.id, departments.filter((department) => chosen.has(department.id)).map((department) => department.id));
    if (saved) onDone(saved);
  };

  return (
    <Dialog size="small" title={t('userDepartments.title', { name: user.name })} description={t('userDepartments.description')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorAlert error={error} />
        {!loadingDepartments && departments.length === 0 ? (
          <p className="table__muted">{t('userDepartments.none')}</p>
        ) : (
          <fieldset className="checkbox-list">
            <legend className="field__label">{t('userDepartments.legend')}</legend>
            {departments.map((department) => (
              <label key={department.id} className="checkbox-row">
                <input type="checkbox" className="checkbox" checked={chosen.has(department.id)} onChange={() => toggle(department.id)} />
                <span>{department.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('users.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading || loadingDepartments} aria-busy={loading}>
            {loading ? t('userDepartments.saving') : t('userDepartments.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
