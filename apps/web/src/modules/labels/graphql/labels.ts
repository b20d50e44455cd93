import { graphql } from '../../../graphql/generated';

export const LABEL_FIELDS_FRAGMENT = graphql(`
  fragment LabelFields on Label {
    id
    kind
    name
    color
    archivedAt
  }
`);

export const LABELS_QUERY = graphql(`
  query Labels($kind: LabelKind!, $includeArchived: Boolean! = false) {
    labels(kind: $kind, includeArchived: $includeArchived) {
      ...LabelFields
    }
  }
`);

export const CREATE_LABEL_MUTATION = graphql(`
  mutation CreateLabel($input: LabelInput!) {
    createLabel(input: $input) {
      ...LabelFields
    }
  }
`);

export const UPDATE_LABEL_MUTATION = graphql(`
  mutation UpdateLabel($id: ID!, $input: LabelInput!) {
    updateLabel(id: $id, input: $input) {
      ...LabelFields
    }
  }
`);

export const SET_LABEL_ARCHIVED_MUTATION = graphql(`
  mutation SetLabelArchived($kind: LabelKind!, $id: ID!, $archived: Boolean!) {
    setLabelArchived(kind: $kind, id: $id, archived: $archived) {
      ...LabelFields
    }
  }
`);

export const CREATE_TAG_MUTATION = graphql(`
  mutation CreateTag($name: String!) {
    createTag(name: $name) {
      ...LabelFields
    }
  }
`);
