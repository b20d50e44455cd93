import { useMutation } from '@apollo/client/react';
import type { AddClientToPipelineInput, UpdateCardInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ADD_CLIENT_TO_PIPELINE_MUTATION, DELETE_CARD_MUTATION, DELETE_CLIENT_MUTATION, UPDATE_CARD_MUTATION } from '../graphql/card';

// The record page shows its cards from ClientDetail (status names and colours with them): read it
// again after a change, with the History that records it.
const REFRESH = ['ClientDetail', 'CardHistory'];

/** Sets the card's status, owner and/or value (`updateCard`); every change lands in History. */
export function useUpdateCard(cardId: string) {
  const [mutate, { loading }] = useMutation(UPDATE_CARD_MUTATION, { refetchQueries: REFRESH, awaitRefetchQueries: true });
  const { error, run, clearError } = useMutationErrors();
  const update = (input: UpdateCardInput) => run(async () => (await mutate({ variables: { id: cardId, input } })).data?.updateCard);
  return { update, loading, error, clearError };
}

/** Gives the client a card in another pipeline (`addClientToPipeline`). */
export function useAddClientToPipeline() {
  const [mutate, { loading }] = useMutation(ADD_CLIENT_TO_PIPELINE_MUTATION, { refetchQueries: ['ClientDetail'], awaitRefetchQueries: true });
  const { error, run, clearError } = useMutationErrors();
  const add = (input: AddClientToPipelineInput) => run(async () => (await mutate({ variables: { input } })).data?.addClientToPipeline);
  return { add, loading, error, clearError };
}

/** Moves a card, or a client with its cards, to the trash. */
export function useDeleteRecord() {
  const [deleteCard, card] = useMutation(DELETE_CARD_MUTATION);
  const [deleteClient, client] = useMutation(DELETE_CLIENT_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return {
    deleteCard: (id: string) => run(async () => (await deleteCard({ variables: { id }, refetchQueries: ['ClientDetail'], awaitRefetchQueries: true })).data?.deleteCard),
    deleteClient: (id: string) =>
      run(async () => {
        const result = await deleteClient({
          variables: { id },
          // Gone from every list the cache holds (lists drop references to an evicted client).
          update: (cache) => {
            for (const __typename of ['Client', 'ClientDetail']) cache.evict({ id: cache.identify({ __typename, id }) });
            cache.gc();
          },
        });
        return result.data?.deleteClient;
      }),
    loading: card.loading || client.loading,
    error,
    clearError,
  };
}
