import { useMutation } from '@apollo/client/react';
import type { CardChangeInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_TAG_MUTATION } from '../../labels/graphql/labels';
import { UPDATE_CARD_LABELS_MUTATION } from '../graphql/labels';

/**
 * Labels live on the client; the API sets them through the card (massUpdateCards with this one
 * card), then the client's labels are read again.
 */
export function useCardLabels(cardId: string, pipelineId: string) {
  const [update, updateState] = useMutation(UPDATE_CARD_LABELS_MUTATION, { refetchQueries: ['ClientDetail', 'CardHistory'] });
  const [createTag, tagState] = useMutation(CREATE_TAG_MUTATION, { refetchQueries: ['Labels'] });
  const { error, run, clearError } = useMutationErrors();
  const change = (input: CardChangeInput) =>
    run(async () => (await update({ variables: { input: { pipelineId, cardIds: [cardId], change: input } } })).data?.massUpdateCards);
  return {
    addCategory: (id: string) => change({ addCategoryId: id }),
    setClassification: (id: string) => change({ classificationId: id }),
    addTag: (id: string) => change({ addTagId: id }),
    createAndAddTag: (name: string) =>
      run(async () => {
        const tag = (await createTag({ variables: { name } })).data?.createTag;
        if (!tag) return undefined;
        return (await update({ variables: { input: { pipelineId, cardIds: [cardId], change: { addTagId: tag.id } } } })).data?.massUpdateCards;
      }),
    loading: updateState.loading || tagState.loading,
    error,
    clearError,
  };
}
