import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { MockLink } from '@apollo/client/testing';
import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { FakeLive } from './live';
import { MemoryRouter } from 'react-router-dom';
import { GraphQLError } from 'graphql';
import { AppRoutes } from '../src/app/routes';
import { ME_QUERY } from '../src/modules/auth/graphql/auth';
import { ORGANISATION_QUERY } from '../src/modules/organisation/graphql/organisation';
import type { CurrentUserFragment, UserRowFragment } from '../src/graphql/generated/graphql';

type Mock = MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>;

/** Small factories for the data the API returns. */
export function buildMe(overrides: Partial<CurrentUserFragment> = {}) {
  return {
    __typename: 'User' as const,
    id: 'u-admin',
    name: 'Anna Kovács',
    email: 'anna@example.com',
    role: 'ADMIN' as const,
    locale: 'en',
    photoUrl: null as string | null,
    ...overrides,
  };
}

export function buildUserRow(overrides: Partial<UserRowFragment> = {}) {
  return {
    __typename: 'User' as const,
    id: 'u-1',
    name: 'Béla Nagy',
    email: 'bela@example.com',
    role: 'NORMAL' as const,
    locale: 'hu',
    active: true,
    lastLoginAt: '2025-03-01T09:30:00.000Z',
    departments: [] as Array<{ __typename: 'LabelRef'; id: string; name: string }>,
    ...overrides,
  };
}

export function meMock(me: ReturnType<typeof buildMe> | null): Mock {
  return { request: { query: ME_QUERY }, result: { data: { me } } };
}

export function buildOrganisation(overrides: Partial<{ timeZone: string; language: string; defaultCountry: string; defaultTimeZone: string; companyLookupCountries: string[]; baseCurrency: string | null }> = {}) {
  return { __typename: 'Organisation' as const, timeZone: 'Europe/Budapest', language: 'hu', defaultCountry: 'HU', defaultTimeZone: 'Europe/Budapest', companyLookupCountries: [] as string[], baseCurrency: null as string | null, ...overrides };
}

/** The organisation's settings, answered as often as asked (the shell reads them after sign-in). */
export function organisationMock(organisation = buildOrganisation()): Mock {
  return { request: { query: ORGANISATION_QUERY }, result: { data: { organisation } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

export function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new GraphQLError(message, { extensions });
}

/** The mocks with the organisation's settings unless a test gives its own. */
export function withOrganisation(mocks: Mock[]): Mock[] {
  return mocks.some((m) => m.request.query === ORGANISATION_QUERY) ? mocks : [...mocks, organisationMock()];
}

/** Renders the whole route tree at `path`, as the app does, with mocked GraphQL responses. */
export function renderApp(path: string, mocks: Mock[], ui?: ReactElement) {
  const user = userEvent.setup();
  // Subscriptions go to a fake server end the test can push events through (`live`).
  const live = new FakeLive();
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    live,
    new MockLink(withOrganisation(mocks), { defaultOptions: { delay: 0 } }),
  );
  const utils = render(
    <MockedProvider link={link}>
      <MemoryRouter initialEntries={[path]} useTransitions={false}>{ui ?? <AppRoutes />}</MemoryRouter>
    </MockedProvider>,
  );
  return { user, live, ...utils };
}
