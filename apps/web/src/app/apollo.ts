import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { isUnauthenticated } from './errors';

export interface CreateClientOptions {
  /** Called when any operation (other than login itself) reports UNAUTHENTICATED. */
  onUnauthenticated: () => void;
  /** The terminating link; tests pass a fake one. Defaults to HTTP on the same origin, subscriptions over a WebSocket. */
  transport?: ApolloLink;
}

/** Close codes with which the server ends a socket whose session is missing or over. */
const SESSION_CLOSE_CODES = [4401, 4403];

/**
 * Subscriptions over a WebSocket to /graphql on the same origin (the session cookie goes along).
 * It opens with the first subscription and closes shortly after the last; a dropped connection is
 * retried for ever with growing, randomised waits, and each subscription starts again with an
 * initial event that tells its hook to catch up. A socket refused for want of a session is not.
 */
export function createLiveSocket(onUnauthenticated: () => void): Client {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient({
    url: url.toString(),
    lazy: true,
    lazyCloseTimeout: 3000,
    retryAttempts: Infinity,
    // A ping every 30 s keeps proxies from closing a quiet socket and notices a dead one.
    keepAlive: 30_000,
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && SESSION_CLOSE_CODES.includes((event as CloseEvent).code)),
    on: {
      closed: (event) => {
        if (event && typeof event === 'object' && 'code' in event && SESSION_CLOSE_CODES.includes((event as CloseEvent).code)) onUnauthenticated();
      },
    },
  });
}

/**
 * The session lives in an httpOnly cookie, so the client only sends same-origin credentials;
 * there is no token in JS.
 */
export function createApolloClient({ onUnauthenticated, transport }: CreateClientOptions) {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (operation.operationName !== 'Login' && isUnauthenticated(error)) onUnauthenticated();
  });
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const terminating =
    transport ??
    ApolloLink.split(
      ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
      new GraphQLWsLink(createLiveSocket(onUnauthenticated)),
      httpLink,
    );

  return new ApolloClient({
    link: ApolloLink.from([errorLink, terminating]),
    cache: new InMemoryCache(),
  });
}
