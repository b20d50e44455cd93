import { graphql } from '../../../graphql/generated';

/** A row of the card list: every column the list can show. */
export const CARD_ROW_FRAGMENT = graphql(`
  fragment CardRow on Card {
    id
    statusId
    value
    currency
    createdAt
    updatedAt
    client {
      id
      name
      type
      emails
      phones
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
    owner {
      id
      name
    }
    nextTodo {
      id
      title
      deadline
      assigneeId
    }
    customValues
  }
`);

/** The pipeline's custom fields: optional columns (and, for choices and yes/no, filters) of the list. */
export const LIST_CUSTOM_FIELDS_QUERY = graphql(`
  query CardListCustomFields($pipelineId: ID!) {
    customFields(pipelineId: $pipelineId) {
      id
      label
      kind
      options
      position
    }
  }
`);

export const CARD_LIST_QUERY = graphql(`
  query CardList($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {
    cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) {
      items {
        ...CardRow
      }
      total
    }
  }
`);

export const MASS_UPDATE_CARDS_MUTATION = graphql(`
  mutation MassUpdateCards($input: MassUpdateCardsInput!) {
    massUpdateCards(input: $input) {
      matched
      changed
      undoId
      undoUntil
    }
  }
`);

/** The list's live signal: a change the viewer may see happened in this pipeline (the list reads its page again). */
export const CARD_LIST_LIVE_SUBSCRIPTION = graphql(`
  subscription CardListLive($pipelineId: ID!, $filter: CardFilterInput) {
    boardChanges(pipelineId: $pipelineId, filter: $filter) {
      initial
      changes {
        serverTime
      }
    }
  }
`);
