import { screen, waitFor, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { buildPipeline, buildStatus, navViewsMock, pipelinesMock } from '../../../../test/factories';
import { CREATE_STATUS_MUTATION, REORDER_STATUSES_MUTATION, UPDATE_STATUS_MUTATION } from '../graphql/pipelineMutations';

type Vars = Record<string, unknown>;

const statusNames = () =>
  within(screen.getByRole('list', { name: 'Statuses of Sales' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.status-row__name')?.textContent);

describe('Settings › Pipelines', () => {
  it('lists the statuses in order and reorders them with the move buttons', async () => {
    let sent: Vars | null = null;
    const reordered = buildPipeline({
      statuses: [
        buildStatus({ id: 's2', name: 'Contacted', position: 0 }),
        buildStatus({ id: 's1', name: 'New lead', position: 1 }),
        buildStatus({ id: 's3', name: 'Won', position: 2, kind: 'WON' }),
      ],
    });
    const { user } = renderApp('/settings/pipelines', [
      meMock(buildMe()),
      navViewsMock(),
      pipelinesMock([buildPipeline()], true),
      {
        request: {
          query: REORDER_STATUSES_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { reorderStatuses: reordered } },
      },
    ]);

    await screen.findByRole('list', { name: 'Statuses of Sales' });
    expect(statusNames()).toEqual(['New lead', 'Contacted', 'Won']);
    expect(screen.getByRole('button', { name: 'Move New lead up' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Kind of Won' })).toHaveValue('WON');
    expect(screen.getByRole('navigation', { name: 'Settings sections' })).toHaveTextContent('Pipelines');

    await user.click(screen.getByRole('button', { name: 'Move Contacted up' }));

    expect(statusNames()).toEqual(['Contacted', 'New lead', 'Won']);
    await waitFor(() => expect(sent).toEqual({ pipelineId: 'p1', statusIds: ['s2', 's1', 's3'] }));
  });

  it('sets the win probability of an open status (for the forecast) when the field is left', async () => {
    let sent: Vars | null = null;
    const { user } = renderApp('/settings/pipelines', [
      meMock(buildMe()),
      navViewsMock(),
      pipelinesMock([buildPipeline()], true),
      {
        request: {
          query: UPDATE_STATUS_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { updateStatus: buildStatus({ probability: 40 }) } },
      },
    ]);
    const field = await screen.findByRole('spinbutton', { name: 'Win probability of New lead (percent)' });
    // Won and lost statuses have none.
    expect(screen.queryByRole('spinbutton', { name: 'Win probability of Won (percent)' })).not.toBeInTheDocument();
    await user.type(field, '40');
    await user.tab();
    await waitFor(() => expect(sent).toEqual({ id: 's1', input: { probability: 40 } }));
  });

  it('reorders with the keyboard by dragging the handle', async () => {
    let sent: Vars | null = null;
    const { user } = renderApp('/settings/pipelines', [
      meMock(buildMe()),
      navViewsMock(),
      pipelinesMock([buildPipeline()], true),
      {
        request: { query: REORDER_STATUSES_MUTATION, variables: () => true },
        result: (variables: Vars) => {
          sent = variables;
          return { errors: [graphQLError('Conflict', { code: 'CONFLICT' })] };
        },
      },
    ]);
    const handle = await screen.findByRole('button', { name: 'Drag to reorder New lead' });
    handle.focus();
    // jsdom has no layout: give each row its own place so the keyboard sensor can find the next one.
    const rows = within(screen.getByRole('list', { name: 'Statuses of Sales' })).getAllByRole('listitem');
    rows.forEach((row, index) => {
      row.getBoundingClientRect = () =>
        ({ x: 0, y: index * 50, left: 0, top: index * 50, width: 400, height: 48, right: 400, bottom: index * 50 + 48, toJSON: () => ({}) }) as DOMRect;
    });
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');

    await waitFor(() => expect(sent).toEqual({ pipelineId: 'p1', statusIds: ['s2', 's1', 's3'] }));
    // The API refused: the old order comes back, with the reason.
    expect(await screen.findByRole('alert')).toHaveTextContent('This conflicts with an existing record.');
    expect(statusNames()).toEqual(['New lead', 'Contacted', 'Won']);
  });

  it('adds a status with its kind and colour', async () => {
    let sent: Vars | null = null;
    const { user } = renderApp('/settings/pipelines', [
      meMock(buildMe()),
      navViewsMock(),
      pipelinesMock([buildPipeline()], true),
      {
        request: {
          query: CREATE_STATUS_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { createStatus: buildStatus({ id: 's9', name: 'Lost', kind: 'LOST', position: 3 }) } },
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'New status' }));
    const dialog = screen.getByRole('dialog', { name: 'New status' });
    await user.type(within(dialog).getByLabelText('Status name'), 'Lost');
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'LOST');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Status "Lost" added.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { pipelineId: 'p1', name: 'Lost', kind: 'LOST', color: '#64748b' } });
  });
});
