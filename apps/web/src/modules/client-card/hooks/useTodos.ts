import { useMutation, useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import type { TodoFieldsFragment, TodoInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_TODO_MUTATION,
  DELETE_TODO_MUTATION,
  SET_TODO_DONE_MUTATION,
  TODOS_QUERY,
  UPDATE_TODO_MUTATION,
} from '../graphql/todos';

const byDeadline = (a: TodoFieldsFragment, b: TodoFieldsFragment) => a.deadline.localeCompare(b.deadline);

/** Keeps the open todo list of a card in deadline order after a change. */
function writeOpenTodos(cache: ApolloCache, cardId: string, change: (todos: TodoFieldsFragment[]) => TodoFieldsFragment[]) {
  cache.updateQuery({ query: TODOS_QUERY, variables: { cardId, done: false } }, (existing) =>
    existing ? { todos: change([...existing.todos]).sort(byDeadline) } : existing,
  );
}

/** The next card and History refresh after todo changes (the card's "next todo" on lists too). */
const REFRESH = ['CardHistory', 'ClientDetail'];

export function useOpenTodos(cardId: string) {
  const { data, loading, error, refetch } = useQuery(TODOS_QUERY, { variables: { cardId, done: false } });
  return { todos: data?.todos ?? [], loading: loading && !data, error, refetch };
}

export function useTodoMutations(cardId: string) {
  const [create, createState] = useMutation(CREATE_TODO_MUTATION, {
    refetchQueries: REFRESH,
    update(cache, { data }) {
      const todo = data?.createTodo;
      if (todo) writeOpenTodos(cache, cardId, (todos) => (todos.some((t) => t.id === todo.id) ? todos : [...todos, todo]));
    },
  });
  const [update, updateState] = useMutation(UPDATE_TODO_MUTATION, {
    refetchQueries: REFRESH,
    update(cache, { data }) {
      if (data?.updateTodo) writeOpenTodos(cache, cardId, (todos) => todos);
    },
  });
  const [setDone, doneState] = useMutation(SET_TODO_DONE_MUTATION, {
    refetchQueries: REFRESH,
    update(cache, { data }) {
      const todo = data?.setTodoDone;
      if (!todo) return;
      writeOpenTodos(cache, cardId, (todos) => (todo.doneAt ? todos.filter((t) => t.id !== todo.id) : [...todos, todo]));
    },
  });
  const [remove, removeState] = useMutation(DELETE_TODO_MUTATION, { refetchQueries: REFRESH });
  const { error, run, clearError } = useMutationErrors();
  return {
    createTodo: (input: TodoInput) => run(async () => (await create({ variables: { cardId, input } })).data?.createTodo),
    updateTodo: (id: string, input: TodoInput) => run(async () => (await update({ variables: { id, input } })).data?.updateTodo),
    setTodoDone: (id: string, done: boolean) => run(async () => (await setDone({ variables: { id, done } })).data?.setTodoDone),
    deleteTodo: (id: string) =>
      run(async () => {
        const result = await remove({
          variables: { id },
          update(cache) {
            writeOpenTodos(cache, cardId, (todos) => todos.filter((t) => t.id !== id));
          },
        });
        return result.data?.deleteTodo;
      }),
    loading: createState.loading || updateState.loading || doneState.loading || removeState.loading,
    error,
    clearError,
  };
}
