import { graphql } from '../../../graphql/generated';

export const STATUS_FIELDS_FRAGMENT = graphql(`
  fragment StatusFields on Status {
    id
    pipelineId
    name
    kind
    color
    position
    archivedAt
    probability
  }
`);

export const PIPELINE_FIELDS_FRAGMENT = graphql(`
  fragment PipelineFields on Pipeline {
    id
    name
    position
    archivedAt
    statuses {
      ...StatusFields
    }
  }
`);

export const PIPELINES_QUERY = graphql(`
  query Pipelines($includeArchived: Boolean! = false) {
    pipelines(includeArchived: $includeArchived) {
      ...PipelineFields
    }
  }
`);
