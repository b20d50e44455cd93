import { screen, within } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import { buildLabel, labelsMock, navViewsMock } from '../../../../test/factories';
import { CREATE_LABEL_MUTATION, SET_LABEL_ARCHIVED_MUTATION } from '../graphql/labels';

describe('Settings › Labels', () => {
  it('shows each kind on its tab and adds a tag', async () => {
    const hot = buildLabel({ id: 'l1', name: 'Hot' });
    const { user } = renderApp('/settings/labels', [
      meMock(buildMe()),
      navViewsMock(),
      labelsMock('CATEGORY', [buildLabel({ id: 'c1', kind: 'CATEGORY', name: 'Wholesale', color: '#2563eb' })]),
      labelsMock('TAG', [hot]),
      {
        request: { query: CREATE_LABEL_MUTATION, variables: { input: { kind: 'TAG', name: 'Cold' } } },
        result: { data: { createLabel: buildLabel({ id: 'l2', name: 'Cold' }) } },
      },
    ]);

    expect(await screen.findByRole('rowheader', { name: 'Wholesale' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Tags' }));
    expect(screen.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('rowheader', { name: 'Hot' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New tag' }));
    const dialog = screen.getByRole('dialog', { name: 'New tag' });
    await user.type(within(dialog).getByLabelText('Name'), 'Cold');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('"Cold" added.')).toBeInTheDocument();
  });

  it('archives a label', async () => {
    const { user } = renderApp('/settings/labels', [
      meMock(buildMe()),
      navViewsMock(),
      labelsMock('CATEGORY', [buildLabel({ id: 'c1', kind: 'CATEGORY', name: 'Wholesale' })]),
      {
        request: { query: SET_LABEL_ARCHIVED_MUTATION, variables: { kind: 'CATEGORY', id: 'c1', archived: true } },
        result: { data: { setLabelArchived: buildLabel({ id: 'c1', kind: 'CATEGORY', name: 'Wholesale', archivedAt: '2026-03-01T00:00:00.000Z' }) } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archive Wholesale' }));
    expect(await screen.findByText('"Wholesale" archived.')).toBeInTheDocument();
  });
});
