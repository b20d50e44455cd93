import { graphql } from '../../../graphql/generated';

export const API_KEY_ROW_FRAGMENT = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    canWrite
    modules
    expiresAt
    revokedAt
    lastUsedAt
    createdAt
  }
`);

export const API_KEYS_QUERY = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeyRow
    }
  }
`);

export const CREATE_API_KEY_MUTATION = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      key {
        ...ApiKeyRow
      }
    }
  }
`);

export const REVOKE_API_KEY_MUTATION = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyRow
    }
  }
`);
