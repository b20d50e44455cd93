import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client } from 'graphql-ws';

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

/** The link that carries subscriptions (app/apollo.ts loads this module with the first one). */
export function createLiveLink(onUnauthenticated: () => void) {
  return new GraphQLWsLink(createLiveSocket(onUnauthenticated));
}
