import { useMutation } from '@apollo/client/react';
import type { TFunction } from '../../../app/i18n';
import type { LoginInput } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { applyLocale } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { LOGIN_MUTATION, ME_QUERY } from '../graphql/auth';

/** The API answers wrong credentials with UNAUTHENTICATED (or an input error without fields). */
function loginError(error: AppError, t: TFunction): AppError {
  const wrongCredentials =
    error.code === 'UNAUTHENTICATED' ||
    (error.code === 'BAD_USER_INPUT' && Object.keys(error.fields).length === 0);
  return wrongCredentials ? { ...error, message: t('auth.wrongCredentials') } : error;
}

export function useLogin() {
  const [mutate, { loading }] = useMutation(LOGIN_MUTATION, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: ME_QUERY, data: { me: data.login } });
    },
  });
  const { error, run, clearError } = useMutationErrors(loginError);

  const login = (input: LoginInput) =>
    run(async () => {
      const result = await mutate({ variables: { input } });
      const user = result.data?.login;
      if (user) await applyLocale(user.locale);
      return user;
    });

  return { login, loading, error, clearError };
}
