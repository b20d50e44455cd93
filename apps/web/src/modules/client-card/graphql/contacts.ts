import { graphql } from '../../../graphql/generated';

export const CONTACT_FIELDS_FRAGMENT = graphql(`
  fragment ContactFields on Contact {
    id
    name
    title
    emails
    phones
    isPrimary
  }
`);

export const CONTACTS_QUERY = graphql(`
  query ClientContacts($clientId: ID!) {
    contacts(clientId: $clientId) {
      ...ContactFields
    }
  }
`);

export const CREATE_CONTACT_MUTATION = graphql(`
  mutation CreateContact($clientId: ID!, $input: ContactInput!) {
    createContact(clientId: $clientId, input: $input) {
      ...ContactFields
    }
  }
`);

export const UPDATE_CONTACT_MUTATION = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!) {
    updateContact(id: $id, input: $input) {
      ...ContactFields
    }
  }
`);

export const SET_PRIMARY_CONTACT_MUTATION = graphql(`
  mutation SetPrimaryContact($id: ID!) {
    setPrimaryContact(id: $id) {
      ...ContactFields
    }
  }
`);

export const DELETE_CONTACT_MUTATION = graphql(`
  mutation DeleteContact($id: ID!) {
    deleteContact(id: $id)
  }
`);
