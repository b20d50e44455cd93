import { graphql } from '../../../graphql/generated';

export const TRASH_QUERY = graphql(`
  query Trash($kind: TrashKind) {
    trash(kind: $kind) {
      id
      kind
      name
      clientName
      deletedAt
      deletedBy {
        id
        name
      }
    }
  }
`);

export const RESTORE_FROM_TRASH_MUTATION = graphql(`
  mutation RestoreFromTrash($id: ID!, $kind: TrashKind!) {
    restoreFromTrash(id: $id, kind: $kind)
  }
`);

export const PURGE_FROM_TRASH_MUTATION = graphql(`
  mutation PurgeFromTrash($id: ID!, $kind: TrashKind!) {
    purgeFromTrash(id: $id, kind: $kind)
  }
`);
