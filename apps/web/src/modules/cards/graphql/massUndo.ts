import { graphql } from '../../../graphql/generated';

export const MASS_UPDATE_FRAGMENT = graphql(`
  fragment MassUpdateRow on MassUpdate {
    id
    actor {
      id
      name
    }
    pipelineName
    fields
    changed
    createdAt
    undoUntil
    undoneAt
    canUndo
  }
`);

export const MASS_UPDATES_QUERY = graphql(`
  query MassUpdates($limit: Int) {
    massUpdates(limit: $limit) {
      ...MassUpdateRow
    }
  }
`);

export const UNDO_MASS_UPDATE_MUTATION = graphql(`
  mutation UndoMassUpdate($id: ID!) {
    undoMassUpdate(id: $id) {
      restored
    }
  }
`);
