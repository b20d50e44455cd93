import { screen, waitFor } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { LIST_QUERY } from '../graphql/campaigns';

const postal = {
  __typename: 'DistributionList' as const,
  id: 'list-1',
  name: 'Christmas cards',
  kind: 'STATIC',
  channel: 'POSTAL',
  recipients: 'PRIMARY',
  role: null,
  clientCount: 0,
  updatedAt: '2026-12-01T10:00:00.000Z',
  filter: null,
};
const listMock = () => ({
  request: { query: LIST_QUERY, variables: { id: 'list-1', text: null, page: { offset: 0, limit: 50 } } },
  result: { data: { distributionList: postal, listMembers: { __typename: 'ClientList' as const, total: 0, items: [] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});
const render = () => renderApp('/lists/list-1', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock(), listMock()]);

describe('Campaigns › list downloads', () => {
  const originalFetch = global.fetch;
  afterEach(() => {
    global.fetch = originalFetch;
  });

  it('says in words why the labels were refused (the list is no longer postal)', async () => {
    const fetchMock = jest.fn().mockResolvedValue({ ok: false, status: 400, json: async () => ({ error: { code: 'BAD_USER_INPUT', reason: 'LABELS_NEED_POSTAL_LIST', message: 'Address labels are printed for a postal list.' } }) });
    global.fetch = fetchMock as unknown as typeof fetch;
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Address labels (PDF)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Address labels are printed for a postal list only: change the list’s channel to postal.');
    expect(fetchMock).toHaveBeenCalledWith('/lists/list-1/export?format=pdf', expect.anything());
  });

  it('saves a download under the server’s file name, and a refusal without a reason by its code', async () => {
    const createObjectURL = jest.fn(() => 'blob:list');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, headers: new Headers({ 'content-disposition': 'attachment; filename="christmas.csv"' }), blob: async () => new Blob(['Name\r\n']) }) as unknown as typeof fetch;
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('christmas.csv');
    expect(screen.queryByRole('alert')).toBeNull();
    clicked.mockRestore();

    global.fetch = jest.fn().mockResolvedValue({ ok: false, status: 404, json: async () => ({ error: { code: 'NOT_FOUND', message: 'List not found.' } }) }) as unknown as typeof fetch;
    await user.click(screen.getByRole('button', { name: 'XLSX' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This item no longer exists.');
  });
});
