import { useMutation, useQuery } from '@apollo/client/react';
import type { FieldValueInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CARD_FIELDS_QUERY, SET_CARD_FIELD_VALUES_MUTATION } from '../graphql/fields';

/** The pipeline's custom fields and this card's values by field id. */
export function useCardFields(cardId: string, pipelineId: string) {
  const { data, loading, error, refetch } = useQuery(CARD_FIELDS_QUERY, { variables: { cardId, pipelineId } });
  return {
    fields: data?.customFields ?? [],
    values: (data?.card.customValues ?? {}) as Record<string, unknown>,
    loading: loading && !data,
    error,
    refetch,
  };
}

export function useSetCardFieldValues(cardId: string) {
  const [mutate, { loading }] = useMutation(SET_CARD_FIELD_VALUES_MUTATION, {
    refetchQueries: ['CardHistory'],
    update(cache, { data }) {
      const values = data?.setCardFieldValues;
      if (!values) return;
      cache.modify({ id: cache.identify({ __typename: 'Card', id: cardId }), fields: { customValues: () => values } });
    },
  });
  const { error, run, clearError } = useMutationErrors();
  const save = (values: FieldValueInput[]) =>
    run(async () => (await mutate({ variables: { cardId, values } })).data?.setCardFieldValues);
  return { save, loading, error, clearError };
}
