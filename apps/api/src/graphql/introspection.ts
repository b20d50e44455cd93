import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Context } from './context';
import { AppError } from './errors';

/** Whether an operation asks for the schema (__schema or __type anywhere, fragments included). */
export function asksForSchema(document: DocumentNode): boolean {
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__schema' || s.name.value === '__type' || walk(s.selectionSet);
      return s.kind === Kind.INLINE_FRAGMENT ? walk(s.selectionSet) : false;
    });
  return document.definitions.some((d) => (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) && walk(d.selectionSet));
}

/** In production the schema is shown only to signed-in users (the web app's types come from the committed file). */
export function introspectionNeedsSession(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!enabled) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!contextValue.user && asksForSchema(document)) {
            const error = new AppError('UNAUTHENTICATED', 'Sign in to read the schema.');
            throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 401 } } });
          }
        },
      };
    },
  };
}
