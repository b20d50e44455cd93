import { useMutation, useQuery } from '@apollo/client/react';
import type { CardFilterInput, CardSortInput, MassUpdateCardsInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CARD_LIST_QUERY, LIST_CUSTOM_FIELDS_QUERY, MASS_UPDATE_CARDS_MUTATION } from '../graphql/cards';

export const LIST_PAGE_SIZE = 50;

/** One page of a pipeline's cards, filtered and sorted on the server, with the total. */
export function useCardList(pipelineId: string, filter: CardFilterInput, sort: CardSortInput | null, offset: number) {
  const { data, previousData, loading, error, refetch } = useQuery(CARD_LIST_QUERY, {
    variables: { pipelineId, filter, sort, page: { offset, limit: LIST_PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  return {
    items: shown?.cards.items ?? [],
    total: shown?.cards.total ?? 0,
    loading: loading && !shown,
    refreshing: loading && Boolean(shown),
    error: shown ? undefined : error,
    refetch,
  };
}

/** Changes every selected card (or every match of a filter) in one request. */
export function useMassUpdateCards() {
  const [mutate, { loading }] = useMutation(MASS_UPDATE_CARDS_MUTATION, { refetchQueries: ['CardList'] });
  const { error, run, clearError } = useMutationErrors();
  const massUpdate = (input: MassUpdateCardsInput) =>
    run(async () => (await mutate({ variables: { input } })).data?.massUpdateCards);
  return { massUpdate, loading, error, clearError };
}

/** The pipeline's active custom fields, in their order; empty while loading or when they fail to load. */
export function useListCustomFields(pipelineId: string) {
  const { data } = useQuery(LIST_CUSTOM_FIELDS_QUERY, { variables: { pipelineId }, skip: !pipelineId });
  return data?.customFields ?? [];
}
