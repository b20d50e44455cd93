import { useMutation, useQuery } from '@apollo/client/react';
import type { FieldValueInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CARD_FIELDS_QUERY, SET_CARD_FIELD_VALUES_MUTATION } from '../graphql/fields';

// The same empty answers on every render while loading, so what is derived from them stays put.
const NO_FIELDS: never[] = [];
const NO_VALUES: Record<string, unknown> = {};

/** The pipeline's custom fields and this card's values by field id. */
export function useCardFields(cardId: string, pipelineId: string) {
  const { data, loading, error, refetch } = useQuery(CARD_FIELDS_QUERY, { variables: { cardId, pipelineId } });
  return {
    fields: data?.customFields ?? NO_FIELDS,
    values: (data?.card.customValues ?? NO_VALUES) as Record<string, unknown>,
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
