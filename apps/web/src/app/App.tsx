import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { BrowserRouter } from 'react-router-dom';
import { ME_QUERY } from '../modules/auth/graphql/auth';
import { createApolloClient } from './apollo';
import { CrashBoundary } from './CrashBoundary';
import { AppRoutes } from './routes';

/** The app's client, made before the first render so that the first page's data can start loading at once. */
export function createAppClient() {
  const apollo = createApolloClient({
    // The session ended server-side: forget everything; RequireAuth then sends the user to /login
    // and brings them back to where they were after signing in.
    onUnauthenticated: () => {
      void apollo.clearStore().then(() => apollo.writeQuery({ query: ME_QUERY, data: { me: null } }));
    },
  });
  return apollo;
}

export function App({ client }: { client: ApolloClient }) {
  return (
    <ApolloProvider client={client}>
      {/* URL changes apply at once rather than as transitions: list pages keep their filters in the URL,
          and a transition render that changes a query's variables was restarted by every Apollo update. */}
      <BrowserRouter useTransitions={false}>
        <CrashBoundary>
          <AppRoutes />
        </CrashBoundary>
      </BrowserRouter>
    </ApolloProvider>
  );
}
