// Apart from the pipelines query: the first screen loads that one, the settings page these.
import { graphql } from '../../../graphql/generated';

export const CREATE_PIPELINE_MUTATION = graphql(`
  mutation CreatePipeline($name: String!) {
    createPipeline(name: $name) {
      ...PipelineFields
    }
  }
`);

export const RENAME_PIPELINE_MUTATION = graphql(`
  mutation RenamePipeline($id: ID!, $name: String!) {
    renamePipeline(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const SET_PIPELINE_ARCHIVED_MUTATION = graphql(`
  mutation SetPipelineArchived($id: ID!, $archived: Boolean!) {
    setPipelineArchived(id: $id, archived: $archived) {
      id
      archivedAt
    }
  }
`);

export const CREATE_STATUS_MUTATION = graphql(`
  mutation CreateStatus($input: CreateStatusInput!) {
    createStatus(input: $input) {
      ...StatusFields
    }
  }
`);

export const UPDATE_STATUS_MUTATION = graphql(`
  mutation UpdateStatus($id: ID!, $input: UpdateStatusInput!) {
    updateStatus(id: $id, input: $input) {
      ...StatusFields
    }
  }
`);

export const REORDER_STATUSES_MUTATION = graphql(`
  mutation ReorderStatuses($pipelineId: ID!, $statusIds: [ID!]!) {
    reorderStatuses(pipelineId: $pipelineId, statusIds: $statusIds) {
      ...PipelineFields
    }
  }
`);

export const SET_STATUS_ARCHIVED_MUTATION = graphql(`
  mutation SetStatusArchived($id: ID!, $archived: Boolean!) {
    setStatusArchived(id: $id, archived: $archived) {
      ...StatusFields
    }
  }
`);
