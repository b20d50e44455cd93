import { graphql } from '../../../graphql/generated';

/** Status, owner and value of the card on the record page; the page reads its cards again after it. */
export const UPDATE_CARD_MUTATION = graphql(`
  mutation UpdateCard($id: ID!, $input: UpdateCardInput!) {
    updateCard(id: $id, input: $input) {
      id
      statusId
      value
      currency
      expectedCloseDate
      owner {
        id
        name
      }
    }
  }
`);

export const ADD_CLIENT_TO_PIPELINE_MUTATION = graphql(`
  mutation AddClientToPipeline($input: AddClientToPipelineInput!) {
    addClientToPipeline(input: $input) {
      id
      pipelineId
      statusId
    }
  }
`);

export const DELETE_CARD_MUTATION = graphql(`
  mutation DeleteCard($id: ID!) {
    deleteCard(id: $id)
  }
`);

export const DELETE_CLIENT_MUTATION = graphql(`
  mutation DeleteClient($id: ID!) {
    deleteClient(id: $id)
  }
`);
