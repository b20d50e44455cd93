import { graphql } from '../../../graphql/generated';

export const VIEW_FIELDS_FRAGMENT = graphql(`
  fragment ViewFields on View {
    id
    kind
    name
    pipelineId
    shared
    editable
    ownerId
    columns
    sort {
      field
      customFieldId
      direction
    }
    filter {
      categoryIds
      classificationIds
      createdFrom
      createdTo
      custom {
        fieldId
        value
      }
      departmentIds
      outcomes
      ownerIds
      statusIds
      tagIds
      text
      todoAssigneeId
      unowned
    }
  }
`);

export const VIEWS_QUERY = graphql(`
  query Views($kind: ViewKind, $pipelineId: ID) {
    views(kind: $kind, pipelineId: $pipelineId) {
      ...ViewFields
    }
  }
`);
