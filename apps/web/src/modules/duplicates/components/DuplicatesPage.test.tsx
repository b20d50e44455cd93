import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { DUPLICATE_GROUPS_QUERY, MERGE_CLIENTS_MUTATION } from '../graphql/duplicates';
import { DuplicatesPage, GROUPS_PAGE } from './DuplicatesPage';

const client = (id: string, name: string) => ({
  __typename: 'Client' as const,
  id,
  name,
  type: 'COMPANY' as const,
  emails: ['info@alfa.hu'],
  phones: [],
  taxId: null,
  domain: 'alfa.hu',
  createdAt: '2026-01-10T09:00:00.000Z',
  owner: null,
});

const group = {
  __typename: 'DuplicateGroup' as const,
  reason: 'EMAIL' as const,
  value: 'info@alfa.hu',
  matches: [
    { __typename: 'DuplicateMatch' as const, reason: 'EMAIL' as const, value: 'info@alfa.hu' },
    { __typename: 'DuplicateMatch' as const, reason: 'DOMAIN' as const, value: 'alfa.hu' },
  ],
  clients: [client('c1', 'Alfa Kft.'), client('c2', 'ALFA Kft')],
};

describe('Duplicates page', () => {
  it('merges a group into the chosen primary after a confirmation that says what moves', async () => {
    const { user } = renderApp(
      '/',
      [
        { request: { query: DUPLICATE_GROUPS_QUERY, variables: { limit: GROUPS_PAGE } }, result: { data: { duplicateGroups: [group] } } },
        {
          request: { query: MERGE_CLIENTS_MUTATION, variables: { input: { primaryId: 'c2', otherIds: ['c1'] } } },
          result: { data: { mergeClients: { __typename: 'ClientDetail', id: 'c2', name: 'ALFA Kft' } } },
        },
        { request: { query: DUPLICATE_GROUPS_QUERY, variables: { limit: GROUPS_PAGE } }, result: { data: { duplicateGroups: [] } } },
      ],
      <DuplicatesPage />,
    );

    // One group for the shared email and domain, listed once with both.
    const groups = await screen.findByRole('list', { name: 'Duplicate groups' });
    expect(within(groups).getAllByRole('group')).toHaveLength(1);
    expect(within(groups).getByText('Same email')).toBeInTheDocument();
    expect(within(groups).getByText('Same domain')).toBeInTheDocument();
    // Fewer groups than a page: all of them are shown, and there is nothing more to load.
    expect(screen.getByText('1 group.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more groups' })).not.toBeInTheDocument();

    await user.click(await screen.findByRole('radio', { name: /ALFA Kft/ }));
    await user.click(screen.getByRole('button', { name: 'Merge 2 clients' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge 1 client into “ALFA Kft”?' });
    expect(dialog).toHaveTextContent('Its cards, contacts, todos, history, documents, notes, deals and labels move to the one you keep, and the merged record goes to the trash.');
    // The kept client is named once (the title); the merged one is not repeated.
    expect(dialog.textContent!.match(/ALFA Kft|Alfa Kft/gi)).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('Merged 1 client into “ALFA Kft”.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Alfa Kft\./ })).not.toBeInTheDocument();
  });

  it('shows the largest groups a page at a time: a full page offers more, which keeps the groups shown and adds the next ones', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...group,
        value: `info@firm${i}.hu`,
        matches: [{ __typename: 'DuplicateMatch' as const, reason: 'EMAIL' as const, value: `info@firm${i}.hu` }],
        clients: [client(`a${i}`, `Firm ${i} Kft.`), client(`b${i}`, `FIRM ${i} Kft`)],
      }));
    const { user } = renderApp(
      '/',
      [
        { request: { query: DUPLICATE_GROUPS_QUERY, variables: { limit: GROUPS_PAGE } }, result: { data: { duplicateGroups: many(GROUPS_PAGE) } } },
        { request: { query: DUPLICATE_GROUPS_QUERY, variables: { limit: 2 * GROUPS_PAGE } }, result: { data: { duplicateGroups: many(GROUPS_PAGE + 3) } } },
      ],
      <DuplicatesPage />,
    );
    const groups = await screen.findByRole('list', { name: 'Duplicate groups' });
    expect(within(groups).getAllByRole('group')).toHaveLength(GROUPS_PAGE);
    expect(screen.getByText(`The ${GROUPS_PAGE} largest groups; there are more.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more groups' }));
    expect(await screen.findByText(`${GROUPS_PAGE + 3} groups, the largest first.`)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Duplicate groups' })).getAllByRole('group')).toHaveLength(GROUPS_PAGE + 3);
    expect(screen.queryByRole('button', { name: 'Show more groups' })).not.toBeInTheDocument();
  });
});
