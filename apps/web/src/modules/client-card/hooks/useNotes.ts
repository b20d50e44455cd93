import { useMutation, useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import type { NoteFieldsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CREATE_NOTE_MUTATION, DELETE_NOTE_MUTATION, NOTES_QUERY, UPDATE_NOTE_MUTATION } from '../graphql/notes';

function writeNotes(cache: ApolloCache, cardId: string, change: (notes: NoteFieldsFragment[]) => NoteFieldsFragment[]) {
  cache.updateQuery({ query: NOTES_QUERY, variables: { cardId } }, (existing) =>
    existing ? { notes: change([...existing.notes]) } : existing,
  );
}

export function useNotes(cardId: string) {
  const { data, loading, error, refetch } = useQuery(NOTES_QUERY, { variables: { cardId } });
  return { notes: data?.notes ?? [], loading: loading && !data, error, refetch };
}

export function useNoteMutations(cardId: string) {
  const [create, createState] = useMutation(CREATE_NOTE_MUTATION, {
    update(cache, { data }) {
      const note = data?.createNote;
      if (note) writeNotes(cache, cardId, (notes) => [note, ...notes.filter((n) => n.id !== note.id)]);
    },
  });
  const [update, updateState] = useMutation(UPDATE_NOTE_MUTATION);
  const [remove, removeState] = useMutation(DELETE_NOTE_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return {
    createNote: (body: string) => run(async () => (await create({ variables: { cardId, input: { body } } })).data?.createNote),
    updateNote: (id: string, body: string) => run(async () => (await update({ variables: { id, input: { body } } })).data?.updateNote),
    deleteNote: (id: string) =>
      run(async () => {
        const result = await remove({
          variables: { id },
          update(cache) {
            writeNotes(cache, cardId, (notes) => notes.filter((n) => n.id !== id));
          },
        });
        return result.data?.deleteNote;
      }),
    loading: createState.loading || updateState.loading || removeState.loading,
    error,
    clearError,
  };
}
