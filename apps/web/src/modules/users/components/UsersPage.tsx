import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { UserRowFragment } from '../../../graphql/generated/graphql';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { PlusIcon, UsersIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useUsers } from '../hooks/useUsers';
import { DepartmentsDialog } from './DepartmentsDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { SetActiveDialog } from './SetActiveDialog';
import { UserFormDialog } from './UserFormDialog';
import { LoadError } from '../../../ui/LoadError';
import { useNotice } from '../../../ui/useNotice';
import { formatDateTime } from '../../../ui/datetime';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRowFragment }
  | { kind: 'active'; user: UserRowFragment }
  | { kind: 'reset'; user: UserRowFragment }
  | { kind: 'departments'; user: UserRowFragment }
  | null;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { users, loading, error, refetch } = useUsers();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useNotice();

  const close = () => setDialog(null);

  const newUserButton = (
    <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'create' })}>
      <PlusIcon />
      {t('users.new')}
    </button>
  );

  let body;
  if (loading) {
    body = <InlineLoading />;
  } else if (error) {
    body = (
      <LoadError title={t('users.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (users.length === 0) {
    body = <EmptyState icon={<UsersIcon />} title={t('users.emptyTitle')} body={t('users.emptyBody')} action={newUserButton} />;
  } else {
    body = (
      <div className="table-wrap">
        <table className="table users-table">
          <caption className="visually-hidden">{t('users.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.columns.name')}</th>
              <th scope="col">{t('users.columns.role')}</th>
              <th scope="col">{t('userDepartments.column')}</th>
              <th scope="col">{t('users.columns.status')}</th>
              <th scope="col">{t('users.columns.lastLogin')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('users.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : 'table__row--muted'}>
                <th scope="row" className="table__primary">
                  <span className="table__name">
                    {user.name}
                    {user.id === me.id && <span className="badge badge--accent">{t('users.you')}</span>}
                  </span>
                  <span className="table__secondary">
                    <span className="visually-hidden">{t('users.columns.email')}: </span>
                    {user.email}
                  </span>
                </th>
                <td>{t(`roles.${user.role}`)}</td>
                <td>
                  <span className="user-departments">
                    {user.departments.length === 0 ? (
                      <span className="table__muted">{t('userDepartments.noTeam')}</span>
                    ) : (
                      <span className="chip-list">
                        {user.departments.map((department) => (
                          <span key={department.id} className="chip">
                            {department.name}
                          </span>
                        ))}
                      </span>
                    )}
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('userDepartments.button', { name: user.name })}
                      onClick={() => setDialog({ kind: 'departments', user })}
                    >
                      {t('userDepartments.change')}
                    </button>
                  </span>
                </td>
                <td>
                  <span className={user.active ? 'badge badge--success' : 'badge badge--neutral'}>
                    {user.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td className="table__muted">
                  {user.lastLoginAt ? (
                    <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt, i18n.resolvedLanguage)}</time>
                  ) : (
                    t('users.never')
                  )}
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t('users.actions.editUser', { name: user.name })}
                    onClick={() => setDialog({ kind: 'edit', user })}
                  >
                    {t('users.actions.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t('users.actions.resetPasswordUser', { name: user.name })}
                    onClick={() => setDialog({ kind: 'reset', user })}
                  >
                    {t('users.actions.resetPassword')}
                  </button>
                  <button
                    type="button"
                    className={`button button--ghost button--small${user.active ? ' button--ghost-danger' : ''}`}
                    aria-label={
                      user.active
                        ? t('users.actions.deactivateUser', { name: user.name })
                        : t('users.actions.activateUser', { name: user.name })
                    }
                    onClick={() => setDialog({ kind: 'active', user })}
                  >
                    {user.active ? t('users.actions.deactivate') : t('users.actions.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={!loading && !error && users.length > 0 ? newUserButton : undefined}
      />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {body}
      {dialog?.kind === 'create' && (
        <UserFormDialog
          onClose={close}
          onSaved={(user) => {
            close();
            setNotice(t('users.toast.created', { name: user.name }));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormDialog
          user={dialog.user}
          onClose={close}
          onSaved={(user) => {
            close();
            setNotice(t('users.toast.updated', { name: user.name }));
          }}
        />
      )}
      {dialog?.kind === 'active' && (
        <SetActiveDialog
          user={dialog.user}
          onClose={close}
          onDone={(user) => {
            close();
            setNotice(t(user.active ? 'users.toast.activated' : 'users.toast.deactivated', { name: user.name }));
          }}
        />
      )}
      {dialog?.kind === 'departments' && (
        <DepartmentsDialog
          user={dialog.user}
          onClose={close}
          onDone={(user) => {
            close();
            setNotice(t('userDepartments.done', { name: user.name }));
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={close}
          onDone={() => {
            close();
            setNotice(t('users.reset.done', { name: dialog.user.name }));
          }}
        />
      )}
    </div>
  );
}
