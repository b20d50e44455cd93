import { useMutation } from '@apollo/client/react';
import type { PersonalDataKind } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ERASE_PERSONAL_DATA_MUTATION } from '../graphql/privacy';

/**
 * Erases a client's or a contact's personal data for good (`erasePersonalData`): an erased client
 * leaves every cached list; after a contact, the client's page is read again (its History changed too).
 */
export function useErasePersonalData(kind: PersonalDataKind) {
  const [mutate, { loading }] = useMutation(ERASE_PERSONAL_DATA_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const erase = (id: string, confirmName: string) =>
    run(async () => {
      const result = await mutate({
        variables: { kind, id, confirmName },
        update: (cache) => {
          const types = kind === 'CLIENT' ? ['Client', 'ClientDetail'] : ['Contact'];
          for (const __typename of types) cache.evict({ id: cache.identify({ __typename, id }) });
          cache.gc();
        },
        refetchQueries: kind === 'CONTACT' ? ['ClientContacts', 'ClientDetail', 'CardHistory'] : [],
      });
      return result.data?.erasePersonalData;
    });
  return { erase, loading, error, clearError };
}
