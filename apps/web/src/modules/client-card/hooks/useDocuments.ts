import { useMutation, useQuery } from '@apollo/client/react';
import type { DocumentPlaceInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  COPY_DOCUMENT_MUTATION,
  CREATE_DOCUMENT_FOLDER_MUTATION,
  DELETE_DOCUMENT_FOLDER_MUTATION,
  DOCUMENT_FOLDERS_QUERY,
  DELETE_DOCUMENT_MUTATION,
  DOCUMENTS_QUERY,
  MOVE_DOCUMENT_MUTATION,
  SET_DOCUMENT_SHARED_MUTATION,
} from '../graphql/documents';

/** A client's documents in one pipeline (by folder and name). */
export function useDocuments(clientId: string, pipelineId: string) {
  const { data, loading, error, refetch } = useQuery(DOCUMENTS_QUERY, { variables: { clientId, pipelineId } });
  return { documents: data?.documents ?? [], loading: loading && !data, error, refetch };
}

// Moves and copies can land in another pipeline's list (and folder): refetch the active lists.
const REFRESH = ['ClientDocuments', 'DocumentFolders'];

/** The folders of a client's pipeline, kept (even empty) until deleted; made and deleted here. */
export function useDocumentFolders(clientId: string, pipelineId: string) {
  const variables = { clientId, pipelineId };
  const { data, refetch } = useQuery(DOCUMENT_FOLDERS_QUERY, { variables });
  const [create, createState] = useMutation(CREATE_DOCUMENT_FOLDER_MUTATION, {
    update: (cache, { data: answer }) => answer && cache.writeQuery({ query: DOCUMENT_FOLDERS_QUERY, variables, data: { documentFolders: answer.createDocumentFolder } }),
  });
  const [remove, removeState] = useMutation(DELETE_DOCUMENT_FOLDER_MUTATION, {
    update: (cache, { data: answer }) => answer && cache.writeQuery({ query: DOCUMENT_FOLDERS_QUERY, variables, data: { documentFolders: answer.deleteDocumentFolder } }),
  });
  const { error, run, clearError } = useMutationErrors();
  return {
    folders: data?.documentFolders ?? [],
    refetch,
    createFolder: (name: string) => run(async () => (await create({ variables: { ...variables, name } })).data?.createDocumentFolder),
    deleteFolder: (name: string) => run(async () => (await remove({ variables: { ...variables, name } })).data?.deleteDocumentFolder),
    loading: createState.loading || removeState.loading,
    error,
    clearError,
  };
}

export function useDocumentMutations() {
  const [move, moveState] = useMutation(MOVE_DOCUMENT_MUTATION, { refetchQueries: REFRESH });
  const [copy, copyState] = useMutation(COPY_DOCUMENT_MUTATION, { refetchQueries: REFRESH });
  const [remove, removeState] = useMutation(DELETE_DOCUMENT_MUTATION, { refetchQueries: REFRESH });
  const [share, shareState] = useMutation(SET_DOCUMENT_SHARED_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return {
    moveDocument: (id: string, to: DocumentPlaceInput) => run(async () => (await move({ variables: { id, to } })).data?.moveDocument),
    copyDocument: (id: string, to: DocumentPlaceInput) => run(async () => (await copy({ variables: { id, to } })).data?.copyDocument),
    deleteDocument: (id: string) => run(async () => (await remove({ variables: { id } })).data?.deleteDocument),
    setShared: (id: string, shared: boolean) => run(async () => (await share({ variables: { id, shared } })).data?.setDocumentShared),
    loading: moveState.loading || copyState.loading || removeState.loading || shareState.loading,
    error,
    clearError,
  };
}
