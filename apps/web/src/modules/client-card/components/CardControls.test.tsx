import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { assignableUsersMock, pipelinesMock } from '../../../../test/factories';
import { DELETE_CARD_MUTATION, UPDATE_CARD_MUTATION } from '../graphql/card';
import { CardControls } from './CardControls';
import type { CardPageCard } from './types';

const card: CardPageCard = {
  __typename: 'ClientCard',
  id: 'card-1',
  pipelineId: 'p1',
  pipelineName: 'Sales',
  statusId: 's1',
  statusName: 'New lead',
  statusColor: '#64748b',
  value: 500,
  currency: 'EUR',
  expectedCloseDate: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  owner: { __typename: 'UserRef', id: 'u-1', name: 'Béla Nagy' },
  nextTodo: null,
} as CardPageCard;

const answer = (overrides: Record<string, unknown>) => ({
  data: { updateCard: { __typename: 'Card' as const, id: 'card-1', statusId: 's1', value: 500, currency: 'EUR', expectedCloseDate: null, owner: { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' }, ...overrides } },
});

describe('The card’s status, owner and value on the client card', () => {
  it('saves the status and the owner as soon as they are picked', async () => {
    const sent: unknown[] = [];
    const record = (variables: Record<string, unknown>) => {
      sent.push(variables);
      return true;
    };
    const { user } = renderApp(
      '/',
      [
        pipelinesMock(),
        assignableUsersMock(),
        { request: { query: UPDATE_CARD_MUTATION, variables: record }, result: answer({ statusId: 's2' }) },
        { request: { query: UPDATE_CARD_MUTATION, variables: record }, result: answer({ owner: null }) },
      ],
      <CardControls card={card} clientName="Kovács Kft." />,
    );
    const status = await screen.findByRole('combobox', { name: 'Status' });
    await waitFor(() => expect(within(status).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(status, 'Contacted');
    await waitFor(() => expect(sent).toEqual([{ id: 'card-1', input: { statusId: 's2' } }]));
    expect(await screen.findByText('Status saved.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'No owner');
    await waitFor(() => expect(sent).toEqual([{ id: 'card-1', input: { statusId: 's2' } }, { id: 'card-1', input: { ownerId: null } }]));
  });

  it('saves the expected close day as soon as it is picked, and clears it', async () => {
    const sent: unknown[] = [];
    const record = (variables: Record<string, unknown>) => {
      sent.push(variables);
      return true;
    };
    const { user } = renderApp(
      '/',
      [
        pipelinesMock(),
        assignableUsersMock(),
        { request: { query: UPDATE_CARD_MUTATION, variables: record }, result: answer({ expectedCloseDate: '2026-04-30' }) },
      ],
      <CardControls card={{ ...card, expectedCloseDate: '2026-03-31' }} clientName="Kovács Kft." />,
    );
    const day = await screen.findByLabelText('Expected close');
    expect(day).toHaveValue('2026-03-31');
    await user.clear(day);
    await waitFor(() => expect(sent).toEqual([{ id: 'card-1', input: { expectedCloseDate: null } }]));
    expect(await screen.findByText('Expected close saved.')).toBeInTheDocument();
  });

  it('saves the value as typed ("1 250 000,50" in HUF, never rounded) and refuses an ambiguous one with a clear message', async () => {
    const sent: unknown[] = [];
    const { user } = renderApp(
      '/',
      [
        pipelinesMock(),
        assignableUsersMock(),
        {
          request: {
            query: UPDATE_CARD_MUTATION,
            variables: (variables: Record<string, unknown>) => {
              sent.push(variables);
              return true;
            },
          },
          result: answer({ value: 1250000.5, currency: 'HUF' }),
        },
      ],
      <CardControls card={card} clientName="Kovács Kft." />,
    );
    const form = await screen.findByRole('form', { name: 'Card value' });
    const value = within(form).getByLabelText('Value');
    expect(value).toHaveValue('500');

    // "1.250" where a dot is the decimal point: 1.25 or 1250? Asked, not guessed.
    await user.clear(value);
    await user.type(value, '1.250');
    await user.click(within(form).getByRole('button', { name: 'Save value' }));
    expect(screen.getByText('“1.250” could be read two ways. Write thousands with a space (1 250) and decimals after “.”.')).toBeInTheDocument();
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);

    await user.clear(value);
    await user.type(value, '1 250 000,50');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Currency' }), 'HUF');
    await user.click(within(form).getByRole('button', { name: 'Save value' }));
    await waitFor(() => expect(sent).toEqual([{ id: 'card-1', input: { value: 1250000.5, currency: 'HUF' } }]));
  });

  it('deletes the card to the trash only after a confirmation that says what goes', async () => {
    let deleted = false;
    const { user } = renderApp(
      '/',
      [
        pipelinesMock(),
        assignableUsersMock(),
        {
          request: { query: DELETE_CARD_MUTATION, variables: { id: 'card-1' } },
          result: () => {
            deleted = true;
            return { data: { deleteCard: true } };
          },
        },
      ],
      <CardControls card={card} clientName="Kovács Kft." />,
    );
    await user.click(await screen.findByRole('button', { name: 'Delete card' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the card in Sales?' });
    expect(dialog).toHaveTextContent('The card of “Kovács Kft.” in Sales goes to the trash');
    expect(deleted).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Move to trash' }));
    await waitFor(() => expect(deleted).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
