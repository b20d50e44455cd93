import { ApolloLink } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';
import { USERS_QUERY } from '../modules/users/graphql/users';
import { LOGIN_MUTATION } from '../modules/auth/graphql/auth';
import { createApolloClient } from './apollo';

const answerWith = (code: string) =>
  new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ errors: [new GraphQLError('no', { extensions: { code } })] });
        observer.complete();
      }),
  );

describe('createApolloClient', () => {
  it('reports UNAUTHENTICATED from any operation so the app can send the user to /login', async () => {
    const onUnauthenticated = jest.fn();
    const client = createApolloClient({ onUnauthenticated, transport: answerWith('UNAUTHENTICATED') });

    await expect(client.query({ query: USERS_QUERY })).rejects.toThrow();

    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not treat a failed login or other errors as an ended session', async () => {
    const onUnauthenticated = jest.fn();
    const loginClient = createApolloClient({ onUnauthenticated, transport: answerWith('UNAUTHENTICATED') });
    await expect(
      loginClient.mutate({ mutation: LOGIN_MUTATION, variables: { input: { email: 'a@b.co', password: 'x' } } }),
    ).rejects.toThrow();

    const forbiddenClient = createApolloClient({ onUnauthenticated, transport: answerWith('FORBIDDEN') });
    await expect(forbiddenClient.query({ query: USERS_QUERY })).rejects.toThrow();

    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
