import { graphql } from '../../../graphql/generated';

export const CARD_FIELDS_QUERY = graphql(`
  query CardCustomFields($cardId: ID!, $pipelineId: ID!) {
    card(id: $cardId) {
      id
      customValues
    }
    customFields(pipelineId: $pipelineId) {
      id
      label
      kind
      options
      required
      position
    }
  }
`);

export const SET_CARD_FIELD_VALUES_MUTATION = graphql(`
  mutation SetCardFieldValues($cardId: ID!, $values: [FieldValueInput!]!) {
    setCardFieldValues(cardId: $cardId, values: $values)
  }
`);
