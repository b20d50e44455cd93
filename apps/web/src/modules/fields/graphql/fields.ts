import { graphql } from '../../../graphql/generated';

export const CUSTOM_FIELD_SETTINGS_FRAGMENT = graphql(`
  fragment CustomFieldSettings on CustomField {
    id
    pipelineId
    label
    kind
    options
    required
    position
    archivedAt
  }
`);

export const CUSTOM_FIELDS_SETTINGS_QUERY = graphql(`
  query CustomFieldsSettings($pipelineId: ID!, $includeArchived: Boolean!) {
    customFields(pipelineId: $pipelineId, includeArchived: $includeArchived) {
      ...CustomFieldSettings
    }
  }
`);

export const CREATE_CUSTOM_FIELD_MUTATION = graphql(`
  mutation CreateCustomField($pipelineId: ID!, $input: CustomFieldInput!) {
    createCustomField(pipelineId: $pipelineId, input: $input) {
      ...CustomFieldSettings
    }
  }
`);

export const UPDATE_CUSTOM_FIELD_MUTATION = graphql(`
  mutation UpdateCustomField($id: ID!, $input: CustomFieldInput!) {
    updateCustomField(id: $id, input: $input) {
      ...CustomFieldSettings
    }
  }
`);

export const REORDER_CUSTOM_FIELDS_MUTATION = graphql(`
  mutation ReorderCustomFields($pipelineId: ID!, $fieldIds: [ID!]!) {
    reorderCustomFields(pipelineId: $pipelineId, fieldIds: $fieldIds) {
      ...CustomFieldSettings
    }
  }
`);

export const SET_CUSTOM_FIELD_ARCHIVED_MUTATION = graphql(`
  mutation SetCustomFieldArchived($id: ID!, $archived: Boolean!) {
    setCustomFieldArchived(id: $id, archived: $archived) {
      ...CustomFieldSettings
    }
  }
`);
