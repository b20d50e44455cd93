import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { DUPLICATE_GROUPS_QUERY, MERGE_CLIENTS_MUTATION } from '../graphql/duplicates';
import { DuplicatesPage } from './DuplicatesPage';

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
  clients: [client('c1', 'Alfa Kft.'), client('c2', 'ALFA Kft')],
};

describe('Duplicates page', () => {
  it('merges a group into the chosen primary after a confirmation that says what moves', async () => {
    const { user } = renderApp(
      '/',
      [
        { request: { query: DUPLICATE_GROUPS_QUERY }, result: { data: { duplicateGroups: [group] } } },
        {
          request: { query: MERGE_CLIENTS_MUTATION, variables: { input: { primaryId: 'c2', otherIds: ['c1'] } } },
          result: { data: { mergeClients: { __typename: 'ClientDetail', id: 'c2', name: 'ALFA Kft' } } },
        },
        { request: { query: DUPLICATE_GROUPS_QUERY }, result: { data: { duplicateGroups: [] } } },
      ],
      <DuplicatesPage />,
    );

    await user.click(await screen.findByRole('radio', { name: /ALFA Kft/ }));
    await user.click(screen.getByRole('button', { name: 'Merge 2 clients' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge into “ALFA Kft”?' });
    expect(dialog).toHaveTextContent('The cards, contacts, todos, history, documents, notes, deals and labels of Alfa Kft. move to “ALFA Kft”');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('Merged 1 client into “ALFA Kft”.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Alfa Kft\./ })).not.toBeInTheDocument();
  });
});
