import { useMutation } from '@apollo/client/react';
import { applyLocale } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { UPDATE_MY_LOCALE_MUTATION } from '../graphql/auth';

/** Switches the language at once and, when signed in, saves it on the user's profile. */
export function useUpdateMyLocale() {
  const [mutate, { loading }] = useMutation(UPDATE_MY_LOCALE_MUTATION);
  const { error, run } = useMutationErrors();

  const changeLocale = async (locale: string, { save }: { save: boolean }) => {
    // Saved while the language loads, so a reload right after the switch finds it on the profile.
    await Promise.all([applyLocale(locale), save ? run(() => mutate({ variables: { locale } })) : undefined]);
  };

  return { changeLocale, loading, error };
}
