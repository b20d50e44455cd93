import { useId, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { CardChangeInput, LabelKind } from '../../../graphql/generated/graphql';
import { CloseIcon } from '../../../ui/icons';

interface Option {
  id: string;
  name: string;
}

type Action = 'addTag' | 'status' | 'owner' | 'addCategory' | 'classification' | 'department';

const ACTIONS: Action[] = ['addTag', 'status', 'owner', 'addCategory', 'classification', 'department'];
const CLEAR_OWNER = '__none';

interface MassActionBarProps {
  count: number;
  statuses: readonly Option[];
  users: readonly Option[];
  labels: Record<LabelKind, readonly Option[]>;
  busy: boolean;
  onApply: (change: CardChangeInput) => void;
  onClear: () => void;
}

/** What can be done to every selected card at once. */
export function MassActionBar({ count, statuses, users, labels, busy, onApply, onClear }: MassActionBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState<Action>('addTag');
  const [value, setValue] = useState('');

  const options: readonly Option[] = {
    addTag: labels.TAG,
    status: statuses,
    owner: [{ id: CLEAR_OWNER, name: t('cards.mass.noOwner') }, ...users],
    addCategory: labels.CATEGORY,
    classification: labels.CLASSIFICATION,
    department: labels.DEPARTMENT,
  }[action];

  const change = (): CardChangeInput => {
    switch (action) {
      case 'addTag':
        return { addTagId: value };
      case 'status':
        return { statusId: value };
      case 'owner':
        return value === CLEAR_OWNER ? { clearOwner: true } : { ownerId: value };
      case 'addCategory':
        return { addCategoryId: value };
      case 'classification':
        return { classificationId: value };
      case 'department':
        return { departmentId: value };
    }
  };

  return (
    <div className="mass-bar" role="region" aria-label={t('cards.mass.label')}>
      <span className="mass-bar__count">{t('cards.mass.selected', { count })}</span>
      <label className="visually-hidden" htmlFor={`${id}-action`}>
        {t('cards.mass.action')}
      </label>
      <select
        id={`${id}-action`}
        className="select select--compact"
        value={action}
        onChange={(event) => {
          setAction(event.target.value as Action);
          setValue('');
        }}
      >
        {ACTIONS.map((option) => (
          <option key={option} value={option}>
            {t(`cards.mass.actions.${option}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-value`}>
        {t('cards.mass.value')}
      </label>
      <select id={`${id}-value`} className="select select--compact" value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="">{t('cards.mass.choose')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--primary button--small"
        disabled={!value || busy}
        aria-busy={busy}
        onClick={() => onApply(change())}
      >
        {busy ? t('cards.mass.applying') : t('cards.mass.apply', { count })}
      </button>
      <button type="button" className="icon-button icon-button--small mass-bar__close" aria-label={t('cards.selection.clear')} onClick={onClear}>
        <CloseIcon />
      </button>
    </div>
  );
}
