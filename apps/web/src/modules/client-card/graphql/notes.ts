import { graphql } from '../../../graphql/generated';

export const NOTE_FIELDS_FRAGMENT = graphql(`
  fragment NoteFields on Note {
    id
    cardId
    body
    createdAt
    updatedAt
    author {
      id
      name
    }
  }
`);

export const NOTES_QUERY = graphql(`
  query CardNotes($cardId: ID!) {
    notes(cardId: $cardId) {
      ...NoteFields
    }
  }
`);

export const CREATE_NOTE_MUTATION = graphql(`
  mutation CreateNote($cardId: ID!, $input: NoteInput!) {
    createNote(cardId: $cardId, input: $input) {
      ...NoteFields
    }
  }
`);

export const UPDATE_NOTE_MUTATION = graphql(`
  mutation UpdateNote($id: ID!, $input: NoteInput!) {
    updateNote(id: $id, input: $input) {
      ...NoteFields
    }
  }
`);

export const DELETE_NOTE_MUTATION = graphql(`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`);
