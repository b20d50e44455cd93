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

export const UNSORTED_MAILS_QUERY = graphql(`
  query UnsortedMails {
    unsortedMails {
      id
      fromAddress
      fromName
      subject
      kind
      receivedAt
      candidateClientIds
      attachments {
        name
        inline
      }
    }
  }
`);

export const ASSIGN_INBOUND_MAIL_MUTATION = graphql(`
  mutation AssignInboundMail($id: ID!, $clientId: ID!) {
    assignInboundMail(id: $id, clientId: $clientId) {
      ...InboundMailFields
    }
  }
`);

export const MAIL_CLIENT_SEARCH_QUERY = graphql(`
  query MailClientSearch($text: String!) {
    clients(filter: { text: $text }, page: { limit: 10 }) {
      items {
        id
        name
      }
    }
  }
`);

export const MAIL_CANDIDATE_QUERY = graphql(`
  query MailCandidate($id: ID!) {
    client(id: $id) {
      id
      name
    }
  }
`);

export const CREATE_CARD_FOR_MAIL_MUTATION = graphql(`
  mutation CreateCardForMail($input: CreateCardInput!) {
    createCard(input: $input) {
      id
      client {
        id
      }
    }
  }
`);
