import { graphql } from '../../../graphql/generated';

export const UNSORTED_CONTACTS_QUERY = graphql(`
  query UnsortedContacts {
    unsortedContacts {
      id
      email
      name
      seenCount
      lastSeenAt
      source
    }
  }
`);

export const CREATE_CLIENTS_FROM_UNSORTED_MUTATION = graphql(`
  mutation CreateClientsFromUnsorted($ids: [ID!]!, $categoryId: ID) {
    createClientsFromUnsorted(ids: $ids, categoryId: $categoryId)
  }
`);

export const DISMISS_UNSORTED_CONTACTS_MUTATION = graphql(`
  mutation DismissUnsortedContacts($ids: [ID!]!) {
    dismissUnsortedContacts(ids: $ids)
  }
`);
