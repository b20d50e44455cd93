import type {
  BoardCardFragment,
  CardRowFragment,
  ClientDetailQuery,
  LabelFieldsFragment,
  PipelineFieldsFragment,
  StatusFieldsFragment,
} from '../src/graphql/generated/graphql';
import { PIPELINES_QUERY } from '../src/modules/pipelines/graphql/pipelines';
import { VIEWS_QUERY } from '../src/modules/views/graphql/views';
import { ASSIGNABLE_USERS_QUERY } from '../src/modules/users/graphql/users';
import { LABELS_QUERY } from '../src/modules/labels/graphql/labels';

/** Small factories for the pipeline work data the API returns (with __typename, as the server sends it). */
export function buildStatus(overrides: Partial<StatusFieldsFragment> = {}) {
  return {
    __typename: 'Status' as const,
    id: 's1',
    pipelineId: 'p1',
    name: 'New lead',
    kind: 'OPEN' as const,
    color: '#64748b',
    position: 0,
    archivedAt: null,
    probability: null,
    ...overrides,
  };
}

export function buildPipeline(overrides: Partial<PipelineFieldsFragment> = {}) {
  return {
    __typename: 'Pipeline' as const,
    id: 'p1',
    name: 'Sales',
    position: 0,
    archivedAt: null,
    statuses: [
      buildStatus({ id: 's1', name: 'New lead', position: 0 }),
      buildStatus({ id: 's2', name: 'Contacted', position: 1, color: '#0ea5e9' }),
      buildStatus({ id: 's3', name: 'Won', position: 2, kind: 'WON', color: '#16a34a' }),
    ],
    ...overrides,
  };
}

export function buildBoardCard(overrides: Partial<BoardCardFragment> & { clientName?: string } = {}) {
  const { clientName, ...rest } = overrides;
  const id = rest.id ?? 'c1';
  return {
    __typename: 'Card' as const,
    id,
    pipelineId: 'p1',
    statusId: 's1',
    position: 'a0',
    value: 1000,
    currency: 'EUR',
    updatedAt: '2026-03-01T09:00:00.000Z',
    client: { __typename: 'CardClient' as const, id: `client-${id}`, name: clientName ?? `Client ${id}`, type: 'COMPANY' as const },
    owner: { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' },
    nextTodo: null,
    ...rest,
  };
}

export function buildCardRow(overrides: Partial<CardRowFragment> & { clientName?: string } = {}) {
  const { clientName, ...rest } = overrides;
  const id = rest.id ?? 'c1';
  return {
    __typename: 'Card' as const,
    id,
    statusId: 's1',
    value: 1000,
    currency: 'EUR',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    client: {
      __typename: 'CardClient' as const,
      id: `client-${id}`,
      name: clientName ?? `Client ${id}`,
      type: 'COMPANY' as const,
      emails: [],
      phones: [],
      department: null,
      classification: null,
      categories: [],
      tags: [],
    },
    owner: { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' },
    nextTodo: null,
    customValues: {},
    ...rest,
  };
}

export function buildLabel(overrides: Partial<LabelFieldsFragment> = {}) {
  return { __typename: 'Label' as const, id: 'l1', kind: 'TAG' as const, name: 'Hot', color: null, archivedAt: null, ...overrides };
}

export const users = [
  { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' },
  { __typename: 'UserRef' as const, id: 'u-2', name: 'Cecília Tóth' },
];

export const pipelinesMock = (pipelines = [buildPipeline()], includeArchived = false) => ({
  request: { query: PIPELINES_QUERY, variables: { includeArchived } },
  result: { data: { pipelines } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

export const navViewsMock = (views: unknown[] = []) => ({
  request: { query: VIEWS_QUERY, variables: { kind: 'CARDS', pipelineId: null } },
  result: { data: { views } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

export const assignableUsersMock = () => ({
  request: { query: ASSIGNABLE_USERS_QUERY },
  result: { data: { assignableUsers: users } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

export const labelsMock = (kind: string, labels: unknown[] = [], includeArchived = false) => ({
  request: { query: LABELS_QUERY, variables: { kind, includeArchived } },
  result: { data: { labels } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/** The client as the record page loads it (ClientDetail), with no cards unless given. */
export function buildClientDetail(overrides: Partial<ClientDetailQuery['client']> = {}) {
  const client: ClientDetailQuery['client'] & { __typename: 'ClientDetail' } = {
    __typename: 'ClientDetail',
    id: 'cl-1',
    name: 'Kovács Kft.',
    type: 'COMPANY',
    emails: ['info@kovacs.hu'],
    phones: [],
    address: null,
    taxId: null,
    website: null,
    domain: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    owner: null,
    department: null,
    classification: null,
    categories: [],
    tags: [],
    contacts: [],
    cards: [],
    ...overrides,
  };
  return client;
}
