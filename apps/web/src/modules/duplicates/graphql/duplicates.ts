import { graphql } from '../../../graphql/generated';

export const DUPLICATE_GROUPS_QUERY = graphql(`
  query DuplicateGroups($limit: Int!) {
    duplicateGroups(limit: $limit) {
      reason
      value
      matches {
        reason
        value
      }
      clients {
        id
        name
        type
        emails
        phones
        taxId
        domain
        createdAt
        owner {
          id
          name
        }
      }
    }
  }
`);

export const MERGE_CLIENTS_MUTATION = graphql(`
  mutation MergeClients($input: MergeClientsInput!) {
    mergeClients(input: $input) {
      id
      name
    }
  }
`);

export const POSSIBLE_DUPLICATES_QUERY = graphql(`
  query PossibleDuplicates($input: DuplicateProbeInput!) {
    possibleDuplicates(input: $input) {
      id
      name
    }
  }
`);
