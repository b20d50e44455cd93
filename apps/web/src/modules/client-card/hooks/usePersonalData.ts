import { useMutation } from '@apollo/client/react';
import type { PersonalDataKind } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ERASE_PERSONAL_DATA_MUTATION } from '../graphql/privacy';

/** Erases a client's personal data for good (`erasePersonalData`); the client leaves every cached list. */
export function useErasePersonalData() {
  const [mutate, { loading }] = useMutation(ERASE_PERSONAL_DATA_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const erase = (id: string, confirmName: string) =>
    run(async () => {
      const result = await mutate({
        variables: { kind: 'CLIENT' satisfies PersonalDataKind, id, confirmName },
        update: (cache) => {
          for (const __typename of ['Client', 'ClientDetail']) cache.evict({ id: cache.identify({ __typename, id }) });
          cache.gc();
        },
      });
      return result.data?.erasePersonalData;
    });
  return { erase, loading, error, clearError };
}
