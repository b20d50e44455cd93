import { useMutation } from '@apollo/client/react';
import type { TFunction } from '../../../app/i18n';
import type { CreateUserInput, UpdateUserInput } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_USER_MUTATION,
  RESET_USER_PASSWORD_MUTATION,
  SET_USER_ACTIVE_MUTATION,
  SET_USER_DEPARTMENTS_MUTATION,
  UPDATE_USER_MUTATION,
  USERS_QUERY,
} from '../graphql/users';

/** The only conflict a user form can hit is a taken email: show it on that field. */
function emailConflict(error: AppError, t: TFunction): AppError {
  if (error.code !== 'CONFLICT') return error;
  const fields = Object.keys(error.fields).length > 0 ? error.fields : { email: t('users.validation.emailTaken') };
  return { ...error, fields };
}

export function useCreateUser() {
  const [mutate, { loading }] = useMutation(CREATE_USER_MUTATION, {
    update(cache, { data }) {
      const created = data?.createUser;
      if (!created) return;
      cache.updateQuery({ query: USERS_QUERY }, (existing) =>
        existing && !existing.users.some((user) => user.id === created.id)
          ? { users: [...existing.users, created] }
          : existing,
      );
    },
  });
  const { error, run, clearError } = useMutationErrors(emailConflict);
  const createUser = (input: CreateUserInput) =>
    run(async () => (await mutate({ variables: { input } })).data?.createUser);
  return { createUser, loading, error, clearError };
}

export function useUpdateUser() {
  // The response carries the user's id, so the normalised cache updates the table by itself.
  const [mutate, { loading }] = useMutation(UPDATE_USER_MUTATION);
  const { error, run, clearError } = useMutationErrors(emailConflict);
  const updateUser = (id: string, input: UpdateUserInput) =>
    run(async () => (await mutate({ variables: { id, input } })).data?.updateUser);
  return { updateUser, loading, error, clearError };
}

export function useSetUserActive() {
  const [mutate, { loading }] = useMutation(SET_USER_ACTIVE_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const setUserActive = (id: string, active: boolean) =>
    run(async () => (await mutate({ variables: { id, active } })).data?.setUserActive);
  return { setUserActive, loading, error, clearError };
}

export function useResetUserPassword() {
  const [mutate, { loading }] = useMutation(RESET_USER_PASSWORD_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const resetPassword = (id: string, password: string) =>
    run(async () => (await mutate({ variables: { id, password } })).data?.resetUserPassword);
  return { resetPassword, loading, error, clearError };
}

export function useSetUserDepartments() {
  // The response carries the user's id and departments: the table updates from the cache.
  const [mutate, { loading }] = useMutation(SET_USER_DEPARTMENTS_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const setUserDepartments = (id: string, departmentIds: string[]) =>
    run(async () => (await mutate({ variables: { id, departmentIds } })).data?.setUserDepartments);
  return { setUserDepartments, loading, error, clearError };
}
