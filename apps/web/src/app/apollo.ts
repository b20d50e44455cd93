import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import { isUnauthenticated } from './errors';

export interface CreateClientOptions {
  /** Called when any operation (other than login itself) reports UNAUTHENTICATED. */
  onUnauthenticated: () => void;
  /** The terminating link; tests pass a fake one. Defaults to HTTP on the same origin, subscriptions over a WebSocket. */
  transport?: ApolloLink;
}

/**
 * A terminating link whose code loads with the first operation it carries: the WebSocket client is not
 * part of the first download (the board subscribes once it has loaded).
 */
export function lazyLink(load: () => Promise<ApolloLink>): ApolloLink {
  let loading: Promise<ApolloLink> | null = null;
  return new ApolloLink(
    (operation, forward) =>
      new Observable((observer) => {
        let subscription: Subscription | undefined;
        let closed = false;
        (loading ??= load()).then(
          (link) => {
            if (!closed) subscription = link.request(operation, forward).subscribe(observer);
          },
          (error: unknown) => {
            loading = null;
            observer.error(error);
          },
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
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
      lazyLink(() => import('./live').then(({ createLiveLink }) => createLiveLink(onUnauthenticated))),
      httpLink,
    );

  return new ApolloClient({
    link: ApolloLink.from([errorLink, terminating]),
    cache: new InMemoryCache(),
  });
}
