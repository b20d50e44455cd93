import { screen, within } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { API_KEYS_QUERY, CREATE_API_KEY_MUTATION, REVOKE_API_KEY_MUTATION } from '../graphql/apiKeys';

const key = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'ApiKey' as const,
  id: 'k1',
  name: 'Accounting',
  prefix: 'crm_AbCdEfGh',
  canWrite: false,
  modules: ['CARDS'],
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

describe('Settings › API keys', () => {
  it('creates a key and shows its secret once', async () => {
    const created = key({ id: 'k2', name: 'Web form', canWrite: true, modules: ['CARDS', 'CLIENTS'] });
    const { user } = renderApp('/settings/api-keys', [
      meMock(buildMe()),
      navViewsMock(),
      { request: { query: API_KEYS_QUERY }, result: { data: { apiKeys: [key()] } } },
      {
        request: { query: CREATE_API_KEY_MUTATION, variables: { input: { name: 'Web form', canWrite: true, modules: ['CARDS', 'CLIENTS'], expiresAt: null } } },
        result: { data: { createApiKey: { __typename: 'CreatedApiKey', secret: 'crm_secret-shown-once', key: created } } },
      },
      { request: { query: API_KEYS_QUERY }, result: { data: { apiKeys: [created, key()] } } },
    ]);
    expect(await screen.findByRole('rowheader', { name: /Accounting/ })).toBeInTheDocument();
    expect(screen.getByText('Read only')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'Web form');
    await user.click(within(dialog).getByLabelText(/Allow changes/));
    await user.clear(within(dialog).getByLabelText('Expires on'));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your new key' });
    expect(within(shown).getByLabelText('API key')).toHaveValue('crm_secret-shown-once');
    await user.click(within(shown).getByRole('button', { name: 'I have stored it' }));
    expect(await screen.findByRole('rowheader', { name: /Web form/ })).toBeInTheDocument();
    expect(screen.queryByDisplayValue('crm_secret-shown-once')).not.toBeInTheDocument();
  });

  it('revokes a key after confirming', async () => {
    const { user } = renderApp('/settings/api-keys', [
      meMock(buildMe()),
      navViewsMock(),
      { request: { query: API_KEYS_QUERY }, result: { data: { apiKeys: [key()] } } },
      { request: { query: REVOKE_API_KEY_MUTATION, variables: { id: 'k1' } }, result: { data: { revokeApiKey: key({ revokedAt: '2026-11-30T10:00:00.000Z' }) } } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Revoke Accounting' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke Accounting' })).not.toBeInTheDocument();
  });
});
