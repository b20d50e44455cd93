import { screen, waitFor, within } from '@testing-library/react';
import { assignableUsersMock, buildBoardCard, buildStatus } from '../../../../test/factories';
import { renderApp } from '../../../../test/render';
import { POSSIBLE_DUPLICATES_QUERY } from '../../duplicates/graphql/duplicates';
import { CREATE_CARD_MUTATION } from '../graphql/board';
import { NewCardDialog } from './NewCardDialog';

describe('New card dialog', () => {
  it('warns, with a link, that a client with the typed email exists, and still creates the card', async () => {
    const onCreated = jest.fn();
    const created = buildBoardCard({ id: 'c-new', clientName: 'Kovács Trade' });
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        {
          request: { query: POSSIBLE_DUPLICATES_QUERY, variables: { input: { email: 'info@kovacs.hu' } } },
          result: { data: { possibleDuplicates: [{ __typename: 'Client', id: 'cl-7', name: 'Kovács Kft.' }] } },
        },
        {
          request: {
            query: CREATE_CARD_MUTATION,
            variables: {
              input: { statusId: 's1', client: { name: 'Kovács Trade', type: 'COMPANY', email: 'info@kovacs.hu' }, value: null, currency: 'EUR' },
            },
          },
          result: { data: { createCard: created } },
        },
      ],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={onCreated} />,
    );

    await user.type(screen.getByLabelText('Client name'), 'Kovács Trade');
    await user.type(screen.getByLabelText('Email'), 'info@kovacs.hu');

    const warning = await screen.findByText('A client with this email already exists:', {}, { timeout: 2000 });
    expect(within(warning).getByRole('link', { name: 'Kovács Kft.' })).toHaveAttribute('href', '/clients/cl-7');

    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-new' })));
  });
});
