import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isUnauthenticated } from './errors';

export interface CreateClientOptions {
  /** Called when any operation (other than login itself) reports UNAUTHENTICATED. */
  onUnauthenticated: () => void;
  /** The terminating link; tests pass a fake one. Defaults to HTTP on the same origin. */
  transport?: ApolloLink;
}

/**
 * The session lives in an httpOnly cookie, so the client only sends same-origin credentials;
 * there is no token in JS.
 */
export function createApolloClient({ onUnauthenticated, transport }: CreateClientOptions) {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (operation.operationName !== 'Login' && isUnauthenticated(error)) onUnauthenticated();
  });
  const httpLink = transport ?? new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, httpLink]),
    cache: new InMemoryCache(),
  });
}
