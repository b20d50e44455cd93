import { ApolloLink } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';
import { USERS_QUERY } from '../modules/users/graphql/users';
import { LOGIN_MUTATION } from '../modules/auth/graphql/auth';
import { createApolloClient, lazyLink } from './apollo';

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

describe('lazyLink', () => {
  const operation = () => ({ query: USERS_QUERY, variables: {} });
  const results = (link: ApolloLink) =>
    new Promise<unknown[]>((resolve, reject) => {
      const seen: unknown[] = [];
      ApolloLink.execute(link, operation(), { client: {} as never }).subscribe({ next: (r) => seen.push(r), error: reject, complete: () => resolve(seen) });
    });

  it('loads its link with the first operation, once, and passes every result through', async () => {
    const load = jest.fn(async () => new ApolloLink(() => new Observable((observer) => {
      observer.next({ data: { n: 1 } });
      observer.next({ data: { n: 2 } });
      observer.complete();
    })));
    const link = lazyLink(load);
    expect(load).not.toHaveBeenCalled();

    await expect(results(link)).resolves.toEqual([{ data: { n: 1 } }, { data: { n: 2 } }]);
    await expect(results(link)).resolves.toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load to the operation and tries again with the next one', async () => {
    const load = jest
      .fn<Promise<ApolloLink>, []>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(new ApolloLink(() => new Observable((observer) => observer.complete())));
    const link = lazyLink(load);

    await expect(results(link)).rejects.toThrow('offline');
    await expect(results(link)).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not start an operation unsubscribed before its link arrived', async () => {
    const request = jest.fn(() => new Observable<ApolloLink.Result>(() => undefined));
    let arrive!: (link: ApolloLink) => void;
    const link = lazyLink(() => new Promise((resolve) => (arrive = resolve)));

    ApolloLink.execute(link, operation(), { client: {} as never }).subscribe({}).unsubscribe();
    const arrived = new ApolloLink(request);
    arrive(arrived);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(request).not.toHaveBeenCalled();
  });
});
