import { useMutation } from '@apollo/client/react';
import type { CreateStatusInput, UpdateStatusInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_PIPELINE_MUTATION,
  CREATE_STATUS_MUTATION,
  RENAME_PIPELINE_MUTATION,
  REORDER_STATUSES_MUTATION,
  SET_PIPELINE_ARCHIVED_MUTATION,
  SET_STATUS_ARCHIVED_MUTATION,
  UPDATE_STATUS_MUTATION,
} from '../graphql/pipelineMutations';

const refetchPipelines = ['Pipelines'];

/** Admin changes to pipelines and their statuses; each reports its error in one place. */
export function usePipelineMutations() {
  const { error, run, clearError } = useMutationErrors();
  const [createPipeline, a] = useMutation(CREATE_PIPELINE_MUTATION, { refetchQueries: refetchPipelines });
  const [renamePipeline, b] = useMutation(RENAME_PIPELINE_MUTATION);
  const [setPipelineArchived, c] = useMutation(SET_PIPELINE_ARCHIVED_MUTATION, { refetchQueries: refetchPipelines });
  const [createStatus, d] = useMutation(CREATE_STATUS_MUTATION, { refetchQueries: refetchPipelines });
  const [updateStatus, e] = useMutation(UPDATE_STATUS_MUTATION);
  const [reorderStatuses, f] = useMutation(REORDER_STATUSES_MUTATION);
  const [setStatusArchived, g] = useMutation(SET_STATUS_ARCHIVED_MUTATION, { refetchQueries: refetchPipelines });
  const loading = [a, b, c, d, e, f, g].some((state) => state.loading);

  return {
    loading,
    error,
    clearError,
    createPipeline: (name: string) => run(async () => (await createPipeline({ variables: { name } })).data?.createPipeline),
    renamePipeline: (id: string, name: string) =>
      run(async () => (await renamePipeline({ variables: { id, name } })).data?.renamePipeline),
    setPipelineArchived: (id: string, archived: boolean) =>
      run(async () => (await setPipelineArchived({ variables: { id, archived } })).data?.setPipelineArchived),
    createStatus: (input: CreateStatusInput) => run(async () => (await createStatus({ variables: { input } })).data?.createStatus),
    updateStatus: (id: string, input: UpdateStatusInput) =>
      run(async () => (await updateStatus({ variables: { id, input } })).data?.updateStatus),
    reorderStatuses: (pipelineId: string, statusIds: string[]) =>
      run(async () => (await reorderStatuses({ variables: { pipelineId, statusIds } })).data?.reorderStatuses),
    setStatusArchived: (id: string, archived: boolean) =>
      run(async () => (await setStatusArchived({ variables: { id, archived } })).data?.setStatusArchived),
  };
}
