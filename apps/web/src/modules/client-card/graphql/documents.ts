import { graphql } from '../../../graphql/generated';

export const DOCUMENT_FIELDS_FRAGMENT = graphql(`
  fragment DocumentFields on Document {
    id
    clientId
    pipelineId
    folder
    name
    mimeType
    size
    path
    publicPath
    createdAt
    uploadedBy {
      id
      name
    }
  }
`);

export const DOCUMENTS_QUERY = graphql(`
  query ClientDocuments($clientId: ID!, $pipelineId: ID) {
    documents(clientId: $clientId, pipelineId: $pipelineId) {
      ...DocumentFields
    }
  }
`);

export const MOVE_DOCUMENT_MUTATION = graphql(`
  mutation MoveDocument($id: ID!, $to: DocumentPlaceInput!) {
    moveDocument(id: $id, to: $to) {
      ...DocumentFields
    }
  }
`);

export const COPY_DOCUMENT_MUTATION = graphql(`
  mutation CopyDocument($id: ID!, $to: DocumentPlaceInput!) {
    copyDocument(id: $id, to: $to) {
      ...DocumentFields
    }
  }
`);

export const DELETE_DOCUMENT_MUTATION = graphql(`
  mutation DeleteDocument($id: ID!) {
    deleteDocument(id: $id)
  }
`);

export const SET_DOCUMENT_SHARED_MUTATION = graphql(`
  mutation SetDocumentShared($id: ID!, $shared: Boolean!) {
    setDocumentShared(id: $id, shared: $shared) {
      ...DocumentFields
    }
  }
`);

/** A client's folders in a pipeline, empty ones included ('' is the top). */
export const DOCUMENT_FOLDERS_QUERY = graphql(`
  query DocumentFolders($clientId: ID!, $pipelineId: ID!) {
    documentFolders(clientId: $clientId, pipelineId: $pipelineId)
  }
`);

export const CREATE_DOCUMENT_FOLDER_MUTATION = graphql(`
  mutation CreateDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {
    createDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)
  }
`);

export const DELETE_DOCUMENT_FOLDER_MUTATION = graphql(`
  mutation DeleteDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {
    deleteDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)
  }
`);
