import { useMutation, useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import type { ContactFieldsFragment, ContactInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CONTACTS_QUERY,
  CREATE_CONTACT_MUTATION,
  DELETE_CONTACT_MUTATION,
  SET_PRIMARY_CONTACT_MUTATION,
  UPDATE_CONTACT_MUTATION,
} from '../graphql/contacts';

/** The primary first, then by name (the order the API returns). */
const primaryFirst = (a: ContactFieldsFragment, b: ContactFieldsFragment) =>
  Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name);

function writeContacts(cache: ApolloCache, clientId: string, change: (contacts: ContactFieldsFragment[]) => ContactFieldsFragment[]) {
  cache.updateQuery({ query: CONTACTS_QUERY, variables: { clientId } }, (existing) =>
    existing ? { contacts: change([...existing.contacts]).sort(primaryFirst) } : existing,
  );
}

export function useContacts(clientId: string) {
  const { data, loading, error, refetch } = useQuery(CONTACTS_QUERY, { variables: { clientId } });
  return { contacts: data?.contacts ?? [], loading: loading && !data, error, refetch };
}

export function useContactMutations(clientId: string) {
  const [create, createState] = useMutation(CREATE_CONTACT_MUTATION, {
    update(cache, { data }) {
      const contact = data?.createContact;
      if (contact) writeContacts(cache, clientId, (list) => [...list.filter((c) => c.id !== contact.id), contact]);
    },
  });
  const [update, updateState] = useMutation(UPDATE_CONTACT_MUTATION);
  const [setPrimary, primaryState] = useMutation(SET_PRIMARY_CONTACT_MUTATION, {
    update(cache, { data }) {
      const primary = data?.setPrimaryContact;
      if (primary) writeContacts(cache, clientId, (list) => list.map((c) => ({ ...c, isPrimary: c.id === primary.id })));
    },
  });
  const [remove, removeState] = useMutation(DELETE_CONTACT_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return {
    createContact: (input: ContactInput) => run(async () => (await create({ variables: { clientId, input } })).data?.createContact),
    updateContact: (id: string, input: ContactInput) => run(async () => (await update({ variables: { id, input } })).data?.updateContact),
    setPrimaryContact: (id: string) => run(async () => (await setPrimary({ variables: { id } })).data?.setPrimaryContact),
    deleteContact: (id: string) =>
      run(async () => {
        const result = await remove({
          variables: { id },
          update(cache) {
            writeContacts(cache, clientId, (list) => list.filter((c) => c.id !== id));
          },
        });
        return result.data?.deleteContact;
      }),
    loading: createState.loading || updateState.loading || primaryState.loading || removeState.loading,
    error,
    clearError,
  };
}
