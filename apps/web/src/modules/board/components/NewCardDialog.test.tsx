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

  it('takes the value as Hungarians type it ("1 250 000,50" is 1250000.50, never 1,250,001) and asks about an ambiguous one', async () => {
    const onCreated = jest.fn();
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        {
          request: {
            query: CREATE_CARD_MUTATION,
            variables: { input: { statusId: 's1', client: { name: 'Tóth Bt.', type: 'COMPANY' }, value: 1250000.5, currency: 'HUF' } },
          },
          result: { data: { createCard: buildBoardCard({ id: 'c-2', clientName: 'Tóth Bt.' }) } },
        },
      ],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={onCreated} />,
    );
    await user.type(screen.getByLabelText('Client name'), 'Tóth Bt.');
    await user.type(screen.getByLabelText('Value'), '1.250');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(screen.getByText(/“1\.250” could be read two ways/)).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Value'));
    await user.type(screen.getByLabelText('Value'), '1 250 000,50');
    await user.selectOptions(screen.getByLabelText('Currency'), 'HUF');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-2' })));
  });
});
