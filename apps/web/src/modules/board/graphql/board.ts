import { graphql } from '../../../graphql/generated';

/** What a card on the board shows, plus what ordering and merging need. */
export const BOARD_CARD_FRAGMENT = graphql(`
  fragment BoardCard on Card {
    id
    pipelineId
    statusId
    position
    value
    currency
    updatedAt
    client {
      id
      name
      type
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
  }
`);

export const BOARD_QUERY = graphql(`
  query Board($pipelineId: ID!, $filter: CardFilterInput) {
    board(pipelineId: $pipelineId, filter: $filter) {
      status {
        id
        name
        kind
        color
      }
      count
      sums {
        currency
        amount
      }
      cards {
        ...BoardCard
      }
      endCursor
      hasMore
    }
  }
`);

export const COLUMN_CARDS_QUERY = graphql(`
  query ColumnCards($statusId: ID!, $after: String, $first: Int!, $filter: CardFilterInput) {
    columnCards(statusId: $statusId, after: $after, first: $first, filter: $filter) {
      cards {
        ...BoardCard
      }
      endCursor
      hasMore
    }
  }
`);

/** What other people changed on a board (the catch-up query and the live events carry the same). */
export const BOARD_CHANGES_FRAGMENT = graphql(`
  fragment BoardChanges on CardChanges {
    cards {
      ...BoardCard
    }
    removedIds
    serverTime
    reset
    columns {
      statusId
      count
      sums {
        currency
        amount
      }
    }
  }
`);

export const CARD_CHANGES_QUERY = graphql(`
  query CardChanges($pipelineId: ID!, $since: DateTimeISO!, $filter: CardFilterInput) {
    cardChanges(pipelineId: $pipelineId, since: $since, filter: $filter) {
      ...BoardChanges
    }
  }
`);

/** Other people's changes as they happen; the first event (again after a reconnect) says: catch up. */
export const BOARD_CHANGES_SUBSCRIPTION = graphql(`
  subscription BoardChangesLive($pipelineId: ID!, $filter: CardFilterInput) {
    boardChanges(pipelineId: $pipelineId, filter: $filter) {
      initial
      changes {
        ...BoardChanges
      }
    }
  }
`);

export const MOVE_CARD_MUTATION = graphql(`
  mutation MoveCard($input: MoveCardInput!) {
    moveCard(input: $input) {
      ...BoardCard
    }
  }
`);

export const CREATE_CARD_MUTATION = graphql(`
  mutation CreateCard($input: CreateCardInput!) {
    createCard(input: $input) {
      ...BoardCard
    }
  }
`);
