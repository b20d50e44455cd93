import { graphql } from '../../../graphql/generated';

export const TODO_FIELDS_FRAGMENT = graphql(`
  fragment TodoFields on Todo {
    id
    cardId
    title
    text
    deadline
    doneAt
    createdAt
    assignee {
      id
      name
    }
  }
`);

export const TODOS_QUERY = graphql(`
  query CardTodos($cardId: ID!, $done: Boolean! = false) {
    todos(cardId: $cardId, done: $done) {
      ...TodoFields
    }
  }
`);

export const CREATE_TODO_MUTATION = graphql(`
  mutation CreateTodo($cardId: ID!, $input: TodoInput!) {
    createTodo(cardId: $cardId, input: $input) {
      ...TodoFields
    }
  }
`);

export const UPDATE_TODO_MUTATION = graphql(`
  mutation UpdateTodo($id: ID!, $input: TodoInput!) {
    updateTodo(id: $id, input: $input) {
      ...TodoFields
    }
  }
`);

export const SET_TODO_DONE_MUTATION = graphql(`
  mutation SetTodoDone($id: ID!, $done: Boolean!) {
    setTodoDone(id: $id, done: $done) {
      ...TodoFields
    }
  }
`);

export const DELETE_TODO_MUTATION = graphql(`
  mutation DeleteTodo($id: ID!) {
    deleteTodo(id: $id)
  }
`);

export const CARD_HISTORY_QUERY = graphql(`
  query CardHistory($cardId: ID!, $kinds: [HistoryKind!]) {
    cardHistory(cardId: $cardId, kinds: $kinds) {
      ...HistoryEntryFields
    }
  }
`);

export const HISTORY_ENTRY_FRAGMENT = graphql(`
  fragment HistoryEntryFields on HistoryEntry {
    id
    at
    action
    entity
    entityId
    kind
    changes
    names
    actor {
      id
      name
    }
  }
`);
