import { useMutation, useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import type { DealFieldsFragment, DealInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_DEAL_MUTATION, DEALS_QUERY, DELETE_DEAL_MUTATION, UPDATE_DEAL_MUTATION } from '../graphql/deals';

const newestFirst = (a: DealFieldsFragment, b: DealFieldsFragment) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

function writeDeals(cache: ApolloCache, clientId: string, change: (deals: DealFieldsFragment[]) => DealFieldsFragment[]) {
  cache.updateQuery({ query: DEALS_QUERY, variables: { clientId } }, (existing) =>
    existing ? { deals: change([...existing.deals]).sort(newestFirst) } : existing,
  );
}

export function useDeals(clientId: string) {
  const { data, loading, error, refetch } = useQuery(DEALS_QUERY, { variables: { clientId } });
  return { deals: data?.deals ?? [], loading: loading && !data, error, refetch };
}

export function useDealMutations(clientId: string) {
  const [create, createState] = useMutation(CREATE_DEAL_MUTATION, {
    update(cache, { data }) {
      const deal = data?.createDeal;
      if (deal) writeDeals(cache, clientId, (deals) => [...deals.filter((d) => d.id !== deal.id), deal]);
    },
  });
  const [update, updateState] = useMutation(UPDATE_DEAL_MUTATION, {
    update(cache) {
      writeDeals(cache, clientId, (deals) => deals);
    },
  });
  const [remove, removeState] = useMutation(DELETE_DEAL_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return {
    createDeal: (input: DealInput) => run(async () => (await create({ variables: { clientId, input } })).data?.createDeal),
    updateDeal: (id: string, input: DealInput) => run(async () => (await update({ variables: { id, input } })).data?.updateDeal),
    deleteDeal: (id: string) =>
      run(async () => {
        const result = await remove({
          variables: { id },
          update(cache) {
            writeDeals(cache, clientId, (deals) => deals.filter((d) => d.id !== id));
          },
        });
        return result.data?.deleteDeal;
      }),
    loading: createState.loading || updateState.loading || removeState.loading,
    error,
    clearError,
  };
}
