import { useMutation } from '@apollo/client/react';
import type { ViewInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_VIEW_MUTATION, DELETE_VIEW_MUTATION, UPDATE_VIEW_MUTATION } from '../graphql/viewMutations';

const refetchViews = ['Views'];

export function useSaveView() {
  const [create, createState] = useMutation(CREATE_VIEW_MUTATION, { refetchQueries: refetchViews });
  const [update, updateState] = useMutation(UPDATE_VIEW_MUTATION, { refetchQueries: refetchViews });
  const { error, run, clearError } = useMutationErrors();
  const createView = (input: ViewInput) => run(async () => (await create({ variables: { input } })).data?.createView);
  const updateView = (id: string, input: ViewInput) =>
    run(async () => (await update({ variables: { id, input } })).data?.updateView);
  return { createView, updateView, loading: createState.loading || updateState.loading, error, clearError };
}

/** Deletes a view and drops it from the cache, so every list of views (the navigation too) loses it at once. */
export function useDeleteView() {
  const [mutate, { loading }] = useMutation(DELETE_VIEW_MUTATION, {
    update(cache, result, { variables }) {
      if (!result.data?.deleteView || !variables) return;
      cache.evict({ id: cache.identify({ __typename: 'View', id: variables.id }) });
      cache.gc();
    },
  });
  const { error, run } = useMutationErrors();
  const deleteView = (id: string) => run(async () => (await mutate({ variables: { id } })).data?.deleteView);
  return { deleteView, loading, error };
}
