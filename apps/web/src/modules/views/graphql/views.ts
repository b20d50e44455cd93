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

export const CREATE_VIEW_MUTATION = graphql(`
  mutation CreateView($input: ViewInput!) {
    createView(input: $input) {
      ...ViewFields
    }
  }
`);

export const UPDATE_VIEW_MUTATION = graphql(`
  mutation UpdateView($id: ID!, $input: ViewInput!) {
    updateView(id: $id, input: $input) {
      ...ViewFields
    }
  }
`);

export const DELETE_VIEW_MUTATION = graphql(`
  mutation DeleteView($id: ID!) {
    deleteView(id: $id)
  }
`);
