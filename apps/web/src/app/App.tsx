import { useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router-dom';
import { ME_QUERY } from '../modules/auth/graphql/auth';
import { createApolloClient } from './apollo';
import { AppRoutes } from './routes';

export function App() {
  const [client] = useState(() => {
    const apollo = createApolloClient({
      // The session ended server-side: forget everything; RequireAuth then sends the user to /login
      // and brings them back to where they were after signing in.
      onUnauthenticated: () => {
        void apollo.clearStore().then(() => apollo.writeQuery({ query: ME_QUERY, data: { me: null } }));
      },
    });
    return apollo;
  });

  return (
    <ApolloProvider client={client}>
      {/* URL changes apply at once rather than as transitions: list pages keep their filters in the URL,
          and a transition render that changes a query's variables was restarted by every Apollo update. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </ApolloProvider>
  );
}
