import { useMutation, useQuery } from '@apollo/client/react';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_CLIENTS_FROM_UNSORTED_MUTATION,
  DISMISS_UNSORTED_CONTACTS_MUTATION,
  UNSORTED_CONTACTS_QUERY,
} from '../graphql/inbox';

/** Addresses seen in incoming mail that belong to no client yet, most recent first (as the API sends them). */
export function useUnsortedContacts() {
  const { data, loading, error, refetch } = useQuery(UNSORTED_CONTACTS_QUERY);
  return { contacts: data?.unsortedContacts ?? [], hasData: Boolean(data), loading: loading && !data, error, refetch };
}

/** Bulk actions; both take the contacts off the list (it is read again). New clients drop the cached client lists. */
export function useUnsortedContactActions() {
  const refetchQueries = ['UnsortedContacts'];
  const [create, createState] = useMutation(CREATE_CLIENTS_FROM_UNSORTED_MUTATION, {
    refetchQueries,
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'clients' });
      cache.gc();
    },
  });
  const [dismiss, dismissState] = useMutation(DISMISS_UNSORTED_CONTACTS_MUTATION, { refetchQueries });
  const { error, run, clearError } = useMutationErrors();
  return {
    createClients: (ids: string[], categoryId: string | null) =>
      run(async () => (await create({ variables: { ids, categoryId } })).data?.createClientsFromUnsorted),
    dismiss: (ids: string[]) => run(async () => (await dismiss({ variables: { ids } })).data?.dismissUnsortedContacts),
    loading: createState.loading || dismissState.loading,
    error,
    clearError,
  };
}
