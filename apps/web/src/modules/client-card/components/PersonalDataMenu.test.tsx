import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { CurrentUserContext } from '../../auth/hooks/useCurrentUser';
import { buildMe, graphQLError } from '../../../../test/render';
import { ERASE_PERSONAL_DATA_MUTATION } from '../graphql/privacy';
import { PersonalDataMenu } from './PersonalDataMenu';

type Mock = MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>;
const client = { id: 'c-1', name: 'Nováková Design' };

function renderMenu(role: 'ADMIN' | 'MANAGER' | 'NORMAL' | 'RESTRICTED', mocks: Mock[] = [], onErased = jest.fn()) {
  render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
      <CurrentUserContext.Provider value={buildMe({ role })}>
        <PersonalDataMenu subject={client} onErased={onErased} />
      </CurrentUserContext.Provider>
    </MockedProvider>,
  );
  return { user: userEvent.setup(), onErased };
}

describe('the client card’s Personal data menu', () => {
  it.each(['MANAGER', 'NORMAL', 'RESTRICTED'] as const)('is not there for a %s user', (role) => {
    renderMenu(role);
    expect(screen.queryByRole('button', { name: 'Personal data' })).toBeNull();
  });

  it('offers an admin the archive as a download', async () => {
    const { user } = renderMenu('ADMIN');
    await user.click(screen.getByRole('button', { name: 'Personal data' }));
    const link = screen.getByRole('link', { name: 'Export data' });
    expect(link).toHaveAttribute('href', '/privacy/export?kind=CLIENT&id=c-1');
    expect(link).toHaveAttribute('download');
  });

  it('names the contact on a contact’s menu and exports that contact', async () => {
    render(
      <MockedProvider mocks={[]} mockLinkDefaultOptions={{ delay: 0 }}>
        <CurrentUserContext.Provider value={buildMe({ role: 'ADMIN' })}>
          <PersonalDataMenu kind="CONTACT" subject={{ id: 'k-1', name: 'Eva Kontakt' }} onErased={jest.fn()} />
        </CurrentUserContext.Provider>
      </MockedProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Personal data of Eva Kontakt' }));
    expect(screen.getByRole('link', { name: 'Export data' })).toHaveAttribute('href', '/privacy/export?kind=CONTACT&id=k-1');
  });

  it('erases only once the client’s name is typed, and shows a refusal as a message', async () => {
    const sent: unknown[] = [];
    const mocks: Mock[] = [
      {
        request: { query: ERASE_PERSONAL_DATA_MUTATION, variables: (v: Record<string, unknown>) => (sent.push(v), true) },
        result: { errors: [graphQLError('The name typed is wrong.', { code: 'BAD_USER_INPUT', reason: 'NAME_MISMATCH' })] },
      },
      { request: { query: ERASE_PERSONAL_DATA_MUTATION, variables: { kind: 'CLIENT', id: 'c-1', confirmName: 'nováková design ' } }, result: { data: { erasePersonalData: true } } },
    ];
    const { user, onErased } = renderMenu('ADMIN', mocks);
    await user.click(screen.getByRole('button', { name: 'Personal data' }));
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase Nováková Design for good?' });
    expect(dialog).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Erase for good' });
    const input = screen.getByLabelText('Type “Nováková Design” to confirm');
    await user.type(input, 'Novakova');
    expect(confirm).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'nováková design ');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent('The name typed is not the client’s name.');
    expect(onErased).not.toHaveBeenCalled();
    await user.click(confirm);
    await waitFor(() => expect(onErased).toHaveBeenCalled());
    expect(sent).toEqual([{ kind: 'CLIENT', id: 'c-1', confirmName: 'nováková design ' }]);
  });
});
