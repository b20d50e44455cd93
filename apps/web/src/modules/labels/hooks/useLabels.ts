import { useMutation, useQuery } from '@apollo/client/react';
import type { LabelInput, LabelKind } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_LABEL_MUTATION,
  LABELS_QUERY,
  SET_LABEL_ARCHIVED_MUTATION,
  UPDATE_LABEL_MUTATION,
} from '../graphql/labels';

export const LABEL_KINDS: readonly LabelKind[] = ['CATEGORY', 'CLASSIFICATION', 'TAG', 'DEPARTMENT'];

export function useLabels(kind: LabelKind, includeArchived = false) {
  const { data, loading, error, refetch } = useQuery(LABELS_QUERY, { variables: { kind, includeArchived } });
  return { labels: data?.labels ?? [], loading: loading && !data, error, refetch };
}

/** Active labels of every kind, for filters and mass actions. */
export function useAllLabels() {
  const categories = useLabels('CATEGORY').labels;
  const classifications = useLabels('CLASSIFICATION').labels;
  const tags = useLabels('TAG').labels;
  const departments = useLabels('DEPARTMENT').labels;
  return { CATEGORY: categories, CLASSIFICATION: classifications, TAG: tags, DEPARTMENT: departments };
}

const refetchLabels = ['Labels'];

export function useLabelMutations() {
  const [create, createState] = useMutation(CREATE_LABEL_MUTATION, { refetchQueries: refetchLabels });
  const [update, updateState] = useMutation(UPDATE_LABEL_MUTATION);
  const [archive, archiveState] = useMutation(SET_LABEL_ARCHIVED_MUTATION, { refetchQueries: refetchLabels });
  const { error, run, clearError } = useMutationErrors();
  return {
    createLabel: (input: LabelInput) => run(async () => (await create({ variables: { input } })).data?.createLabel),
    updateLabel: (id: string, input: LabelInput) =>
      run(async () => (await update({ variables: { id, input } })).data?.updateLabel),
    setArchived: (kind: LabelKind, id: string, archived: boolean) =>
      run(async () => (await archive({ variables: { kind, id, archived } })).data?.setLabelArchived),
    loading: createState.loading || updateState.loading || archiveState.loading,
    error,
    clearError,
  };
}
