import { useMutation } from '@apollo/client/react';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_TAG_MUTATION } from '../../labels/graphql/labels';
import { UPDATE_CLIENT_MUTATION } from '../graphql/client';

/**
 * A client's labels, set with `updateClient` as full sets (categories, tags) or one value
 * (classification, null clears it), so labels can be removed as well as added. A new tag is
 * created with `createTag` first. The answer updates the cached client.
 */
export function useClientLabels(clientId: string) {
  const [update, updateState] = useMutation(UPDATE_CLIENT_MUTATION, { refetchQueries: ['CardHistory'] });
  const [createTag, tagState] = useMutation(CREATE_TAG_MUTATION, { refetchQueries: ['Labels'] });
  const { error, run, clearError } = useMutationErrors();
  const save = (input: { categoryIds?: string[]; tagIds?: string[]; classificationId?: string | null }) =>
    run(async () => (await update({ variables: { id: clientId, input } })).data?.updateClient);
  return {
    setCategories: (categoryIds: string[]) => save({ categoryIds }),
    setTags: (tagIds: string[]) => save({ tagIds }),
    setClassification: (classificationId: string | null) => save({ classificationId }),
    /** Creates the tag, then sets the tags to `tagIds` plus the new one. */
    createAndAddTag: (name: string, tagIds: string[]) =>
      run(async () => {
        const tag = (await createTag({ variables: { name } })).data?.createTag;
        if (!tag) return undefined;
        return (await update({ variables: { id: clientId, input: { tagIds: [...tagIds, tag.id] } } })).data?.updateClient;
      }),
    loading: updateState.loading || tagState.loading,
    error,
    clearError,
  };
}
