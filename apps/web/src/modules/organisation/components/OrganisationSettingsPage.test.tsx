import { screen, waitFor } from '@testing-library/react';
import { buildMe, buildOrganisation, graphQLError, meMock, organisationMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { orgTimeZone, setOrgTimeZone } from '../../../ui/datetime';
import { UPDATE_ORGANISATION_MUTATION } from '../graphql/organisation';

describe('Settings › Organisation', () => {
  afterEach(() => setOrgTimeZone('Europe/Budapest'));

  it('after sign-in the app uses the organisation’s zone and says so when the browser’s differs', async () => {
    renderApp('/settings/organisation', [meMock(buildMe()), navViewsMock(), organisationMock(buildOrganisation({ timeZone: 'Asia/Tokyo' }))]);
    expect(await screen.findByRole('heading', { name: 'Organisation', level: 1 })).toBeInTheDocument();
    expect(orgTimeZone()).toBe('Asia/Tokyo');
    // The test machine does not run in Tokyo: the header says which zone times are in.
    expect(screen.getByText('Times: Tokyo')).toHaveAttribute('title', expect.stringContaining('Asia/Tokyo'));
    expect(screen.getByLabelText('Time zone')).toHaveValue('Asia/Tokyo');
    expect(screen.getByLabelText('Sorting language')).toHaveValue('hu');
    expect(screen.getByLabelText('Default country of phone numbers')).toHaveValue('HU');
  });

  it('saves the settings, and shows a refused zone in the user’s words next to the field', async () => {
    const input = { timeZone: 'Europe/Warsaw', language: 'pl', defaultCountry: 'PL' };
    let calls = 0;
    const { user } = renderApp('/settings/organisation', [
      meMock(buildMe()),
      navViewsMock(),
      organisationMock(),
      {
        request: { query: UPDATE_ORGANISATION_MUTATION, variables: { input } },
        result: () => {
          calls += 1;
          return { errors: [graphQLError('Some settings are not valid.', { code: 'BAD_USER_INPUT', fields: { timeZone: 'Choose a time zone such as Europe/Warsaw.' }, fieldReasons: { timeZone: 'TIME_ZONE_UNKNOWN' } })] };
        },
      },
      {
        request: { query: UPDATE_ORGANISATION_MUTATION, variables: { input } },
        result: { data: { updateOrganisationSettings: buildOrganisation(input) } },
      },
    ]);
    await user.selectOptions(await screen.findByLabelText('Time zone'), 'Europe/Warsaw');
    await user.selectOptions(screen.getByLabelText('Sorting language'), 'pl');
    await user.selectOptions(screen.getByLabelText('Default country of phone numbers'), 'PL');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose a time zone from the list, such as Europe/Warsaw.')).toBeInTheDocument();
    expect(calls).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    await waitFor(() => expect(orgTimeZone()).toBe('Europe/Warsaw'));
  });

  it('is for admins only', async () => {
    renderApp('/settings/organisation', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock()]);
    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    expect(screen.queryByLabelText('Time zone')).toBeNull();
  });
});
