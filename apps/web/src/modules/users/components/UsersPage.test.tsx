import { screen, within } from '@testing-library/react';
import { buildMe, buildUserRow, graphQLError, meMock, renderApp } from '../../../../test/render';
import { buildLabel, labelsMock, navViewsMock } from '../../../../test/factories';
import { CREATE_USER_MUTATION, SET_USER_ACTIVE_MUTATION, SET_USER_DEPARTMENTS_MUTATION, USERS_QUERY } from '../graphql/users';

const admin = buildMe();
const adminRow = buildUserRow({
  id: admin.id,
  name: admin.name,
  email: admin.email,
  role: 'ADMIN',
  locale: 'en',
  lastLoginAt: '2025-03-02T08:00:00.000Z',
});
const bela = buildUserRow();
const inactive = buildUserRow({ id: 'u-2', name: 'Cecília Tóth', email: 'cecilia@example.com', active: false, lastLoginAt: null });

const usersMock = (users = [adminRow, bela, inactive]) => ({
  request: { query: USERS_QUERY },
  result: { data: { users } },
});

const newUser = {
  name: 'Dénes Varga',
  email: 'denes@example.com',
  role: 'MANAGER' as const,
  password: 'long enough',
  locale: 'hu',
};

async function fillNewUserForm(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'New user' }));
  const dialog = screen.getByRole('dialog', { name: 'New user' });
  await user.type(within(dialog).getByLabelText('Name'), newUser.name);
  await user.type(within(dialog).getByLabelText('Email'), newUser.email);
  await user.selectOptions(within(dialog).getByLabelText('Role'), 'MANAGER');
  await user.selectOptions(within(dialog).getByLabelText('Language'), 'hu');
  await user.type(within(dialog).getByLabelText('Password'), newUser.password);
  return dialog;
}

describe('Settings › Users', () => {
  it('lists users with role, status and last login', async () => {
    renderApp('/settings/users', [meMock(admin), navViewsMock(), usersMock()]);

    const table = await screen.findByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Béla Nagy');
    expect(rows[1]).toHaveTextContent('bela@example.com');
    expect(rows[1]).toHaveTextContent('Normal');
    expect(rows[1]).toHaveTextContent('Active');
    expect(rows[2]).toHaveTextContent('Inactive');
    expect(rows[2]).toHaveTextContent('Never');
    expect(within(rows[2]).getByRole('button', { name: 'Activate Cecília Tóth' })).toBeInTheDocument();
    expect(within(rows[0]).getByText('You')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Settings sections' })).toBeInTheDocument();
  });

  it('creates a user with the entered values and adds them to the table', async () => {
    const { password: _password, ...profile } = newUser;
    const created = buildUserRow({ id: 'u-3', ...profile, lastLoginAt: null });
    const { user } = renderApp('/settings/users', [
      meMock(admin),
      navViewsMock(),
      usersMock(),
      {
        request: { query: CREATE_USER_MUTATION, variables: { input: newUser } },
        result: { data: { createUser: created } },
      },
    ]);

    await fillNewUserForm(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByRole('rowheader', { name: /Dénes Varga/ })).toHaveTextContent('denes@example.com');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Dénes Varga has been added.');
  });

  it('shows the server error on the email field when the email is taken', async () => {
    const { user } = renderApp('/settings/users', [
      meMock(admin),
      navViewsMock(),
      usersMock(),
      {
        request: { query: CREATE_USER_MUTATION, variables: { input: newUser } },
        result: {
          errors: [
            graphQLError('Email already used', {
              code: 'CONFLICT',
              fields: { email: 'A user with this email already exists' },
            }),
          ],
        },
      },
    ]);

    const dialog = await fillNewUserForm(user);
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await within(dialog).findByText('A user with this email already exists')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('A user with this email already exists');
  });

  it('shows a decorator validation code from the server translated, with its limit', async () => {
    const { user } = renderApp('/settings/users', [
      meMock(admin),
      navViewsMock(),
      usersMock(),
      {
        request: { query: CREATE_USER_MUTATION, variables: { input: newUser } },
        result: {
          errors: [
            graphQLError('Some fields are not valid.', {
              code: 'BAD_USER_INPUT',
              fields: { email: 'email must be shorter than or equal to 254 characters' },
              fieldReasons: { email: 'TOO_LONG' },
              fieldParams: { email: { max: 254 } },
            }),
          ],
        },
      },
    ]);

    const dialog = await fillNewUserForm(user);
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await within(dialog).findByText('Enter at most 254 characters.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('Enter at most 254 characters.');
  });

  it('validates email and password on the client before sending', async () => {
    const { user } = renderApp('/settings/users', [meMock(admin), navViewsMock(), usersMock()]);
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText('Name'), 'X');
    await user.type(within(dialog).getByLabelText('Email'), 'not-an-email');
    await user.type(within(dialog).getByLabelText('Password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription(
      'Enter a valid email address, like name@company.com.',
    );
    expect(within(dialog).getByLabelText('Password')).toHaveAccessibleDescription('Use at least 8 characters.');
  });

  it('shows the API message when an admin tries to deactivate themselves', async () => {
    const { user } = renderApp('/settings/users', [
      meMock(admin),
      navViewsMock(),
      usersMock(),
      {
        request: { query: SET_USER_ACTIVE_MUTATION, variables: { id: admin.id, active: false } },
        result: { errors: [graphQLError('You cannot deactivate yourself', { code: 'BAD_USER_INPUT' })] },
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Deactivate Anna Kovács' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Anna Kovács?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot deactivate yourself');
  });

  it('closes a dialog with Escape and gives focus back to its trigger', async () => {
    const { user } = renderApp('/settings/users', [meMock(admin), navViewsMock(), usersMock()]);
    const trigger = await screen.findByRole('button', { name: 'Edit Béla Nagy' });
    await user.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Edit user' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Béla Nagy');

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('shows an empty state when there are no users', async () => {
    renderApp('/settings/users', [meMock(admin), navViewsMock(), usersMock([])]);
    expect(await screen.findByRole('heading', { name: 'No users yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New user' })).toBeInTheDocument();
  });
});

describe('Settings › Users › departments', () => {
  it('lets an admin put a user into departments and shows them in the table', async () => {
    const hungary = buildLabel({ id: 'd-hu', kind: 'DEPARTMENT', name: 'Hungary' });
    const poland = buildLabel({ id: 'd-pl', kind: 'DEPARTMENT', name: 'Poland' });
    let sent: unknown = null;
    const { user } = renderApp('/settings/users', [
      meMock(admin),
      navViewsMock(),
      usersMock(),
      labelsMock('DEPARTMENT', [hungary, poland]),
      {
        request: {
          query: SET_USER_DEPARTMENTS_MUTATION,
          variables: (variables: Record<string, unknown>) => {
            sent = variables;
            return true;
          },
        },
        result: {
          data: {
            setUserDepartments: { ...bela, departments: [{ __typename: 'LabelRef', id: 'd-hu', name: 'Hungary' }] },
          },
        },
      },
    ]);

    const table = await screen.findByRole('table', { name: 'Users' });
    const belaRow = within(table).getByRole('row', { name: /Béla Nagy/ });
    expect(belaRow).toHaveTextContent('No department');
    await user.click(within(belaRow).getByRole('button', { name: 'Departments of Béla Nagy' }));

    const dialog = screen.getByRole('dialog', { name: 'Departments of Béla Nagy' });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Hungary' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Poland' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Save departments' }));

    expect(await screen.findByText('Departments of Béla Nagy saved.')).toBeInTheDocument();
    expect(sent).toEqual({ id: bela.id, departmentIds: ['d-hu'] });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Béla Nagy/ })).getByText('Hungary')).toBeInTheDocument();
  });
});
