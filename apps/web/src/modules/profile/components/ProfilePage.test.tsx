import { fireEvent, screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { CHANGE_PASSWORD_MUTATION, PROFILE_QUERY, UPDATE_PROFILE_MUTATION } from '../graphql/profile';

const me = buildMe({ role: 'RESTRICTED', name: 'Réka Restricted' });
const profile = { ...me, signature: '<b>Réka</b><br />Support', photoUrl: null };
const profileMock = { request: { query: PROFILE_QUERY }, result: { data: { me: profile } }, maxUsageCount: Number.POSITIVE_INFINITY };

describe('Profile page', () => {
  it('shows name, language, photo, signature and password for any role, and saves the signature as HTML', async () => {
    let sent: unknown = null;
    const { user } = renderApp('/profile', [
      meMock(me),
      navViewsMock(),
      profileMock,
      {
        request: {
          query: UPDATE_PROFILE_MUTATION,
          variables: (variables: Record<string, unknown>) => {
            sent = variables.input;
            return true;
          },
        },
        result: { data: { updateMyProfile: { ...profile, signature: '<b>Réka</b><br />Support<br /><i>Slovakia</i>' } } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Name')).toHaveValue('Réka Restricted');
    expect(screen.getByRole('button', { name: 'Upload a photo' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Password' })).toBeInTheDocument();

    const signature = screen.getByRole('region', { name: 'Mail signature' });
    const editor = within(signature).getByRole('textbox', { name: 'Signature' });
    expect(editor.innerHTML).toBe('<b>Réka</b><br>Support');
    expect(within(signature).getByRole('toolbar', { name: 'Formatting' })).toBeInTheDocument();
    editor.innerHTML = '<b>Réka</b><br>Support<br><i>Slovakia</i>';
    fireEvent.input(editor);
    await user.click(within(signature).getByRole('button', { name: 'Save signature' }));

    expect(await screen.findByText('Your signature is saved.')).toBeInTheDocument();
    expect(sent).toEqual({ signature: '<b>Réka</b><br>Support<br><i>Slovakia</i>' });
  });

  it('asks for the current password, checks the new one twice, and shows a wrong current password on its field', async () => {
    const { user } = renderApp('/profile', [
      meMock(me),
      navViewsMock(),
      profileMock,
      {
        request: { query: CHANGE_PASSWORD_MUTATION, variables: { input: { currentPassword: 'wrong-one', newPassword: 'brand-new-pass' } } },
        result: { errors: [graphQLError('The current password is not right.', { code: 'BAD_USER_INPUT', fields: { currentPassword: 'The current password is not right.' } })] },
      },
      {
        request: { query: CHANGE_PASSWORD_MUTATION, variables: { input: { currentPassword: 'demo1234', newPassword: 'brand-new-pass' } } },
        result: { data: { changeMyPassword: true } },
      },
    ]);
    const section = await screen.findByRole('region', { name: 'Password' });
    await user.type(within(section).getByLabelText('Current password'), 'wrong-one');
    await user.type(within(section).getByLabelText('New password'), 'brand-new-pass');
    await user.type(within(section).getByLabelText('New password again'), 'brand-new-typo');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(within(section).getByText('The two new passwords differ.')).toBeInTheDocument();

    await user.clear(within(section).getByLabelText('New password again'));
    await user.type(within(section).getByLabelText('New password again'), 'brand-new-pass');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText('The current password is not right.')).toBeInTheDocument();

    await user.clear(within(section).getByLabelText('Current password'));
    await user.type(within(section).getByLabelText('Current password'), 'demo1234');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password is changed. Other sessions have been signed out.')).toBeInTheDocument();
    expect(within(section).getByLabelText('Current password')).toHaveValue('');
  });

  it('is reached from the user in the header', async () => {
    renderApp('/reports', [meMock(me), navViewsMock()]);
    const chip = await screen.findByRole('link', { name: 'Signed in as Réka Restricted, Restricted' });
    expect(chip).toHaveAttribute('href', '/profile');
  });
});
