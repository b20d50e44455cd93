import { useTranslation } from '../../../app/i18n';
import type { UserRowFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { AlertIcon } from '../../../ui/icons';
import { useSetUserActive } from '../hooks/useUserMutations';

interface SetActiveDialogProps {
  user: UserRowFragment;
  onClose: () => void;
  onDone: (user: UserRowFragment) => void;
}

/** Confirms deactivating or re-activating a user. */
export function SetActiveDialog({ user, onClose, onDone }: SetActiveDialogProps) {
  const { t } = useTranslation();
  const { setUserActive, loading, error } = useSetUserActive();
  const activate = !user.active;
  const name = user.name;

  const confirm = async () => {
    const saved = await setUserActive(user.id, activate);
    if (saved) onDone(saved);
  };

  return (
    <Dialog
      size="small"
      title={activate ? t('users.confirm.activateTitle', { name }) : t('users.confirm.deactivateTitle', { name })}
      description={activate ? t('users.confirm.activateBody', { name }) : t('users.confirm.deactivateBody', { name })}
      onClose={onClose}
    >
      {error && (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{error.message}</span>
        </div>
      )}
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
          {t('users.form.cancel')}
        </button>
        <button
          type="button"
          className={activate ? 'button button--primary' : 'button button--danger'}
          disabled={loading}
          aria-busy={loading}
          onClick={() => void confirm()}
        >
          {loading ? t('users.confirm.working') : activate ? t('users.actions.activate') : t('users.actions.deactivate')}
        </button>
      </div>
    </Dialog>
  );
}
