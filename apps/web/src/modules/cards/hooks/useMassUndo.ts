import { useMutation, useQuery } from '@apollo/client/react';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { MASS_UPDATES_QUERY, UNDO_MASS_UPDATE_MUTATION } from '../graphql/massUndo';

/** Undoes a mass action; the lists, the board and the recent actions load again. */
export function useUndoMassUpdate() {
  const [mutate, { loading }] = useMutation(UNDO_MASS_UPDATE_MUTATION, { refetchQueries: ['CardList', 'MassUpdates', 'Board'] });
  const { error, run, clearError } = useMutationErrors();
  const undo = (id: string) => run(async () => (await mutate({ variables: { id } })).data?.undoMassUpdate);
  return { undo, loading, error, clearError };
}

/** Recent mass actions (an admin's list has everyone's). */
export function useMassUpdates(limit = 20) {
  const { data, loading, error, refetch } = useQuery(MASS_UPDATES_QUERY, { variables: { limit }, fetchPolicy: 'cache-and-network' });
  return { items: data?.massUpdates ?? [], loading: loading && !data, error, refetch };
}
