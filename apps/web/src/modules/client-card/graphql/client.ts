import { graphql } from '../../../graphql/generated';

/**
 * Edits the client's own data and labels. The answer carries every field the record page shows of
 * them, so Apollo's cache updates the page without a refetch.
 */
export const UPDATE_CLIENT_MUTATION = graphql(`
  mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      client {
        id
        name
        type
        emails
        phones
        address
        taxId
        website
        domain
        updatedAt
        owner {
          id
          name
        }
        department {
          id
          name
        }
        classification {
          id
          name
        }
        categories {
          id
          name
        }
        tags {
          id
          name
        }
      }
      possibleDuplicates {
        id
        name
      }
    }
  }
`);

/** Something on the client's card changed (todos, history, cards...): read it again. */
export const CLIENT_CHANGED_SUBSCRIPTION = graphql(`
  subscription ClientChangedLive($clientId: ID!) {
    clientChanged(clientId: $clientId) {
      clientId
      initial
    }
  }
`);
