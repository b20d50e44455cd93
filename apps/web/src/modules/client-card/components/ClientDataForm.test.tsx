import { screen, within } from '@testing-library/react';
import { useQuery } from '@apollo/client/react';
import { CLIENT_DETAIL_QUERY } from '../../clients/graphql/clients';
import { assignableUsersMock, buildClientDetail, buildLabel, labelsMock } from '../../../../test/factories';
import { graphQLError, renderApp } from '../../../../test/render';
import { UPDATE_CLIENT_MUTATION } from '../graphql/client';
import { FieldsTab } from './FieldsTab';

const departments = [buildLabel({ id: 'd-hu', kind: 'DEPARTMENT', name: 'Hungary' }), buildLabel({ id: 'd-pl', kind: 'DEPARTMENT', name: 'Poland' })];

function updated(overrides: Parameters<typeof buildClientDetail>[0]) {
  const { contacts: _contacts, cards: _cards, createdAt: _createdAt, ...client } = buildClientDetail(overrides);
  return client;
}

/** The record page's way in: the client comes from the cache, so the mutation's answer reaches the form. */
function CachedFieldsTab() {
  const { data } = useQuery(CLIENT_DETAIL_QUERY, { variables: { id: 'cl-1' } });
  return data ? <FieldsTab client={data.client} card={null} /> : null;
}

const clientDetailMock = () => ({
  request: { query: CLIENT_DETAIL_QUERY, variables: { id: 'cl-1' } },
  result: { data: { client: buildClientDetail() } },
});

describe('Client data in the Fields tab', () => {
  it('saves only what changed (a second email, owner, department) and warns of possible duplicates with links', async () => {
    const { user } = renderApp(
      '/',
      [
        clientDetailMock(),
        assignableUsersMock(),
        labelsMock('DEPARTMENT', departments),
        {
          request: {
            query: UPDATE_CLIENT_MUTATION,
            variables: { id: 'cl-1', input: { emails: ['info@kovacs.hu', 'sales@kovacs.hu'], ownerId: 'u-2', departmentId: 'd-pl' } },
          },
          result: {
            data: {
              updateClient: {
                __typename: 'ClientUpdate',
                client: updated({
                  emails: ['info@kovacs.hu', 'sales@kovacs.hu'],
                  owner: { __typename: 'UserRef', id: 'u-2', name: 'Cecília Tóth' } as { id: string; name: string },
                  department: { __typename: 'LabelRef', id: 'd-pl', name: 'Poland' } as { id: string; name: string },
                }),
                possibleDuplicates: [{ __typename: 'Client', id: 'cl-9', name: 'Kovács és Társa' }],
              },
            },
          },
        },
      ],
      <CachedFieldsTab />,
    );

    const form = await screen.findByRole('form', { name: 'Client data' });
    expect(within(form).getByLabelText('Name *')).toHaveValue('Kovács Kft.');
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await user.click(within(form).getByRole('button', { name: 'Add email' }));
    await user.type(within(form).getByRole('textbox', { name: 'Email 2' }), 'sales@kovacs.hu');
    await user.selectOptions(within(form).getByLabelText('Owner'), 'Cecília Tóth');
    await screen.findByRole('option', { name: 'Poland' });
    await user.selectOptions(within(form).getByLabelText('Department'), 'Poland');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    const warning = await screen.findByText(/Another client has the same email, tax ID or domain/);
    expect(within(warning).getByRole('link', { name: 'Kovács és Társa' })).toHaveAttribute('href', '/clients/cl-9');
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Email 2' })).toHaveValue('sales@kovacs.hu');
  });

  it('shows the API error under the field it belongs to, and refuses an empty name before sending', async () => {
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        labelsMock('DEPARTMENT'),
        {
          request: { query: UPDATE_CLIENT_MUTATION, variables: { id: 'cl-1', input: { taxId: '12' } } },
          result: { errors: [graphQLError('Some fields are not valid.', { code: 'BAD_USER_INPUT', fields: { taxId: 'Enter a tax id of 4 to 40 letters, digits, spaces or - . /' } })] },
        },
      ],
      <FieldsTab client={buildClientDetail()} card={null} />,
    );
    const form = screen.getByRole('form', { name: 'Client data' });

    await user.clear(within(form).getByLabelText('Name *'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(within(form).getByLabelText('Name *')).toHaveAccessibleDescription("Enter the client's name.");

    await user.type(within(form).getByLabelText('Name *'), 'Kovács Kft.');
    await user.type(within(form).getByLabelText('Tax ID'), '12');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Enter a tax id of 4 to 40 letters, digits, spaces or - . /')).toBeInTheDocument();
    expect(within(form).getByLabelText('Tax ID')).toHaveAttribute('aria-invalid', 'true');
  });
  it('checks a tax number’s check digits as it is typed and says what is wrong, without refusing it', async () => {
    const { user } = renderApp('/', [clientDetailMock(), assignableUsersMock(), labelsMock('DEPARTMENT', departments)], <CachedFieldsTab />);
    const form = await screen.findByRole('form', { name: 'Client data' });
    const taxId = within(form).getByLabelText('Tax ID');
    await user.type(taxId, '526-104-08-28');
    expect(taxId).toHaveAccessibleDescription('Polish tax number, check digit correct: 526-104-08-28');
    await user.clear(taxId);
    await user.type(taxId, '10773382-2-44');
    expect(taxId).toHaveAccessibleDescription('The check digit does not match: look for a typo.');
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeEnabled();
  });
});
