import { graphql } from '../../../graphql/generated';

export const DEAL_FIELDS_FRAGMENT = graphql(`
  fragment DealFields on Deal {
    id
    clientId
    cardId
    title
    amount
    currency
    date
    state
    createdAt
  }
`);

export const DEALS_QUERY = graphql(`
  query ClientDeals($clientId: ID!) {
    deals(clientId: $clientId) {
      ...DealFields
    }
  }
`);

export const CREATE_DEAL_MUTATION = graphql(`
  mutation CreateDeal($clientId: ID!, $input: DealInput!) {
    createDeal(clientId: $clientId, input: $input) {
      ...DealFields
    }
  }
`);

export const UPDATE_DEAL_MUTATION = graphql(`
  mutation UpdateDeal($id: ID!, $input: DealInput!) {
    updateDeal(id: $id, input: $input) {
      ...DealFields
    }
  }
`);

export const DELETE_DEAL_MUTATION = graphql(`
  mutation DeleteDeal($id: ID!) {
    deleteDeal(id: $id)
  }
`);
