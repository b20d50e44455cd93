import { useMutation } from '@apollo/client/react';
import type { CreateCardInput, MoveCardInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_CARD_MUTATION, MOVE_CARD_MUTATION } from '../graphql/board';

/** Saves a card's new place; the board has already shown it (optimistic) and reverts on failure. */
export function useMoveCard() {
  const [mutate] = useMutation(MOVE_CARD_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const moveCard = (input: MoveCardInput) => run(async () => (await mutate({ variables: { input } })).data?.moveCard);
  return { moveCard, error, clearError };
}

/** Creates a client and its card at the top of a column. */
export function useCreateCard() {
  const [mutate, { loading }] = useMutation(CREATE_CARD_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const createCard = (input: CreateCardInput) =>
    run(async () => (await mutate({ variables: { input } })).data?.createCard);
  return { createCard, loading, error, clearError };
}
