import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { renderApp } from '../../../../test/render';
import { buildClientDetail, buildPipeline, buildStatus, pipelinesMock } from '../../../../test/factories';
import { ADD_CLIENT_TO_PIPELINE_MUTATION } from '../graphql/card';
import { RelatedTab } from './RelatedTab';

describe('Related tab', () => {
  it('adds the client to another pipeline in the chosen status and opens that card', async () => {
    const support = buildPipeline({
      id: 'p2',
      name: 'Support',
      statuses: [buildStatus({ id: 't1', pipelineId: 'p2', name: 'Ticket' }), buildStatus({ id: 't2', pipelineId: 'p2', name: 'Waiting', position: 1 })],
    });
    const client = buildClientDetail({
      cards: [
        {
          __typename: 'ClientCard',
          id: 'card-1',
          pipelineId: 'p1',
          pipelineName: 'Sales',
          statusId: 's1',
          statusName: 'New lead',
          statusColor: '#64748b',
          value: null,
          currency: 'EUR',
          expectedCloseDate: null,
          createdAt: '2026-03-01T09:00:00.000Z',
          owner: null,
          nextTodo: null,
        },
      ] as never,
    });
    const { user } = renderApp(
      '/clients/cl-1/related',
      [
        pipelinesMock([buildPipeline(), support]),
        {
          request: { query: ADD_CLIENT_TO_PIPELINE_MUTATION, variables: { input: { clientId: 'cl-1', statusId: 't2' } } },
          result: { data: { addClientToPipeline: { __typename: 'Card' as const, id: 'card-2', pipelineId: 'p2', statusId: 't2' } } },
        },
      ],
      <Routes>
        <Route path="/clients/:clientId/related" element={<RelatedTab client={client} currentCardId="card-1" />} />
        <Route path="/clients/:clientId/todos" element={<p>Todos of the new card</p>} />
      </Routes>,
    );
    const form = await screen.findByRole('form', { name: 'Add this client to another pipeline' });
    // Only pipelines the client is not in yet are offered.
    const pipeline = within(form).getByRole('combobox', { name: 'Pipeline' });
    await waitFor(() => expect(within(pipeline).getAllByRole('option').map((o) => o.textContent)).toEqual(['Support']));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'Waiting');
    await user.click(within(form).getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('Todos of the new card')).toBeInTheDocument();
  });
});
